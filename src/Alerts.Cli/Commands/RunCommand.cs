using System.CommandLine;
using Alerts.Cli.Hosting;
using Alerts.Core.Common;
using Alerts.Infrastructure.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts run</c>: the embedded default host, until Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run Alerts on this machine: SQLite, the local bus, an outbox folder, and the API and dashboard on 127.0.0.1.");
        var data = CommonOptions.Data();
        var port = CommonOptions.Port("Port for the API and dashboard on 127.0.0.1.");
        var sourceUrls = CommonOptions.SourceUrls();
        command.Options.Add(data);
        command.Options.Add(port);
        command.Options.Add(sourceUrls);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!CommonOptions.TryParseSourceUrls(parseResult.GetValue(sourceUrls), out var configuration, out var error))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(error).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var settings = new EmbeddedHostSettings(parseResult.GetValue(data)!, CommonOptions.CheckPort(parseResult.GetValue(port))) { Configuration = configuration };
            await using var app = EmbeddedHost.Build(settings);
            try
            {
                SettingsValidation.ValidateAll(app.Services);

                // A damaged database is one line before anything starts, not a failure inside every loop.
                if (app.Services.GetService<SqliteDatabase>() is { } database)
                {
                    await database.CheckAsync(cancellationToken).ConfigureAwait(false);
                }

                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (SettingsValidation.TryGetFailures(ex, out var failures))
            {
                // Options validated on start: every bad setting, one line each, by its configuration path.
                foreach (var failure in failures)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"alerts run: invalid setting {failure}").ConfigureAwait(false);
                }

                return ExitCodes.BadInput;
            }

            await ApiEndpoints.EnsureAdminKeyAsync(app.Services, parseResult.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Alerts is listening on http://127.0.0.1:{settings.Port}/ (dashboard: /dashboard, health: /api/health). Ctrl+C stops it.").ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
