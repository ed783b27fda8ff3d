using System.CommandLine;
using Alerts.Cli.Hosting;
using Alerts.Core.Common;
using Microsoft.Extensions.Hosting;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts run</c>: the embedded default host, until Ctrl+C or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run Alerts on this machine: SQLite, the local bus, an outbox folder, and the API and dashboard on 127.0.0.1.");
        var data = CommonOptions.Data();
        var port = new Option<int>("--port")
        {
            Description = "Port for the API and dashboard on 127.0.0.1.",
            DefaultValueFactory = _ => EmbeddedHostSettings.DefaultPort,
        };
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

            var settings = new EmbeddedHostSettings(parseResult.GetValue(data)!, parseResult.GetValue(port)) { Configuration = configuration };
            await using var app = EmbeddedHost.Build(settings);
            try
            {
                SettingsValidation.ValidateAll(app.Services);
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
            catch (IOException ex)
            {
                // Kestrel could not bind (the port is taken): say so in one line instead of a stack trace.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"alerts run: {ex.Message} Choose another port with --port.").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await ApiEndpoints.EnsureAdminKeyAsync(app.Services, parseResult.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
