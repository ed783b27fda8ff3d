using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

/// <summary>Issue 15 item 5: a dated listing row whose link is not a notice page of the source is not dropped without a word.</summary>
public sealed class SkippedListingRowsTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5008");
    private static readonly Uri Listing = new(Base, "/zwgk/gkzcfb/index.html");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Page = """
        <html><body>
        <div class="nav"><a href="/index.html">首页</a><a href="/about/us.html">关于我们</a></div>
        <ul class="policy-list">
          <li><a href="/zwgk/gkzcfb/art/2026/art_0123456789abcdef0123456789abcdef.html" title="商务部公告2026年第11号">商务部公告2026年第11号</a><span>[2026-02-24]</span></li>
          <li><a href="/zwgk/gkzcfb/202602/20260224123456.shtml" title="商务部公告2026年第12号">商务部公告2026年第12号</a><span>[2026-02-24]</span></li>
        </ul>
        </body></html>
        """;

    [Fact]
    public void ParseListing_DatedRowWithAnUnknownLinkShape_IsSkippedAndNamed()
    {
        var source = new MofcomAnnouncementsSource(new FixtureFetcher());

        var parsed = source.ParseListing(Page, Listing, Base, Now);

        parsed.Items.Select(i => i.Title).ShouldBe(["商务部公告2026年第11号"]);
        parsed.Skipped.ShouldBe(["/zwgk/gkzcfb/202602/20260224123456.shtml"]);
    }

    [Fact]
    public void ParseListing_NavigationLinksWithoutADate_AreNotReportedAsSkippedRows()
    {
        var source = new MofcomAnnouncementsSource(new FixtureFetcher());

        var parsed = source.ParseListing(Page, Listing, Base, Now);

        parsed.Skipped.ShouldNotContain("/index.html");
        parsed.Skipped.ShouldNotContain("/about/us.html");
    }

    private const string MetiPage = """
        <html><body>
        <ul class="clearfix float_li">
          <li class="clearfix"><div class="left txt_box"><p>2026年1月7日</p><a class="cut_txt" href="/press/2026/01/20260107003.html">中国による我が国向け輸出管理措置に関する申入れを行いました</a></div></li>
          <li class="clearfix"><div class="left txt_box"><p>2026年1月6日</p><a class="cut_txt" href="/press/2026/01/20260106001.pdf">外国ユーザーリストを改正しました</a></div></li>
        </ul>
        </body></html>
        """;

    [Fact]
    public void ParseListing_MetiReleaseRowLinkingAnotherShape_IsSkippedAndNamed()
    {
        var meti = new Uri("http://127.0.0.1:5009");
        var source = new MetiPressSource(new FixtureFetcher());

        var parsed = source.ParseListing(MetiPage, new Uri(meti, "/press/index.html"), meti, Now);

        parsed.Items.Select(i => i.Url).ShouldBe([new Uri(meti, "/press/2026/01/20260107003.html").ToString()]);
        parsed.Skipped.ShouldBe(["/press/2026/01/20260106001.pdf"]);
    }

    [Fact]
    public void ParseListing_MetiFixtureListing_SkipsNothing() =>
        new MetiPressSource(new FixtureFetcher())
            .ParseListing(RepositoryPaths.ReadFixture("jp-meti-press/index.html"), new Uri(Base, "/press/index.html"), Base, Now)
            .Skipped.ShouldBeEmpty();

    [Theory]
    [InlineData("/zcfb/blgg/gg/2026/index.html")]
    [InlineData("/zcfb/blgg/gg/2025/index.html")]
    public void ParseListing_RecordedMofcomIndex_SkipsNothing(string path) =>
        new MofcomAnnouncementsSource(new FixtureFetcher())
            .ParseListing(RepositoryPaths.ReadFixture("cn-mofcom-announcements/site" + path), new Uri(Base, path), Base, Now)
            .Skipped.ShouldBeEmpty();
}
