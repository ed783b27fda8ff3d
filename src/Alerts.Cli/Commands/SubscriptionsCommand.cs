using System.CommandLine;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts subscriptions import &lt;file.json&gt; | export | list</c>.</summary>
internal static class SubscriptionsCommand
{
    public static Command Create()
    {
        var command = new Command("subscriptions", "Import, export and list companies and what they watch.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(List());
        return command;
    }

    private static Command Import()
    {
        var command = new Command("import", "Validate a subscriptions file and store every company in it, or none if any is invalid.");
        var file = new Argument<string>("file") { Description = "{\"companies\":[…]} JSON file." };
        var data = CommonOptions.Data();
        command.Arguments.Add(file);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            var error = parseResult.InvocationConfiguration.Error;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"alerts subscriptions import: {path}: no such file.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var result = await services.GetRequiredService<SubscriptionsService>().ImportAsync(json, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors)
                {
                    await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                }

                await error.WriteLineAsync($"Nothing imported: {result.Errors.Count} error(s).").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Imported {result.Imported} companies.").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Export()
    {
        var command = new Command("export", "Print every company as a subscriptions file (the import format).");
        var data = CommonOptions.Data();
        var output = new Option<string?>("--out") { Description = "Write to this file instead of stdout." };
        command.Options.Add(data);
        command.Options.Add(output);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var json = await services.GetRequiredService<SubscriptionsService>().ExportAsync(cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(output) is { Length: > 0 } path)
            {
                await File.WriteAllTextAsync(path, json + Environment.NewLine, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(json).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List companies: id, name, what they watch and how many recipients.");
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "One JSON array instead of lines." };
        command.Options.Add(data);
        command.Options.Add(json);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var companies = await services.GetRequiredService<SubscriptionsService>().ListAsync(cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(companies, AlertsJson.Web)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            foreach (var company in companies)
            {
                await output.WriteLineAsync(Describe(company)).ConfigureAwait(false);
            }

            if (companies.Count == 0)
            {
                await output.WriteLineAsync("No companies. Import some: alerts subscriptions import samples/companies.json").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(Company company)
    {
        var watch = company.Watch;
        var parts = new List<string>();
        if (watch.Categories.Count > 0) { parts.Add("categories " + string.Join(',', watch.Categories)); }
        if (watch.Terms.Count > 0) { parts.Add("terms " + string.Join(',', watch.Terms)); }
        if (watch.HsCodes.Count > 0) { parts.Add("hs " + string.Join(',', watch.HsCodes)); }
        if (watch.ControlCodes.Count > 0) { parts.Add("codes " + string.Join(',', watch.ControlCodes)); }
        if (watch.Counterparties.Count > 0) { parts.Add("counterparties " + string.Join(',', watch.Counterparties.Select(c => c.Name))); }
        if (watch.Destinations.Count > 0) { parts.Add("destinations " + string.Join(',', watch.Destinations)); }
        return $"{company.Id}\t{company.Name}\t{string.Join("; ", parts)}\t{company.Recipients.Count} recipient(s), {company.Teams.Count} Teams webhook(s)";
    }
}
