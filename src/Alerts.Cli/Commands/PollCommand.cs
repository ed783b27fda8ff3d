using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Core.Sources;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts poll --once</c>: poll the selected sources once, store their state, print their changes.</summary>
internal static class PollCommand
{
    private static readonly AsyncLocal<bool> ProgressAsOnATerminal = new();

    /// <summary>Test seam: write the per-source progress lines as on a terminal (stderr not redirected), for the current async flow.</summary>
    internal static bool TestProgress
    {
        get => ProgressAsOnATerminal.Value;
        set => ProgressAsOnATerminal.Value = value;
    }

    public static Command Create()
    {
        var command = new Command("poll", "Poll sources once and print their changes.");
        var once = new Option<bool>("--once") { Description = "Poll each selected source once and exit (continuous polling is 'alerts run')." };
        var sources = new Option<string[]>("--source") { Description = "A source id to poll. Repeatable; all sources when none is named.", Arity = ArgumentArity.ZeroOrMore };
        var sourceUrls = CommonOptions.SourceUrls();
        var data = CommonOptions.Data();
        var json = new Option<bool>("--json") { Description = "One JSON object per line per change." };
        var publishBaseline = new Option<bool>("--publish-baseline") { Description = "Publish a source's first poll to subscribers too." };
        command.Options.Add(once);
        command.Options.Add(sources);
        command.Options.Add(sourceUrls);
        command.Options.Add(data);
        command.Options.Add(json);
        command.Options.Add(publishBaseline);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (!CommonOptions.TryParseSourceUrls(parseResult.GetValue(sourceUrls), out var configuration, out var problem))
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            await using var services = CliServices.Build(parseResult.GetValue(data)!, configuration);
            var catalog = services.GetRequiredService<ISourceCatalog>();
            var requested = parseResult.GetValue(sources) ?? [];
            var unknown = requested.Where(id => catalog.Find(id) is null).ToList();
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"Unknown source(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", catalog.All.Select(s => s.Descriptor.Id))}.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var ids = requested.Length > 0 ? requested.Distinct(StringComparer.Ordinal).ToList() : catalog.All.Select(s => s.Descriptor.Id).ToList();
            var polls = services.GetRequiredService<PollService>();
            var options = new PollOptions { PublishBaseline = parseResult.GetValue(publishBaseline) };
            // Sources are polled at once (politeness is per host, in the fetcher); their changes print in the order asked.
            var progress = TestProgress || (ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected) ? TextWriter.Synchronized(error) : null;
            var reports = await Task.WhenAll(ids.Select(async id =>
            {
                var report = await polls.PollAsync(id, options, cancellationToken).ConfigureAwait(false);
                if (progress is not null)
                {
                    await progress.WriteLineAsync($"  {id}: {(report.IsHealthy ? "ok" : report.FailureClass)}, {report.Changes.Count} change(s)").ConfigureAwait(false);
                }

                return (Id: id, Report: report);
            })).ConfigureAwait(false);

            var healthy = true;
            var printedHeader = false;
            foreach (var (id, report) in reports)
            {
                foreach (var change in report.Changes)
                {
                    if (parseResult.GetValue(json))
                    {
                        await output.WriteLineAsync(PollLine(change).ToJsonString(AlertsJson.Web)).ConfigureAwait(false);
                    }
                    else
                    {
                        if (!printedHeader)
                        {
                            await output.WriteLineAsync(Row("KIND", "SOURCE", "KEY", "PUBLISHED", "EFFECTIVE", "TITLE")).ConfigureAwait(false);
                            printedHeader = true;
                        }

                        await WriteRowAsync(output, change).ConfigureAwait(false);
                    }
                }

                if (!report.IsHealthy)
                {
                    healthy = false;
                    var detail = report.Error ?? report.Detail;
                    await error.WriteLineAsync($"{id}: {report.FailureClass}{(string.IsNullOrWhiteSpace(detail) ? "" : " — " + detail)}").ConfigureAwait(false);
                }
            }

            return healthy ? ExitCodes.Ok : ExitCodes.SourceUnhealthy;
        });
        return command;
    }

    private static async Task WriteRowAsync(TextWriter output, ChangeRecord record)
    {
        var c = record.Change;
        await output.WriteLineAsync(Row(ChangeMessages.KindName(c.Kind), c.SourceId, c.NoticeKey, Date(c.Published) ?? "-", Date(c.Effective) ?? "-", c.Title)).ConfigureAwait(false);
        foreach (var line in c.Summary)
        {
            await output.WriteLineAsync("    " + line).ConfigureAwait(false);
        }
    }

    private static string Row(string kind, string source, string key, string published, string effective, string title) =>
        $"{kind,-16} {source,-26} {key,-28} {published,-10} {effective,-10} {title}";

    internal static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <c>--json</c> line: the change's id and kind, the notice's fields in the shape <c>alerts match --json</c>
    /// prints too (<see cref="NoticeJson"/>, warnings included), and the change summary.
    /// </summary>
    internal static JsonObject PollLine(ChangeRecord record)
    {
        var c = record.Change;
        var line = new JsonObject
        {
            ["changeId"] = c.ChangeId,
            ["kind"] = JsonSerializer.SerializeToNode(c.Kind, AlertsJson.Web),
        };
        foreach (var (name, value) in NoticeJson.Node(record.Notice).ToList())
        {
            line[name] = value?.DeepClone();
        }

        // The change names the notice it is about (a mirror conflict carries the first version's key).
        line["noticeKey"] = c.NoticeKey;
        line["source"] = c.SourceId;
        line["summary"] = JsonSerializer.SerializeToNode(c.Summary, AlertsJson.Web);
        return line;
    }
}
