using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Common;
using Alerts.Core.Matching;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts match --file &lt;html|txt&gt; [--source &lt;id&gt;] [--companies &lt;file.json&gt;] [--json]</c>: which companies
/// a notice alerts, how urgently and why. The file is read as the running system reads that source's pages
/// (<see cref="SavedNoticeReader"/>: the named source, else the one that recognises the text), and the notice is
/// printed in the shape <c>alerts poll --json</c> uses (<see cref="NoticeJson"/>). Companies come from <c>--companies</c>,
/// else from the store.
/// </summary>
internal static class MatchCommand
{
    private const int BufferSize = 64 * 1024;

    public static Command Create() => Create(null);

    /// <summary>Tests pass a catalog; the real one comes from the service provider when a source adapter registers it.</summary>
    internal static Command Create(ISourceCatalog? catalogOverride)
    {
        var command = new Command("match", "Extract a notice from a file and show which companies it alerts, and why.");
        var file = new Option<string>("--file") { Description = "A saved detail page (.html) or a text file.", Required = true };
        var source = new Option<string?>("--source") { Description = "Parse the file with this source's detail parser (e.g. cn-mofcom-announcements)." };
        var companiesFile = new Option<string?>("--companies") { Description = "Match against the companies in this subscriptions file instead of the store." };
        var json = new Option<bool>("--json") { Description = "Print {\"notice\":{…},\"alerts\":[…]} as one JSON line." };
        var data = CommonOptions.Data();
        command.Options.Add(file);
        command.Options.Add(source);
        command.Options.Add(companiesFile);
        command.Options.Add(json);
        command.Options.Add(data);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                await error.WriteLineAsync($"alerts match: {path}: no such file.").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var content = SavedNoticeReader.Decode(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            await using var services = CliServices.Build(parseResult.GetValue(data)!);

            // One reader: the named source's detail parser, else the source that recognises the text (SavedNoticeReader).
            var catalog = catalogOverride ?? services.GetService<ISourceCatalog>();
            var sourceId = parseResult.GetValue(source);
            INoticeSource? adapter;
            if (!string.IsNullOrWhiteSpace(sourceId))
            {
                adapter = catalog?.Find(sourceId);
                if (adapter is null)
                {
                    await error.WriteLineAsync($"alerts match: unknown source '{sourceId}'.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }
            }
            else
            {
                adapter = catalog is null ? null : SavedNoticeReader.Recognise(catalog, content);
                if (adapter is null)
                {
                    await error.WriteLineAsync("alerts match: no source is registered to read the file; name one with --source.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }
            }

            // Reading a long text and loading many companies are independent: the notice is read on another thread
            // while the companies are parsed, validated and the matcher's index is built for them.
            var reading = Task.Run(() => SavedNoticeReader.Read(content, path, adapter), cancellationToken);
            var matcher = services.GetRequiredService<INoticeMatcher>();

            IReadOnlyList<Company> companies;
            if (parseResult.GetValue(companiesFile) is { Length: > 0 } companiesPath)
            {
                if (!File.Exists(companiesPath))
                {
                    await error.WriteLineAsync($"alerts match: {companiesPath}: no such file.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                if (!SubscriptionsService.TryParse(await File.ReadAllTextAsync(companiesPath, cancellationToken).ConfigureAwait(false), out companies, out var parseError))
                {
                    await error.WriteLineAsync($"alerts match: {companiesPath}: {parseError}").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                var problems = services.GetRequiredService<CompanyValidator>().ValidateAll(companies);
                if (problems.Count > 0)
                {
                    foreach (var problem in problems)
                    {
                        await error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
                    }

                    return ExitCodes.BadInput;
                }
            }
            else
            {
                companies = await services.GetRequiredService<ICompanyStore>().ListAsync(cancellationToken).ConfigureAwait(false);
            }

            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();

            // A notice about nothing builds the index for these companies (the matcher keeps it for the same list), so the
            // build overlaps the reading rather than following it.
            var probe = new Notice { Key = "probe", SourceId = "probe", Title = "" };
            matcher.Match(ChangeEvent.From(probe, ChangeKind.Added, "probe", now), probe, companies);
            var notice = await reading.ConfigureAwait(false);
            var change = ChangeEvent.From(notice, ChangeKind.Added, ContentHash.Of(notice.Title, notice.Body), now);
            var alerts = matcher.Match(change, notice, companies);
            var gloss = services.GetRequiredService<TitleGlossary>().Gloss(notice.Title);
            var alertOutputs = alerts.Select(a => new AlertOutput(a.CompanyId, a.Severity, a.Explanation, a.Snippet, a.Categories, a.Reasons)).ToList();

            if (parseResult.GetValue(json))
            {
                var noticeNode = NoticeJson.Node(notice);
                noticeNode["titleGloss"] = gloss;
                var line = new JsonObject
                {
                    ["notice"] = noticeNode,
                    ["alerts"] = JsonSerializer.SerializeToNode(alertOutputs, AlertsJson.Web),
                };
                await output.WriteLineAsync(line.ToJsonString(AlertsJson.Web)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, notice, gloss, alertOutputs).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, Notice n, string? gloss, List<AlertOutput> alerts)
    {
        await output.WriteLineAsync($"{n.Title}").ConfigureAwait(false);
        if (gloss is not null)
        {
            await output.WriteLineAsync($"  ({gloss})").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  key {n.Key} · measure {n.Measure.ToWire()} · published {n.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} · destinations {string.Join(',', n.Destinations)}").ConfigureAwait(false);
        foreach (var warning in n.Warnings)
        {
            await output.WriteLineAsync($"  warning: {warning}").ConfigureAwait(false);
        }

        if (alerts.Count == 0)
        {
            await output.WriteLineAsync("No company is alerted.").ConfigureAwait(false);
            return;
        }

        // Into a buffer written out in large pieces, its chunks handed over without a copy: ten thousand companies make
        // a hundred thousand lines, a console writer flushes every line it is given, and the console's synchronised
        // writer takes its lock for every property read (hence the one read of NewLine).
        var newLine = output.NewLine;
        var buffer = new System.Text.StringBuilder(BufferSize + 4096);
        foreach (var alert in alerts)
        {
            buffer.Append(alert.Company).Append(": ").Append(alert.Severity.ToString().ToUpperInvariant()).Append(newLine);
            buffer.Append("  ").Append(alert.Explanation).Append(newLine);
            foreach (var reason in alert.Reasons)
            {
                buffer.Append("  - ").Append(reason.Kind.WireName()).Append(' ').Append(reason.Value).Append(": …").Append(reason.Snippet).Append('…').Append(newLine);
            }

            if (buffer.Length >= BufferSize)
            {
                await WriteChunksAsync(output, buffer).ConfigureAwait(false);
            }
        }

        await WriteChunksAsync(output, buffer).ConfigureAwait(false);
    }

    private static async Task WriteChunksAsync(TextWriter output, System.Text.StringBuilder buffer)
    {
        foreach (var chunk in buffer.GetChunks())
        {
            await output.WriteAsync(chunk).ConfigureAwait(false);
        }

        buffer.Clear();
    }

    internal sealed record AlertOutput(string Company, Severity Severity, string Explanation, string Snippet, IReadOnlyList<string> Categories, IReadOnlyList<AlertReason> Reasons);
}
