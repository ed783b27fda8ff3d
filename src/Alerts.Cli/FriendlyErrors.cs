using System.CommandLine;
using System.CommandLine.Invocation;
using System.Net.Sockets;
using Alerts.Cli.Commands;
using Microsoft.Data.Sqlite;

namespace Alerts.Cli;

/// <summary>
/// Wraps every verb's action so that ordinary mistakes — a taken port, a database that is not one, a folder that cannot
/// be written — end with one line on stderr saying what is wrong and what to do, and a documented exit code
/// (<see cref="ExitCodes"/>), instead of a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class FriendlyErrors
{
    /// <summary>Wraps the actions of <paramref name="command"/> and of all its subcommands.</summary>
    public static void Apply(Command command)
    {
        if (command.Action is AsynchronousCommandLineAction action)
        {
            command.Action = new Guarded(action, VerbOf(command));
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand);
        }
    }

    /// <summary>The one line for an ordinary mistake, with its exit code; false when <paramref name="exception"/> is a bug.</summary>
    public static bool TryDescribe(Exception exception, out string message, out int exitCode)
    {
        switch (exception)
        {
            case CliProblem problem:
                (message, exitCode) = (problem.Message, problem.ExitCode);
                return true;
            case IOException io when FindSocketError(io) is SocketError.AddressAlreadyInUse or SocketError.AccessDenied:
                // Kestrel wraps the bind failure: "Failed to bind to address http://127.0.0.1:7070: address already in use."
                (message, exitCode) = ($"{io.Message.TrimEnd('.')}. Another program (another alerts run?) holds the port: stop it or choose another with --port.", ExitCodes.PortInUse);
                return true;
            case SqliteException { SqliteErrorCode: 26 or 11 } sqlite: // SQLITE_NOTADB, SQLITE_CORRUPT
                (message, exitCode) = ($"the database in the --data folder is damaged or not an Alerts database (SQLite: {sqlite.Message.TrimEnd('.')}). Restore a backup, or point --data at another folder.", ExitCodes.DataUnusable);
                return true;
            case SqliteException { SqliteErrorCode: 14 or 8 or 23 } sqlite: // SQLITE_CANTOPEN, SQLITE_READONLY, SQLITE_AUTH
                (message, exitCode) = ($"cannot open the database in the --data folder for writing (SQLite: {sqlite.Message.TrimEnd('.')}). Give --data a folder you can write.", ExitCodes.DataUnusable);
                return true;
            case UnauthorizedAccessException denied:
                (message, exitCode) = ($"{denied.Message.TrimEnd('.')}. Give --data a folder you can write.", ExitCodes.DataUnusable);
                return true;
            default:
                (message, exitCode) = ("", ExitCodes.Failure);
                return false;
        }
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static string VerbOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? current = command; current is Command named && current is not RootCommand; current = current.Parents.FirstOrDefault())
        {
            names.Insert(0, named.Name);
        }

        return string.Join(' ', names);
    }

    private sealed class Guarded(AsynchronousCommandLineAction inner, string verb) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.InvokeAsync(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TryDescribe(ex, out var message, out var exitCode))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"alerts {verb}: {message}").ConfigureAwait(false);
                return exitCode;
            }
        }
    }
}
