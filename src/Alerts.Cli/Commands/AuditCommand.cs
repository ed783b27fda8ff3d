using System.CommandLine;
using System.Globalization;
using Alerts.Cli.Hosting;
using Alerts.Core.Audit;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts audit</c>: a company's audit pack for a period (issue 19), written to a new zip file.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Write a company's audit pack for a period: the pages as fetched, changes, diffs, alerts, deliveries, assessment events, an index and manifest.json with every file's SHA-256.");
        var company = new Option<string>("--company") { Description = "The company id.", Required = true };
        var from = new Option<string>("--from") { Description = "First day of the period, yyyy-MM-dd (UTC).", Required = true };
        var to = new Option<string>("--to") { Description = "Last day of the period, yyyy-MM-dd (UTC), included.", Required = true };
        var output = new Option<string>("--out") { Description = "The zip file to write; it must not exist yet.", Required = true };
        var data = CommonOptions.Data();
        command.Options.Add(company);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(output);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (!TryDay(parseResult.GetValue(from)!, out var first))
            {
                await error.WriteLineAsync($"--from '{parseResult.GetValue(from)}': expected a date, yyyy-MM-dd.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (!TryDay(parseResult.GetValue(to)!, out var last))
            {
                await error.WriteLineAsync($"--to '{parseResult.GetValue(to)}': expected a date, yyyy-MM-dd.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (last < first)
            {
                await error.WriteLineAsync($"--to {last:yyyy-MM-dd} is before --from {first:yyyy-MM-dd}: give the period's first day, then its last.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var path = Path.GetFullPath(parseResult.GetValue(output)!);
            if (File.Exists(path) || Directory.Exists(path))
            {
                await error.WriteLineAsync($"--out {path} already exists: give a new file name (an audit pack is never written over another file).").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var companyId = parseResult.GetValue(company)!;
            if (await services.GetRequiredService<ICompanyStore>().GetAsync(companyId, cancellationToken).ConfigureAwait(false) is null)
            {
                await error.WriteLineAsync($"--company '{companyId}': no such company (alerts subscriptions list).").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            // Written under a temporary name and moved without overwriting: a crash leaves no half zip, and a file
            // created meanwhile under --out is still not replaced.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            var created = false;
            try
            {
                var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
                created = true;
                await using (stream.ConfigureAwait(false))
                {
                    await services.GetRequiredService<IAuditPackService>().BuildAsync(companyId, first, last, stream, cancellationToken).ConfigureAwait(false);
                }

                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException ex)
            {
                if (created)
                {
                    File.Delete(temporary);
                }

                await error.WriteLineAsync($"--out {path}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Audit pack for {companyId}, {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: {path}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool TryDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
