using System.CommandLine;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts match --file &lt;html|txt&gt; [--source &lt;id&gt;] [--companies &lt;file.json&gt;] [--json]</c>: which companies
/// a notice alerts, how urgently and why. The source's own parser reads the file when <c>--source</c> names a registered
/// source; otherwise a plain text/HTML reading. Companies come from <c>--companies</c>, else from the store.
/// </summary>
internal static class MatchCommand
{
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

            var content = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            await using var services = CliServices.Build(parseResult.GetValue(data)!);

            Notice notice;
            var sourceId = parseResult.GetValue(source);
            if (!string.IsNullOrWhiteSpace(sourceId))
            {
                var catalog = catalogOverride ?? services.GetService<ISourceCatalog>();
                var adapter = catalog?.Find(sourceId);
                if (adapter is null)
                {
                    await error.WriteLineAsync($"alerts match: unknown source '{sourceId}'.").ConfigureAwait(false);
                    return ExitCodes.BadInput;
                }

                notice = adapter.ParseDetail(content, new Uri(Path.GetFullPath(path)));
            }
            else
            {
                notice = NoticeFileReader.Read(content, path);
            }

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
            var change = ChangeEvent.From(notice, ChangeKind.Added, ContentHash.Of(notice.Title, notice.Body), now);
            var alerts = services.GetRequiredService<INoticeMatcher>().Match(change, notice, companies);
            var gloss = services.GetRequiredService<TitleGlossary>().Gloss(notice.Title);
            var result = new MatchOutput(NoticeOutput.From(notice, gloss), [.. alerts.Select(a => new AlertOutput(a.CompanyId, a.Severity, a.Categories, a.Reasons))]);

            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(result, AlertsJson.Web)).ConfigureAwait(false);
            }
            else
            {
                await WriteTextAsync(output, result).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, MatchOutput result)
    {
        var n = result.Notice;
        await output.WriteLineAsync($"{n.Title}").ConfigureAwait(false);
        if (n.TitleGloss is not null)
        {
            await output.WriteLineAsync($"  ({n.TitleGloss})").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  key {n.Key} · measure {n.Measure.ToWire()} · published {n.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "?"} · destinations {string.Join(',', n.Destinations)}").ConfigureAwait(false);
        if (result.Alerts.Count == 0)
        {
            await output.WriteLineAsync("No company is alerted.").ConfigureAwait(false);
            return;
        }

        foreach (var alert in result.Alerts)
        {
            await output.WriteLineAsync($"{alert.Company}: {alert.Severity.ToString().ToUpperInvariant()}").ConfigureAwait(false);
            foreach (var reason in alert.Reasons)
            {
                await output.WriteLineAsync($"  - {JsonSerializer.Serialize(reason.Kind, AlertsJson.Web).Trim('"')} {reason.Value}: …{reason.Snippet}…").ConfigureAwait(false);
            }
        }
    }

    internal sealed record MatchOutput(NoticeOutput Notice, IReadOnlyList<AlertOutput> Alerts);

    internal sealed record AlertOutput(string Company, Severity Severity, IReadOnlyList<string> Categories, IReadOnlyList<AlertReason> Reasons);

    /// <summary>The poll fields of a notice (everything but the body), with the English gloss of the title.</summary>
    internal sealed record NoticeOutput(
        string Key,
        string SourceId,
        IReadOnlyList<string> Issuers,
        string? Number,
        string Title,
        string? TitleGloss,
        string Language,
        IReadOnlyList<string> Urls,
        DateOnly? Published,
        DateOnly? Effective,
        Measure Measure,
        IReadOnlyList<string> Destinations,
        IReadOnlyList<ListedEntity> Entities,
        IReadOnlyList<string> ControlCodes,
        IReadOnlyList<string> HsCodes,
        string BodyHash)
    {
        public static NoticeOutput From(Notice n, string? gloss) => new(
            n.Key, n.SourceId, n.Issuers, n.Number, n.Title, gloss, n.Language, n.Urls, n.Published, n.Effective, n.Measure,
            n.Destinations, n.Entities, n.ControlCodes, n.HsCodes, n.BodyHash);
    }
}
