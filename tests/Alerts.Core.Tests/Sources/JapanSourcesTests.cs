using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

public sealed class JapanSourcesTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5007");
    private static readonly DateTimeOffset January8 = new(2026, 1, 8, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MetiPress_ParseListing_ReadsBothUrlShapesAndDates()
    {
        var parse = new MetiPressSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-meti-press/index.html"), new Uri(Base, "/press/index.html"), Base, January8);
        parse.Items.Count.ShouldBe(3);
        parse.Items[0].ListedOn.ShouldBe(new DateOnly(2026, 1, 7));
        parse.Items[1].Title.ShouldStartWith("令和8年1月");
        parse.Items[2].Url.ShouldEndWith("/press/2025/09/20250929004/20250929004.html");
    }

    [Fact]
    public void MetiPress_LegacyLayout_IsParsed()
    {
        var parse = new MetiPressSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-meti-press/index-legacy.html"), new Uri(Base, "/press/index.html"), Base, January8);
        parse.Items.Count.ShouldBe(2);
        parse.Items[0].ListedOn.ShouldBe(new DateOnly(2024, 5, 10));
    }

    [Fact]
    public void MetiPress_WafErrorPageAsListing_IsLayoutChanged()
    {
        new MetiPressSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-meti-press/waf-403.html"), new Uri(Base, "/press/index.html"), Base, January8)
            .Outcome.ShouldBe(FetchOutcome.LayoutChanged);
    }

    [Theory]
    [InlineData(FetchOutcome.Blocked)]
    [InlineData(FetchOutcome.Timeout)]
    [InlineData(FetchOutcome.ServerError)]
    public async Task MetiPress_ListingFailure_IsReportedAsItsClass(FetchOutcome outcome)
    {
        var result = await new MetiPressSource(new FixtureFetcher().Fail("/press/index.html", outcome)).PollAsync(new SourcePollContext(Base, January8), CancellationToken.None);
        result.Outcome.ShouldBe(outcome);
    }

    [Fact]
    public async Task MetiPress_Protest_IsStatementAboutChina()
    {
        var fetcher = new FixtureFetcher().Serve("/press/index.html", "jp-meti-press/index.html").Serve("/press/2026/01/20260107003.html", "jp-meti-press/detail-20260107003.html");
        var result = await new MetiPressSource(fetcher).PollAsync(new SourcePollContext(Base, January8), CancellationToken.None);
        var notice = result.Notices.Single();
        notice.Key.ShouldBe("jp-meti:20260107003");
        notice.Language.ShouldBe("ja");
        notice.Published.ShouldBe(new DateOnly(2026, 1, 7));
        notice.Measure.ShouldBe(Measure.Statement);
        notice.Destinations.ShouldBe(["JP"]); // a protest about a Chinese measure is about exports to Japan (issue 13)
    }

    [Fact]
    public void MetiPress_ShiftJisDetail_EraEffectiveDateConverted()
    {
        var text = System.Text.Encoding.GetEncoding(932).GetString(File.ReadAllBytes(RepositoryPaths.Fixture("jp-meti-press/detail-shift_jis.html")));
        var notice = new MetiPressSource(new FixtureFetcher()).ParseDetail(text, new Uri(Base, "/press/2025/09/20250929004/20250929004.html"));
        notice.Effective.ShouldBe(new DateOnly(2025, 9, 29));
        notice.Key.ShouldBe("jp-meti:20250929004");
    }

    [Fact]
    public async Task MetiAnpo_PageEdit_ChangesFingerprint()
    {
        var before = await new MetiAnpoSource(new FixtureFetcher().ServeTree("jp-meti-anpo", "/policy/anpo")).PollAsync(new SourcePollContext(Base, January8), CancellationToken.None);
        var known = before.Items.ToDictionary(i => i.Url, i => i.Fingerprint);
        var fetcher = new FixtureFetcher().ServeTree("jp-meti-anpo", "/policy/anpo").Serve("/policy/anpo/law05.html", "jp-meti-anpo/law05-updated.html");
        var after = await new MetiAnpoSource(fetcher).PollAsync(new SourcePollContext(Base, January8) { KnownItems = known }, CancellationToken.None);
        before.Items.Count.ShouldBe(3);
        after.Notices.Single().Attachments.Single().Url.ShouldEndWith("enduser_list_20260302.pdf");
    }

    [Fact]
    public void MofaJa_ParseListing_SkipsNonPressLinksAndRollsBackAcrossNewYear()
    {
        var parse = new MofaPressJaSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-mofa-press-ja/index.html"), new Uri(Base, "/mofaj/press/release/index.html"), Base, January8);
        parse.Items.Count.ShouldBe(3);
        parse.Items.ShouldNotContain(i => i.Url.Contains("/a_o/"));
        parse.Items[0].ListedOn.ShouldBe(new DateOnly(2026, 1, 8));
        parse.Items[2].ListedOn.ShouldBe(new DateOnly(2025, 12, 26));
    }

    [Fact]
    public async Task MofaJa_Protest_IsParsed()
    {
        var fetcher = new FixtureFetcher().Serve("/mofaj/press/release/index.html", "jp-mofa-press-ja/index.html")
            .Serve("/mofaj/press/release/pressit_000001_03598.html", "jp-mofa-press-ja/detail-03598.html");
        var result = await new MofaPressJaSource(fetcher).PollAsync(new SourcePollContext(Base, January8), CancellationToken.None);
        var notice = result.Notices.Single();
        notice.Published.ShouldBe(new DateOnly(2026, 1, 6));
        notice.Measure.ShouldBe(Measure.Statement);
        notice.Destinations.ShouldBe(["JP"]); // a protest about a Chinese measure is about exports to Japan (issue 13)
    }

    [Fact]
    public void MofaEn_ParseListing_ReadsEnglishMonthsAndBothUrlShapes()
    {
        var parse = new MofaPressEnSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-mofa-press-en/index.html"), new Uri(Base, "/press/release/index.html"), Base, January8);
        parse.Items.Count.ShouldBe(3);
        parse.Items[1].ListedOn.ShouldBe(new DateOnly(2026, 1, 6));
        parse.Items[2].ListedOn.ShouldBe(new DateOnly(2025, 12, 26));
    }

    [Fact]
    public void MofaEn_Detail_IsEnglishStatementAboutChina()
    {
        var notice = new MofaPressEnSource(new FixtureFetcher()).ParseDetail(RepositoryPaths.ReadFixture("jp-mofa-press-en/detail-01398.html"), new Uri(Base, "/press/release/pressite_000001_01398.html"));
        notice.Language.ShouldBe("en");
        notice.Published.ShouldBe(new DateOnly(2026, 1, 6));
        notice.Measure.ShouldBe(Measure.Statement);
        notice.Destinations.ShouldBe(["JP"]); // a protest about a Chinese measure is about exports to Japan (issue 13)
    }

    [Fact]
    public async Task Kantei_EmptyLink_IsKeyedByTitleAndDateWithoutFetching()
    {
        var fetcher = new FixtureFetcher().Serve(KanteiNewsSource.FeedPath, "jp-kantei-news/index-jnews.rdf")
            .Serve("/jp/tyoukanpress/202601/7_a.html", "jp-kantei-news/tyoukanpress-7_a.html");
        var result = await new KanteiNewsSource(fetcher).PollAsync(new SourcePollContext(Base, January8), CancellationToken.None);
        result.Items.Count.ShouldBe(3);
        var danwa = result.Notices.Single(n => n.Title.Contains("官房長官談話"));
        danwa.Key.ShouldStartWith("jp-kantei:");
        danwa.Published.ShouldBe(new DateOnly(2026, 1, 7));
        result.Notices.Single(n => n.Title.StartsWith("令和8年1月7日")).Measure.ShouldBe(Measure.Statement);
    }

    [Fact]
    public void Kantei_GuidIsPositional_ItemUrlIsTheLink()
    {
        var parse = new KanteiNewsSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("jp-kantei-news/index-jnews.rdf"), new Uri(Base, KanteiNewsSource.FeedPath), Base, January8);
        parse.Items[0].Url.ShouldBe(new Uri(Base, "/jp/tyoukanpress/202601/7_a.html").ToString());
        parse.Items.ShouldNotContain(i => i.Url.Contains("item_"));
    }
}
