using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts sources</c>: each source with its schedule, base URL, last poll, health, items known and sequence gaps;
/// <c>alerts sources confirm-shrink &lt;source&gt;</c>: a person confirms that a suspect listing is really shorter.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources", "List the sources with their schedule, base URL, last poll and health.");
        var json = new Option<bool>("--json") { Description = "One JSON object per line per source." };
        var data = CommonOptions.Data();
        var sourceUrls = CommonOptions.SourceUrls();
        command.Options.Add(json);
        command.Options.Add(data);
        command.Options.Add(sourceUrls);
        command.Subcommands.Add(ConfirmShrink());
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            if (!CommonOptions.TryParseSourceUrls(parseResult.GetValue(sourceUrls), out var configuration, out var problem))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!, configuration);
            var catalog = services.GetRequiredService<ISourceCatalog>();
            var store = services.GetRequiredService<ISnapshotStore>();
            var rows = new List<SourceLine>();
            foreach (var source in catalog.All)
            {
                var id = source.Descriptor.Id;
                var snapshot = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
                var last = snapshot?.LastPoll;
                rows.Add(new SourceLine(
                    id,
                    source.Descriptor.DisplayName,
                    catalog.ScheduleOf(id),
                    catalog.BaseUrlOf(id).ToString(),
                    last?.At,
                    last?.Outcome.ToWire() ?? "never-polled",
                    last?.Detail,
                    snapshot?.KnownItems.Count ?? 0,
                    snapshot?.Notices.Count(n => !n.Value.Withdrawn) ?? 0,
                    snapshot?.SequenceGaps ?? []));
            }

            if (parseResult.GetValue(json))
            {
                foreach (var row in rows)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(row, AlertsJson.Web)).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            }

            await output.WriteLineAsync($"{"SOURCE",-26} {"SCHEDULE",-18} {"LAST POLL",-20} {"HEALTH",-14} {"ITEMS",5} {"NOTICES",7}  BASE URL").ConfigureAwait(false);
            foreach (var row in rows)
            {
                var lastPoll = row.LastPoll?.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture) ?? "-";
                await output.WriteLineAsync($"{row.Id,-26} {row.Schedule,-18} {lastPoll,-20} {row.Health,-14} {row.ItemsKnown,5} {row.NoticesKnown,7}  {row.BaseUrl}").ConfigureAwait(false);
                foreach (var gap in row.SequenceGaps)
                {
                    await output.WriteLineAsync("    " + gap).ConfigureAwait(false);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command ConfirmShrink()
    {
        var command = new Command("confirm-shrink",
            "Confirm that a suspect listing (one that shrank to fewer than half its rows) is really shorter: its next read is taken as it is, and notices it no longer lists can be withdrawn.");
        var source = new Argument<string>("source") { Description = "The source id (from alerts sources)." };
        var listing = new Option<string?>("--listing") { Description = "Only this listing URL (as in the source's health note); default: every suspect listing of the source." };
        var data = CommonOptions.Data();
        command.Arguments.Add(source);
        command.Options.Add(listing);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            await using var services = CliServices.Build(parseResult.GetValue(data)!);
            var result = await services.GetRequiredService<ListingShrinkConfirmation>()
                .ConfirmAsync(parseResult.GetValue(source)!, parseResult.GetValue(listing), cancellationToken).ConfigureAwait(false);
            if (result.Outcome != ShrinkConfirmationOutcome.Confirmed)
            {
                await error.WriteLineAsync($"alerts sources confirm-shrink: {result.Problem}.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            foreach (var url in result.Listings)
            {
                await output.WriteLineAsync($"confirmed {url}: its next poll is read as it is; notices it no longer lists can then be withdrawn.").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    internal sealed record SourceLine(
        string Id,
        string Name,
        string Schedule,
        string BaseUrl,
        DateTimeOffset? LastPoll,
        string Health,
        string? Detail,
        int ItemsKnown,
        int NoticesKnown,
        IReadOnlyList<string> SequenceGaps);
}
