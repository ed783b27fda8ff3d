using System.Text.Json.Nodes;
using Alerts.Cli.Commands;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Alerts.Core.Common;

namespace Alerts.Cli.Tests;

/// <summary>
/// Issue 13's acceptance: for the same text, <c>alerts match --file X --source cn-mofcom-announcements --json</c> and
/// <c>alerts poll --json</c> give the same notice fields. The poll side is the source adapter's detail parser (what a
/// poll runs on a fetched detail page) serialised by the poll verb's own line writer.
/// </summary>
public sealed class MatchPollParityTests
{
    private const string Source = MofcomAnnouncementsSource.Id;

    /// <summary>Where the text lives is not a notice field: URLs, and a key that is only a URL, differ by design.</summary>
    private static readonly string[] LocationFields = ["url", "urls"];

    [Fact]
    public async Task MatchAndPoll_EveryRealCorpusText_GiveTheSameNoticeFields()
    {
        var root = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "real");
        var files = Directory.Exists(root) ? Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [];

        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            var polled = PollFields(MofcomDetailPage.Wrap(text), new Uri("https://www.mofcom.gov.cn/zcfb/blgg/gg/2026/art/2026/art_0123456789abcdef.html"));
            mismatches.AddRange(await CompareAsync(file, polled));
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task MatchAndPoll_EverySyntheticMofcomDetailPage_GiveTheSameNoticeFields()
    {
        var root = RepositoryPaths.Fixture("cn-mofcom-announcements");
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("index", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        pages.Count.ShouldBeGreaterThan(3);

        var mismatches = new List<string>();
        foreach (var page in pages)
        {
            // The poll side decodes what it fetched by the fetcher's charset rules (detail-gbk.html is GBK).
            var html = SavedNoticeReader.Decode(await File.ReadAllBytesAsync(page));
            var path = Path.GetRelativePath(root, page).Replace('\\', '/');
            var polled = PollFields(html, new Uri("https://www.mofcom.gov.cn/" + path));
            mismatches.AddRange(await CompareAsync(page, polled));
        }

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public async Task MatchAndPoll_TextWithAStatedCountThatDiffers_BothCarryTheWarning()
    {
        using var temp = new TempDirectory();
        var file = temp.Combine("uel.txt");
        await File.WriteAllTextAsync(file, """
            商务部公告2026年第11号 关于将20家日本实体列入出口管制管控名单的公告
            决定将以下20家日本实体列入出口管制管控名单。
            1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co., Ltd.）
            商务部 2026年2月24日
            """);

        var polled = PollFields(MofcomDetailPage.Wrap(await File.ReadAllTextAsync(file)), new Uri("https://www.mofcom.gov.cn/a.html"));
        var mismatches = await CompareAsync(file, polled);

        mismatches.ShouldBeEmpty();
        polled["warnings"]!.AsArray().Count.ShouldBeGreaterThan(0);
    }

    private static JsonObject PollFields(string html, Uri url)
    {
        var notice = new MofcomAnnouncementsSource(new NoPages()).ParseDetail(html, url);
        var change = ChangeEvent.From(notice, ChangeKind.Added, ChangeDetector.VersionOf(notice), DateTimeOffset.UnixEpoch);
        var line = PollCommand.PollLine(new ChangeRecord(change, notice, null, null));
        foreach (var own in new[] { "changeId", "kind", "summary" })
        {
            line.Remove(own);
        }

        return line;
    }

    private static async Task<List<string>> CompareAsync(string file, JsonObject polled)
    {
        using var temp = new TempDirectory();
        var (exitCode, output, error) = await CliRunner.RunAsync("match", "--file", file, "--source", Source, "--json", "--data", temp.Path);
        if (exitCode != 0)
        {
            return [$"{file}: match exited {exitCode}: {error}"];
        }

        var matched = JsonNode.Parse(output)!["notice"]!.AsObject();
        matched.Remove("titleGloss");
        var problems = new List<string>();
        foreach (var (name, value) in polled)
        {
            if (LocationFields.Contains(name) || (name == "noticeKey" && IsUrl(value)))
            {
                continue;
            }

            var expected = name == "attachments" ? WithoutUrls(value) : value;
            var actual = name == "attachments" ? WithoutUrls(matched[name]) : matched[name];
            if (!JsonNode.DeepEquals(expected, actual))
            {
                problems.Add($"{Path.GetFileName(file)}: {name}: poll {expected?.ToJsonString(AlertsJson.Web)} ≠ match {actual?.ToJsonString(AlertsJson.Web)}");
            }
        }

        problems.AddRange(matched.Select(p => p.Key).Except(polled.Select(p => p.Key)).Select(k => $"{Path.GetFileName(file)}: only match has {k}"));

        return problems;
    }

    private static bool IsUrl(JsonNode? value) => value?.GetValue<string>() is { } key && key.Contains("://", StringComparison.Ordinal);

    /// <summary>Annex links resolve against where the page lives; their titles and hashes are what must agree.</summary>
    private static JsonArray WithoutUrls(JsonNode? attachments)
    {
        var copy = attachments?.DeepClone().AsArray() ?? [];
        foreach (var attachment in copy)
        {
            attachment!.AsObject().Remove("url");
        }

        return copy;
    }

    private sealed class NoPages : Alerts.Core.Fetching.IPageFetcher
    {
        public Task<Alerts.Core.Fetching.FetchResult> FetchAsync(Alerts.Core.Fetching.FetchRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new Alerts.Core.Fetching.FetchResult(Alerts.Core.Fetching.FetchOutcome.Gone, request.Url));
    }
}
