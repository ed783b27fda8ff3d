using System.Text.Json;
using Alerts.Cli.Demo;
using Alerts.Cli.Hosting;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 17, "edits the listing hides", over the recorded MOFCOM site on 127.0.0.1 answering conditional requests:
/// <c>alerts poll --once</c> as of 2026-07-02 (No.27, published 2026-06-29, is recent; the other notices are months old
/// and in force), the page or annex of No.27 edited with no listing change, then a poll once the default
/// revalidation schedule (every 6 hours) has fired.
/// </summary>
public sealed class RevalidationTests : IAsyncLifetime
{
    private const string No27Page = "zcfb/blgg/gg/2026/art/2026/art_df87be14c2b34e6b9a0e4f5d3c2b1a70.html";
    private const string No27Annex = "cms_files/filemanager/1941736654/attach/20266/P020260629611223344556.docx";
    private const string No27Key = "cn-mofcom:2026:27";

    private readonly TempDirectory _data = new("alerts-revalidate");
    private readonly FixtureSite _site = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 7, 2, 3, 0, 0, TimeSpan.Zero));
    private RecordedSiteServer _server = null!;

    public RevalidationTests()
    {
        // Set here, not in InitializeAsync: the override is an AsyncLocal and must flow into the test method.
        CliServices.TestOverrides = services => services.AddSingleton<TimeProvider>(_clock);
    }

    public async Task InitializeAsync()
    {
        WriteAnnex("防卫研究所（National Institute for Defense Studies）");
        _server = await RecordedSiteServer.StartAsync(
            new Dictionary<string, string> { [FixtureSite.SourceId] = _site.Folder }, null, conditional: true, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        CliServices.TestOverrides = null;
        await _server.DisposeAsync();
        _site.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Poll_EntityAddedToThePageWithoutListingChange_OneAmendedChangeNamingTheEntity()
    {
        await BaselineAsync();
        Edit(No27Page, "<p>20.多摩川精机株式会社（Tamagawa Seiki Co., Ltd.）</p>", "<p>20.多摩川精机株式会社（Tamagawa Seiki Co., Ltd.）</p>\n    <p>21.测试防卫株式会社（Test Defense Co., Ltd.）</p>");

        var changes = await RevalidatingPollAsync();

        var amended = changes.ShouldHaveSingleItem();
        Kind(amended).ShouldBe("amended");
        amended.GetProperty("noticeKey").GetString().ShouldBe(No27Key);
        Summary(amended).ShouldContain(line => line.StartsWith("+1 entity: ", StringComparison.Ordinal) && line.Contains("Test Defense Co., Ltd."));
    }

    [Fact]
    public async Task Poll_EffectiveDateCorrectedWithoutListingChange_OneAmendedChangeSayingTheNewDate()
    {
        await BaselineAsync();
        Edit(No27Page, "本公告自公布之日起正式实施。", "本公告自2026年7月15日起正式实施。");

        var changes = await RevalidatingPollAsync();

        var amended = changes.ShouldHaveSingleItem();
        Kind(amended).ShouldBe("amended");
        Summary(amended).ShouldContain("effective 2026-06-29 → 2026-07-15");
    }

    [Fact]
    public async Task Poll_AnnexReplacedUnderTheSameLink_OneAmendedChangeSayingTheAttachmentWasReplaced()
    {
        await BaselineAsync();
        WriteAnnex("防卫研究所（National Institute for Defense Studies）", "测试航空株式会社（Test Aero Co., Ltd.）");

        var changes = await RevalidatingPollAsync();

        var amended = changes.ShouldHaveSingleItem();
        Kind(amended).ShouldBe("amended");
        Summary(amended).ShouldContain(line => line.StartsWith("attachment replaced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_RevalidationOfAnUnchangedSite_AsksForEveryPageAndAnnexConditionallyAndGets304()
    {
        await BaselineAsync();
        var before = _server.Served.Count;

        var changes = await RevalidatingPollAsync();

        changes.ShouldBeEmpty();
        var served = _server.Served.Skip(before).Where(s => !IsListing(s.Path)).ToList();
        var report = string.Join("\n", served.Select(s => $"{s.Status} conditional={s.Conditional} {s.Path}"));
        served.ShouldAllBe(s => s.Conditional && s.Status == 304, report);
        // The recent notices (No.25 of 2026-06-12, No.27 and No.28 of 2026-06-29) and No.27's annex: one 304 each, once.
        served.Select(s => s.Path.TrimStart('/')).ShouldBe(
            [No27Page, No27Annex, "zcfb/blgg/gg/2026/art/2026/art_1a0adf5de9b84cd091992669d59e10d4.html", "zcfb/blgg/gg/2026/art/2026/art_b1ce17f4575c4eacb6e64941364998c1.html"],
            ignoreOrder: true,
            report);
    }

    [Fact]
    public async Task Poll_BeforeTheRevalidationScheduleFires_AsksForTheListingsOnly()
    {
        await BaselineAsync();
        Edit(No27Page, "本公告自公布之日起正式实施。", "本公告自2026年7月15日起正式实施。");
        var before = _server.Served.Count;
        _clock.Advance(TimeSpan.FromMinutes(30));

        var changes = await PollAsync();

        changes.ShouldBeEmpty();
        var served = _server.Served.Skip(before).ToList();
        var report = string.Join("\n", served.Select(s => $"{s.Status} conditional={s.Conditional} {s.Path}"));
        served.ShouldAllBe(s => IsListing(s.Path), report);
        served.ShouldContain(s => s.Path.TrimStart('/') == FixtureSite.Index2026 && s.Status == 304, report);
    }

    [Fact]
    public async Task Poll_OldNoticeInForceEdited_IsNotRevalidated()
    {
        // No.11 was published on 2026-02-24 and is in force: more than 30 days old, no window.
        const string no11Page = "zwgk/zcfb/art/2026/art_b5159a77e1f04c2d8a6b3e9d0c7f1a24.html";
        await BaselineAsync();
        var before = _server.Served.Count;
        Edit(no11Page, "2026年2月24日", "2026年2月25日");

        var changes = await RevalidatingPollAsync();

        changes.ShouldBeEmpty();
        _server.Served.Skip(before).ShouldNotContain(s => s.Path.TrimStart('/') == no11Page);
    }

    private async Task BaselineAsync()
    {
        var baseline = await PollAsync();
        baseline.ShouldNotBeEmpty();
        baseline.ShouldAllBe(c => Kind(c) == "baseline");
        _server.Served.ShouldContain(s => s.Path.TrimStart('/') == No27Annex && s.Status == 200, "the annex is read with the notice");
    }

    /// <summary>A poll after the next occurrence of the default revalidation schedule (every 6 hours).</summary>
    private Task<List<JsonElement>> RevalidatingPollAsync()
    {
        _clock.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
        return PollAsync();
    }

    private async Task<List<JsonElement>> PollAsync()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "poll", "--once", "--source", FixtureSite.SourceId,
            "--source-url", $"{FixtureSite.SourceId}={_server.BaseUrls[FixtureSite.SourceId]}",
            "--data", _data.Path, "--json");
        exitCode.ShouldBe(0, error);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    /// <summary>The source's listings: the annual indexes and the policy-release list (absent from the recording: 404).</summary>
    private static bool IsListing(string path) => path.EndsWith("/index.html", StringComparison.Ordinal);

    private static string? Kind(JsonElement change) => change.GetProperty("kind").GetString();

    private static List<string> Summary(JsonElement change) =>
        [.. change.GetProperty("summary").EnumerateArray().Select(s => s.GetString() ?? "")];

    private void WriteAnnex(params string[] entities)
    {
        var path = Path.Combine(_site.Folder, No27Annex);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, AnnexBuilder.Docx(["出口管制管控名单"], [.. entities.Select((e, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e })]));
    }

    private void Edit(string page, string from, string to)
    {
        var path = Path.Combine(_site.Folder, page);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
