using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

public sealed class ChinaSourcesTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5006");
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    private static FixtureFetcher BisSite() => new FixtureFetcher()
        .Serve(MofcomBisSource.ShellPath, "cn-mofcom-bis/shell.html")
        .Serve(MofcomBisSource.ApiPath, "cn-mofcom-bis/api.json")
        .Serve("/flzc/gzjgfxwj/art/2026/art_cddc4316cde145edb878144b2772719d.html", "cn-mofcom-bis/detail-11.html")
        .Serve("/flzc/gzjgfxwj/art/2026/art_5b2e8f1a0c3d4e6f8a9b0c1d2e3f4a5b.html", "cn-mofcom-bis/detail-1.html");

    [Fact]
    public async Task Bis_PollAsync_ReadsIdsFromShellAndParsesBothNotices()
    {
        var fetcher = BisSite();
        var result = await new MofcomBisSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Notices.Select(n => n.Key).ShouldBe(["cn-mofcom:2026:11", "cn-mofcom:2026:1"]);
        var api = fetcher.Requests.Single(r => r.Url.AbsolutePath == MofcomBisSource.ApiPath);
        api.Url.Query.ShouldContain("webId=b28941ad4e064442856787562c9a4961");
        api.Headers["X-Requested-With"].ShouldBe("XMLHttpRequest");
    }

    [Fact]
    public void Bis_ParseListing_BracketedDate_IsRead()
    {
        var parse = new MofcomBisSource(new FixtureFetcher()).ParseListing(RepositoryPaths.ReadFixture("cn-mofcom-bis/api.json"), new Uri(Base, MofcomBisSource.ApiPath), Base, Now);
        parse.Items[0].ListedOn.ShouldBe(new DateOnly(2026, 2, 24));
    }

    [Fact]
    public async Task Bis_ShellWithoutQueryData_IsLayoutChanged()
    {
        var fetcher = new FixtureFetcher().Serve(MofcomBisSource.ShellPath, "cn-mofcom-bis/shell-no-querydata.html");
        var result = await new MofcomBisSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.LayoutChanged);
    }

    [Fact]
    public async Task Bis_ApiWithoutData_IsLayoutChanged()
    {
        var fetcher = BisSite().Serve(MofcomBisSource.ApiPath, "cn-mofcom-bis/api-no-data.json");
        var result = await new MofcomBisSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.LayoutChanged);
    }

    [Fact]
    public async Task ExportControl_PollAsync_PostsLikeTheSiteXhr()
    {
        var fetcher = new FixtureFetcher().Serve(MofcomExportControlSource.ApiPath, "cn-mofcom-exportcontrol/columnlist.json")
            .Serve("/article/zcfg/gnzcfg/zcfggzqd/202601/1206.html", "cn-mofcom-exportcontrol/detail-1206.html")
            .Serve("/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html", "cn-mofcom-exportcontrol/detail-1072.html");
        var result = await new MofcomExportControlSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        var post = fetcher.Requests[0];
        post.Method.ShouldBe(HttpMethod.Post);
        post.FormBody.ShouldBe("pageNumber=1&columnID=9&title=");
        post.Headers["X-Requested-With"].ShouldBe("XMLHttpRequest");
        result.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task ExportControl_LatePosting_UsesIssueDateNotListingDate()
    {
        var fetcher = new FixtureFetcher().Serve(MofcomExportControlSource.ApiPath, "cn-mofcom-exportcontrol/columnlist.json")
            .Serve("/article/zcfg/gnzcfg/zcfggzqd/202412/1072.html", "cn-mofcom-exportcontrol/detail-1072.html");
        var result = await new MofcomExportControlSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        var notice = result.Notices.Single(n => n.Key == "cn-mofcom:2024:46");
        result.Items.Single(i => i.Url.EndsWith("1072.html")).ListedOn.ShouldBe(new DateOnly(2024, 12, 17));
        notice.Published.ShouldBe(new DateOnly(2024, 12, 3));
        notice.Destinations.ShouldBe(["US"]);
        notice.Measure.ShouldBe(Measure.ExportBan);
    }

    [Fact]
    public async Task ExportControl_QuestionMarkAnswer_IsMojibake()
    {
        var fetcher = new FixtureFetcher().Serve(MofcomExportControlSource.ApiPath, "cn-mofcom-exportcontrol/columnlist-mojibake.json");
        var result = await new MofcomExportControlSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Mojibake);
        result.Notices.ShouldBeEmpty();
    }

    [Fact]
    public async Task Spokesperson_PollAsync_ParsesStatements()
    {
        var fetcher = new FixtureFetcher().Serve(MofcomSpokespersonSource.ListPath, "cn-mofcom-spokesperson/list.html")
            .Serve("/xwfb/xwfyrth/art/2026/art_0f9e8d7c6b5a49382716a5b4c3d2e1f0.html", "cn-mofcom-spokesperson/detail-0106.html");
        var result = await new MofcomSpokespersonSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Items.Count.ShouldBe(2);
        var notice = result.Notices.Single();
        notice.Measure.ShouldBe(Measure.Statement);
        notice.Published.ShouldBe(new DateOnly(2026, 1, 6));
        notice.Destinations.ShouldBe(["JP"]);
        result.Warnings.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Gacc_412CookieWall_IsBlocked()
    {
        var fetcher = new FixtureFetcher().Fail(GaccAnnouncementsSource.ListPath, FetchOutcome.Blocked);
        var result = await new GaccAnnouncementsSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Blocked);
    }

    [Fact]
    public async Task Gacc_CookieScriptWith200_IsBlocked()
    {
        var fetcher = new FixtureFetcher().Serve(GaccAnnouncementsSource.ListPath, "cn-gacc-announcements/cookie-wall-200.html");
        var result = await new GaccAnnouncementsSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Blocked);
    }

    [Fact]
    public async Task Gacc_PollAsync_ParsesListAndDetail()
    {
        var fetcher = new FixtureFetcher().Serve(GaccAnnouncementsSource.ListPath, "cn-gacc-announcements/list.html")
            .Serve("/customs/302249/302266/302267/6543210/index.html", "cn-gacc-announcements/detail-3.html");
        var result = await new GaccAnnouncementsSource(fetcher).PollAsync(new SourcePollContext(Base, Now), CancellationToken.None);
        result.Items.Count.ShouldBe(2);
        var notice = result.Notices.Single();
        notice.Key.ShouldBe("cn-customs:2026:3");
        notice.Measure.ShouldBe(Measure.CatalogueChange);
        notice.Attachments.Single().Url.ShouldEndWith(".xlsx");
    }
}
