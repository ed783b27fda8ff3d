using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

public sealed class MofcomAnnouncementsSourceTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private const string N1 = "/zcfb/zgdwjjmywg/art/2026/art_5eb791b008284131855c37cc70d84e26.html";
    private const string N11Listed = "/zcfb/blgg/gg/2026/art/2026/art_b5159a77e1f04c2d8a6b3e9d0c7f1a24.html";
    private const string N11Real = "/zwgk/zcfb/art/2026/art_b5159a77e1f04c2d8a6b3e9d0c7f1a24.html";
    private const string N12 = "/zcfb/blgg/gg/2026/art/2026/art_bac18400d2e94f7c9b1a5e3f6d8c0b17.html";
    private const string N25 = "/zcfb/blgg/gg/2026/art/2026/art_b1ce17f4575c4eacb6e64941364998c1.html";
    private const string N27 = "/zcfb/blgg/gg/2026/art/2026/art_df87be14c2b34e6b9a0e4f5d3c2b1a70.html";
    private const string N28 = "/zcfb/blgg/gg/2026/art/2026/art_1a0adf5de9b84cd091992669d59e10d4.html";

    private static MofcomAnnouncementsSource Source(FixtureFetcher? fetcher = null) => new(fetcher ?? new FixtureFetcher());

    private static ListingParse ParseIndex(string fixture) =>
        Source().ParseListing(RepositoryPaths.ReadFixture(fixture), new Uri(Base, "/zcfb/blgg/gg/2026/index.html"), Base, Now);

    private static async Task<SourcePollResult> PollSiteAsync(SourcePollContext? context = null)
    {
        var fetcher = new FixtureFetcher().ServeTree("cn-mofcom-announcements/site");
        return await Source(fetcher).PollAsync(context ?? new SourcePollContext(Base, Now), CancellationToken.None);
    }

    private static Notice NoticeAt(SourcePollResult result, string path) =>
        result.Notices.Single(n => n.Urls.Contains(new Uri(Base, path).ToString()));

    [Fact]
    public void ParseListing_AnnualIndex_ReturnsEverySixRow()
    {
        ParseIndex("cn-mofcom-announcements/site/zcfb/blgg/gg/2026/index.html").Items.Count.ShouldBe(6);
    }

    [Fact]
    public void ParseListing_SecondInterpretationLink_IsNotAnItem()
    {
        ParseIndex("cn-mofcom-announcements/site/zcfb/blgg/gg/2026/index.html").Items.ShouldNotContain(i => i.Url.Contains("/zcjd/"));
    }

    [Fact]
    public void ParseListing_TruncatedAnchorText_UsesTitleAttribute()
    {
        var item = ParseIndex("cn-mofcom-announcements/site/zcfb/blgg/gg/2026/index.html").Items.Single(i => i.Url.EndsWith(N27));
        item.Title.ShouldBe("商务部公告2026年第27号 公布将20家日本实体列入出口管制管控名单的决定");
    }

    [Fact]
    public void ParseListing_DateBeforeLink_IsRead()
    {
        var item = ParseIndex("cn-mofcom-announcements/site/zcfb/blgg/gg/2026/index.html").Items.Single(i => i.Url.EndsWith(N1));
        item.ListedOn.ShouldBe(new DateOnly(2026, 1, 6));
    }

    [Fact]
    public void ParseListing_AbsoluteOfficialLink_IsMappedOntoBaseOrigin()
    {
        var item = ParseIndex("cn-mofcom-announcements/site/zcfb/blgg/gg/2026/index.html").Items.Single(i => i.Url.EndsWith(N1));
        item.Url.ShouldBe("http://127.0.0.1:5005" + N1);
    }

    [Fact]
    public void ParseListing_BracketedDatesAndFolderVariant_AreRead()
    {
        var items = Source().ParseListing(RepositoryPaths.ReadFixture("cn-mofcom-announcements/site/zcfb/blgg/gg/2025/index.html"), new Uri(Base, "/zcfb/blgg/gg/2025/index.html"), Base, Now).Items;
        items.Single(i => i.Url.Contains("2025nswbgg")).ListedOn.ShouldBe(new DateOnly(2025, 10, 9));
    }

    [Fact]
    public void ParseListing_ZeroRows_IsLayoutChanged()
    {
        ParseIndex("cn-mofcom-announcements/variants/index-empty.html").Outcome.ShouldBe(FetchOutcome.LayoutChanged);
    }

    [Fact]
    public async Task PollAsync_Site_ReadsCurrentAndPreviousYearFromContextClock()
    {
        var fetcher = new FixtureFetcher().ServeTree("cn-mofcom-announcements/site");
        await Source(fetcher).PollAsync(new SourcePollContext(Base, new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        fetcher.Requests.Select(r => r.Url.AbsolutePath).ShouldContain("/zcfb/blgg/gg/2027/index.html");
        fetcher.Requests.Select(r => r.Url.AbsolutePath).ShouldContain("/zcfb/blgg/gg/2026/index.html");
    }

    [Fact]
    public async Task PollAsync_Site_ParsesAllEightNotices()
    {
        var result = await PollSiteAsync();
        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Items.Count.ShouldBe(8);
        result.Notices.Select(n => n.Key).OrderBy(k => k, StringComparer.Ordinal).ShouldBe(
            ["cn-mofcom-customs:2025:18", "cn-mofcom:2026:1", "cn-mofcom:2026:11", "cn-mofcom:2026:12", "cn-mofcom:2026:25", "cn-mofcom:2026:27", "cn-mofcom:2026:28", "cn-uel:2025:7"]);
    }

    [Fact]
    public async Task PollAsync_KnownItemsWithSameFingerprint_FetchNoDetailPages()
    {
        var first = await PollSiteAsync();
        var known = first.Items.ToDictionary(i => i.Url, i => i.Fingerprint);
        var second = await PollSiteAsync(new SourcePollContext(Base, Now) { KnownItems = known });
        second.Notices.ShouldBeEmpty();
        second.Items.Count.ShouldBe(8);
    }

    [Fact]
    public async Task PollAsync_No1_IsExportBanToJapanEffectiveOnPublication()
    {
        var notice = NoticeAt(await PollSiteAsync(), N1);
        notice.Number.ShouldBe("商务部公告2026年第1号");
        notice.Published.ShouldBe(new DateOnly(2026, 1, 6));
        notice.Effective.ShouldBe(new DateOnly(2026, 1, 6));
        notice.Measure.ShouldBe(Measure.ExportBan);
        notice.Destinations.ShouldBe(["JP"]);
        notice.Entities.ShouldBeEmpty();
    }

    [Fact]
    public async Task PollAsync_No11BehindJsRedirect_ListsTwentyControlListEntities()
    {
        var notice = NoticeAt(await PollSiteAsync(), N11Listed);
        notice.Urls[0].ShouldBe(new Uri(Base, N11Real).ToString());
        notice.Measure.ShouldBe(Measure.ControlListAddition);
        notice.Entities.Count.ShouldBe(20);
        notice.StatedEntityCount.ShouldBe(20);
        notice.EntityCountMismatch.ShouldBeFalse();
        notice.Entities[0].ShouldBe(new ListedEntity("三菱造船株式会社", "Mitsubishi Heavy Industries Shipbuilding Co., Ltd."));
        notice.Entities[19].NameEn.ShouldBe("Japan Aerospace Exploration Agency");
        notice.Attachments.Single().Url.ShouldEndWith(".pdf");
    }

    [Fact]
    public async Task PollAsync_No12InIframe_ListsTwentyWatchListEntities()
    {
        var notice = NoticeAt(await PollSiteAsync(), N12);
        notice.Key.ShouldBe("cn-mofcom:2026:12");
        notice.Measure.ShouldBe(Measure.WatchListAddition);
        notice.Published.ShouldBe(new DateOnly(2026, 2, 24));
        notice.Entities.Count.ShouldBe(20);
        notice.Entities.ShouldContain(e => e.NameEn == "SUBARU Corporation");
        notice.Destinations.ShouldBe(["JP"]);
    }

    [Fact]
    public async Task PollAsync_No27_CarriesAddressesAndPostcodes()
    {
        var notice = NoticeAt(await PollSiteAsync(), N27);
        notice.Measure.ShouldBe(Measure.ControlListAddition);
        notice.Published.ShouldBe(new DateOnly(2026, 6, 29));
        notice.Entities.Count.ShouldBe(20);
        notice.Entities[0].ShouldBe(new ListedEntity("防卫研究所", "National Institute for Defense Studies", "日本东京都新宿区市谷本村町5番1号", "162-8808"));
        notice.Entities.Single(e => e.NameEn == "NIKKO TOKKI Co., Ltd.").Address.ShouldBeNull();
    }

    [Fact]
    public async Task PollAsync_No28_IsWatchListWithDroneMakers()
    {
        var notice = NoticeAt(await PollSiteAsync(), N28);
        notice.Measure.ShouldBe(Measure.WatchListAddition);
        notice.Entities.Count.ShouldBe(20);
        notice.Entities.Select(e => e.NameEn).ShouldContain("Terra Drone Corporation");
        notice.Entities.Single(e => e.NameEn == "Mitsui E&S Co., Ltd.").Postcode.ShouldBe("104-8439");
    }

    [Fact]
    public async Task PollAsync_TradeRemedyNotice_YieldsNoGoodsOrEntities()
    {
        var notice = NoticeAt(await PollSiteAsync(), N25);
        notice.Measure.ShouldBe(Measure.TradeRemedy); // a trade remedy, marked as such (issue 13)
        notice.Entities.ShouldBeEmpty();
        notice.HsCodes.ShouldBeEmpty();
        notice.ControlCodes.ShouldBeEmpty();
        notice.Destinations.ShouldNotContain("JP");
    }

    [Fact]
    public async Task PollAsync_2025No18_HasControlAndHsCodes()
    {
        var result = await PollSiteAsync();
        var notice = result.Notices.Single(n => n.Key == "cn-mofcom-customs:2025:18");
        notice.Issuers.ShouldBe(["商务部", "海关总署"]);
        notice.Measure.ShouldBe(Measure.LicensingRequirement);
        notice.ControlCodes.ShouldBe(["1C902.a", "1C902.b", "1C903.a"]);
        notice.HsCodes.ShouldBe(["2805301910", "3824999922", "8486909110", "2846901940", "28053019", "2846901993"]);
    }

    [Fact]
    public async Task PollAsync_CurrentIndexBlocked_IsBlockedWithoutException()
    {
        var fetcher = new FixtureFetcher().ServeTree("cn-mofcom-announcements/site").Fail("/zcfb/blgg/gg/2026/index.html", FetchOutcome.Blocked);
        var result = await Source(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Blocked);
    }

    [Fact]
    public async Task PollAsync_ListingNotModified_ReportsNotModifiedAndKeepsValidators()
    {
        var fetcher = new FixtureFetcher()
            .Route("/zcfb/blgg/gg/2026/index.html", r => new FetchResult(r.ETag == "\"v1\"" ? FetchOutcome.NotModified : FetchOutcome.Ok, r.Url) { ETag = "\"v1\"" })
            .Route("/zcfb/blgg/gg/2025/index.html", r => new FetchResult(FetchOutcome.NotModified, r.Url) { ETag = r.ETag });
        var validators = new Dictionary<string, HttpValidators>
        {
            [new Uri(Base, "/zcfb/blgg/gg/2026/index.html").ToString()] = new("\"v1\"", null),
        };
        var result = await Source(fetcher).PollAsync(new SourcePollContext(Base, Now) { Validators = validators }, CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.NotModified);
        result.Validators[new Uri(Base, "/zcfb/blgg/gg/2026/index.html").ToString()].ETag.ShouldBe("\"v1\"");
    }

    [Fact]
    public async Task PollAsync_OneDetailPageGone_IsAWarningNotAFailure()
    {
        var fetcher = new FixtureFetcher().ServeTree("cn-mofcom-announcements/site").Fail(N28, FetchOutcome.Gone);
        var result = await Source(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Warnings.ShouldContain(w => w.Contains(N28));
        result.Notices.Count.ShouldBe(7);
    }

    [Fact]
    public void ParseDetail_XkzjMirror_ReadsCompactDateAndNumberWithoutTrailingHao()
    {
        var notice = Source().ParseDetail(RepositoryPaths.ReadFixture("cn-mofcom-announcements/variants/xkzj-mirror-58.html"), new Uri("https://xkzj.mofcom.gov.cn/tzgg/art/2025/art_1bc2.html"));
        notice.Key.ShouldBe("cn-mofcom-customs:2025:58");
        notice.Published.ShouldBe(new DateOnly(2025, 10, 9));
        notice.Effective.ShouldBe(new DateOnly(2025, 11, 8));
        notice.ControlCodes.ShouldBe(["3A001", "3C901.a.1"]);
        notice.HsCodes.ShouldBe(["85076000", "28429040"]);
    }

    [Fact]
    public void ParseDetail_HostileTitle_StaysPlainText()
    {
        var notice = Source().ParseDetail(RepositoryPaths.ReadFixture("cn-mofcom-announcements/variants/detail-hostile-title.html"), new Uri(Base, "/x.html"));
        notice.Title.ShouldBe("商务部公告2026年第99号 <script>alert(1)</script>关于<b>测试</b>");
        notice.Body.ShouldBe("【发布单位】安全与管制局\n【发布文号】商务部公告2026年第99号\n【发文日期】2026年03月01日\n本公告自公布之日起施行。\n商务部");
    }
}
