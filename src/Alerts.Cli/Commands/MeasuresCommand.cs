using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Common;
using Alerts.Core.Measures;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts measures</c>: every measure known (or those that concern one company) with its state on a date.</summary>
internal static class MeasuresCommand
{
    public static Command Create()
    {
        var command = new Command("measures", "List the measures the stored notices publish or name, with their state (announced, in-force, suspended, lifted) on a date and their relations.");
        var company = new Option<string?>("--company") { Description = "Only the measures that concern this company's goods, codes, counterparties and destinations." };
        var at = new Option<string?>("--at") { Description = "The date, yyyy-MM-dd (default: today, UTC)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per line per measure (or clause)." };
        var data = CommonOptions.Data();
        command.Options.Add(company);
        command.Options.Add(at);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var date = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (parseResult.GetValue(at) is { Length: > 0 } given && !DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                await error.WriteLineAsync($"--at '{given}': expected a date, yyyy-MM-dd.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var companyId = parseResult.GetValue(company);
            var lines = await services.GetRequiredService<IMeasureService>().ListAsync(companyId, date, cancellationToken).ConfigureAwait(false);
            if (lines is null)
            {
                await error.WriteLineAsync($"--company '{companyId}': no such company (alerts subscriptions list).").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            if (parseResult.GetValue(json))
            {
                foreach (var line in lines)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(line, AlertsJson.Web)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"{"MEASURE",-34} {"CLAUSE",6} {"STATE",-10} {"SINCE",-10} {"UNTIL",-10}  TITLE").ConfigureAwait(false);
            foreach (var line in lines)
            {
                await output.WriteLineAsync($"{line.Key,-34} {line.Clause ?? "-",6} {line.State.WireName(),-10} {Day(line.Since),-10} {Day(line.Until),-10}  {Clip(line.Title ?? "(known only by name)")}").ConfigureAwait(false);
                foreach (var relation in line.Relations)
                {
                    await output.WriteLineAsync($"    {relation.Kind} {relation.Key}").ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Clip(string title) => title.Length <= 60 ? title : title[..60] + "…";

    private static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
