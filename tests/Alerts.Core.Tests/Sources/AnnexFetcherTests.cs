using System.Text;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

/// <summary>A MOFCOM notice whose entity list is only in its annex, polled through the source as a poll runs it.</summary>
public sealed class AnnexFetcherTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 8, 0, 0, TimeSpan.Zero);
    private const string Detail = "/zcfb/blgg/gg/2026/art/2026/art_aa11bb22cc33dd44ee55ff6600112233.html";

    private static readonly string[] PdfEntities =
    [
        "1. Mitsubishi Zosen (Mitsubishi Heavy Industries Shipbuilding Co., Ltd.)",
        "2. Kawasaki Jukogyo (Kawasaki Heavy Industries, Ltd.)",
        "3. Fujitsu (Fujitsu Limited)",
    ];

    private static readonly string[][] TableEntities =
    [
        ["序号", "中文名称", "英文名称", "地址"],
        ["1", "三菱造船株式会社", "Mitsubishi Heavy Industries Shipbuilding Co., Ltd.", "日本神奈川县横滨市"],
        ["2", "川崎重工业株式会社", "Kawasaki Heavy Industries, Ltd.", "日本东京都港区"],
        ["3", "富士通株式会社", "Fujitsu Limited", "日本神奈川县川崎市"],
    ];

    private static string Page(params string[] annexLinks) => $$"""
        <html><head><meta name="ArticleTitle" content="商务部公告2026年第27号 公布将3家日本实体列入出口管制管控名单的决定"></head>
        <body><div class="art-con art-con-bottonmLine">
        <p>【发布文号】商务部公告2026年第27号</p>
        <p>根据《中华人民共和国出口管制法》，决定将3家日本实体列入出口管制管控名单（名单见附件）。</p>
        <p>本公告自公布之日起正式实施。</p>
        <p>商务部 2026年6月29日</p>
        {{string.Concat(annexLinks)}}
        </div></body></html>
        """;

    private static string Link(string path, string title) => $"""<p><a href="{path}">{title}</a></p>""";

    private static FixtureFetcher Site(string page) => new FixtureFetcher()
        .Route("/zcfb/blgg/gg/2026/index.html", r => Ok(r, $"""<ul class="policy-list"><li><a href="{Detail}" title="商务部公告2026年第27号">商务部公告2026年第27号</a><span>2026-06-29</span></li></ul>"""))
        .Route(Detail, r => Ok(r, page));

    private static FetchResult Ok(FetchRequest request, string text) => new(FetchOutcome.Ok, request.Url) { StatusCode = 200, Text = text };

    private static FetchResult Bytes(FetchRequest request, byte[] bytes) =>
        request.Binary ? new FetchResult(FetchOutcome.Ok, request.Url) { StatusCode = 200, Bytes = bytes } : new FetchResult(FetchOutcome.Mojibake, request.Url);

    private static async Task<Notice> PollAsync(FixtureFetcher site)
    {
        var result = await new MofcomAnnouncementsSource(site).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.IsHealthy.ShouldBeTrue(result.Detail);
        return result.Notices.Single();
    }

    [Fact]
    public async Task Poll_EntityListOnlyInPdfAnnex_ReadsEveryEntity()
    {
        var site = Site(Page(Link("/accessory/2026/list.pdf", "附件：出口管制管控名单.pdf"))).Route("/accessory/2026/list.pdf", r => Bytes(r, AnnexBuilder.Pdf(PdfEntities)));

        var notice = await PollAsync(site);

        notice.Entities.Select(e => e.NameEn).ShouldBe(["Mitsubishi Heavy Industries Shipbuilding Co., Ltd.", "Kawasaki Heavy Industries, Ltd.", "Fujitsu Limited"]);
        notice.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_EntityListOnlyInXlsxAnnex_ReadsEveryEntityWithItsAddress()
    {
        var site = Site(Page(Link("/accessory/2026/list.xlsx", "附件：名单.xlsx"))).Route("/accessory/2026/list.xlsx", r => Bytes(r, AnnexBuilder.Xlsx(TableEntities)));

        var notice = await PollAsync(site);

        notice.Entities.Select(e => (e.Name, e.Address)).ShouldBe([("三菱造船株式会社", "日本神奈川县横滨市"), ("川崎重工业株式会社", "日本东京都港区"), ("富士通株式会社", "日本神奈川县川崎市")]);
        notice.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_EntityListOnlyInDocxAnnex_ReadsEveryEntity()
    {
        var docx = AnnexBuilder.Docx(["附件", "出口管制管控名单"], TableEntities);
        var site = Site(Page(Link("/accessory/2026/list.docx", "附件：名单.docx"))).Route("/accessory/2026/list.docx", r => Bytes(r, docx));

        var notice = await PollAsync(site);

        notice.Entities.Select(e => e.Name).ShouldBe(["三菱造船株式会社", "川崎重工业株式会社", "富士通株式会社"]);
        notice.EntityCountMismatch.ShouldBeFalse();
    }

    [Fact]
    public async Task Poll_CorruptAnnex_WarnsAndKeepsTheRestOfTheNotice()
    {
        var site = Site(Page(Link("/accessory/2026/list.pdf", "附件：名单.pdf"), Link("/accessory/2026/list.xlsx", "附件：名单.xlsx")))
            .Route("/accessory/2026/list.pdf", r => Bytes(r, Encoding.ASCII.GetBytes("%PDF-1.7 truncated")))
            .Route("/accessory/2026/list.xlsx", r => Bytes(r, AnnexBuilder.Xlsx(TableEntities)));

        var notice = await PollAsync(site);

        notice.Key.ShouldBe("cn-mofcom:2026:27");
        notice.Effective.ShouldBe(new DateOnly(2026, 6, 29));
        notice.Entities.Count.ShouldBe(3);
        notice.Warnings.ShouldContain(w => w.Contains("附件：名单.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_UnreachableAnnex_IsAWarningNotAFailedPoll()
    {
        var site = Site(Page(Link("/accessory/2026/list.pdf", "附件：名单.pdf")));

        var notice = await PollAsync(site);

        notice.Warnings.ShouldContain(w => w.StartsWith("annex not fetched (gone", StringComparison.Ordinal));
        notice.Attachments.Single().Sha256.ShouldBeNull();
    }

    [Fact]
    public async Task Poll_Annex_IsFetchedAsBytesAndHashed()
    {
        var pdf = AnnexBuilder.Pdf(PdfEntities);
        var site = Site(Page(Link("/accessory/2026/list.pdf", "附件：名单.pdf"))).Route("/accessory/2026/list.pdf", r => Bytes(r, pdf));

        var notice = await PollAsync(site);

        site.Requests.Single(r => r.Url.AbsolutePath.EndsWith(".pdf", StringComparison.Ordinal)).Binary.ShouldBeTrue();
        notice.Attachments.Single().Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
    }

    [Fact]
    public async Task Poll_AnnexOnAnotherHost_IsNotFetched()
    {
        var site = Site(Page(Link("https://files.example.com/list.pdf", "附件：名单.pdf")));

        var notice = await PollAsync(site);

        site.Requests.ShouldNotContain(r => r.Url.Host == "files.example.com");
        notice.Warnings.ShouldContain(w => w.Contains("files.example.com is not a host of cn-mofcom-announcements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_AnnexLinkOnTheOfficialHost_IsFetchedFromThePolledOrigin()
    {
        var site = Site(Page(Link("https://www.mofcom.gov.cn/accessory/2026/list.pdf", "附件：名单.pdf")))
            .Route("/accessory/2026/list.pdf", r => Bytes(r, AnnexBuilder.Pdf(PdfEntities)));

        var notice = await PollAsync(site);

        site.Requests.ShouldContain(r => r.Url == new Uri(Base, "/accessory/2026/list.pdf"));
        notice.Entities.Count.ShouldBe(3);
    }
}
