using System.Text.RegularExpressions;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources.Parsing;

namespace Alerts.Core.Sources.Adapters;

/// <summary>
/// <c>cn-mofcom-announcements</c>: the annual 商务部公告 index <c>/zcfb/blgg/gg/{YYYY}/index.html</c> for the current and
/// previous year (China time, from the poll's clock), plus the 政策发布 list <c>/zcfb/index.html</c>.
/// </summary>
public sealed partial class MofcomAnnouncementsSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "cn-mofcom-announcements";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "MOFCOM 商务部公告", "CN", "zh-Hans", "https://www.mofcom.gov.cn", "0 */15 * * * *")
    {
        OfficialHosts = ["www.mofcom.gov.cn", "mofcom.gov.cn"],
        HasNumberedSeries = true,
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    /// <summary>Days into the (China-time) year during which the new annual index may still answer 404.</summary>
    public const int NewYearGraceDays = 14;

    /// <summary>The annual index path of <paramref name="year"/>.</summary>
    public static string AnnualIndexPath(int year) => $"/zcfb/blgg/gg/{ChinaTime.Invariant(year)}/index.html";

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context)
    {
        var year = ChinaTime.Year(context.Now);
        return
        [
            // Early January the new year's index may not exist yet (404 is a warning); a block or timeout is not. Later
            // in the year a 404 is a failed poll: accepted all year, it let the year's notices be withdrawn (issue 12).
            new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, AnnualIndexPath(year))), AllowGone: ChinaTime.DayOfYear(context.Now) <= NewYearGraceDays),
            new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, AnnualIndexPath(year - 1))), AllowGone: true),
            new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, "/zcfb/index.html")), Required: false),
        ];
    }

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofcomPages.ParseList(text, listingUrl, baseUrl, Descriptor, ArticlePath());

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseChinese(Id, html, url, item);

    protected override Uri? FollowUp(string html, Uri url, Uri baseUrl) => MofcomPages.FollowUp(html, url, baseUrl, Descriptor);

    // /zcfb/blgg/gg/2026/art/2026/art_<hex>.html, the 2025nswbgg folder variant, /zcfb/zgdwjjmywg/art/…, /zwgk/zcfb/art/….
    [GeneratedRegex(@"^/(zcfb|zwgk|zfxxgk)/.*/?art/20\d{2}/art_[0-9a-f]{8,40}\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ArticlePath();
}

/// <summary>
/// <c>cn-mofcom-bis</c>: 安全与管制局 规章及规范性文件. The column page is a JS shell; its <c>queryData</c> carries the
/// JPaaS ids, and the list comes from the unit API in one call (sources.md §1.2).
/// </summary>
public sealed partial class MofcomBisSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "cn-mofcom-bis";

    public const string ShellPath = "/flzc/gzjgfxwj/index.html";

    public const string ApiPath = "/api-gateway/jpaas-publish-server/front/page/build/unit";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "MOFCOM 安全与管制局", "CN", "zh-Hans", "https://aqygzj.mofcom.gov.cn", "0 */15 * * * *")
    {
        OfficialHosts = ["aqygzj.mofcom.gov.cn"],
        HasNumberedSeries = true,
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) => [];

    protected override async Task<ListingPlan> PlanAsync(SourcePollContext context, CancellationToken cancellationToken)
    {
        var shellUrl = SourceUrls.Under(context.BaseUrl, ShellPath);
        var shell = await Fetcher.FetchAsync(new FetchRequest(Id, shellUrl), cancellationToken).ConfigureAwait(false);
        if (!shell.IsOk || shell.Text is null)
        {
            return new ListingPlan([], shell.Outcome, $"{shellUrl}: {shell.Detail}") { RequestsUsed = 1 };
        }

        var query = MofcomPages.ParseQueryData(shell.Text);
        if (query is null)
        {
            return new ListingPlan([], FetchOutcome.LayoutChanged, $"{shellUrl}: no queryData on the shell page") { RequestsUsed = 1 };
        }

        return new ListingPlan([new ListingRequest(ApiRequest(context.BaseUrl, query, shellUrl))]) { RequestsUsed = 1 };
    }

    /// <summary>The unit API call for the ids read from the shell page.</summary>
    public static FetchRequest ApiRequest(Uri baseUrl, IReadOnlyDictionary<string, string> query, Uri referer)
    {
        ArgumentNullException.ThrowIfNull(query);
        string Get(string name, string fallback) => query.TryGetValue(name, out var value) ? value : fallback;
        var parameters = new[]
        {
            ("parseType", Get("parseType", "bulidstatic")), ("webId", query["webId"]), ("pageId", query["pageId"]),
            ("tplSetId", query["tplSetId"]), ("pageType", Get("pageType", "column")), ("tagId", Get("tagId", "信息列表")),
            ("editType", "null"), ("paramJson", """{"pageNo":1,"pageSize":99999}"""),
        };
        var queryString = string.Join('&', parameters.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
        return new FetchRequest(Id, SourceUrls.Under(baseUrl, ApiPath + "?" + queryString))
        {
            Headers = new Dictionary<string, string>
            {
                ["X-Requested-With"] = "XMLHttpRequest",
                ["Referer"] = referer.ToString(),
                ["Accept"] = "application/json, text/javascript, */*; q=0.01",
            },
        };
    }

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofcomPages.ParseJpaas(text, listingUrl, baseUrl, Descriptor, ArticlePath());

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseChinese(Id, html, url, item);

    protected override Uri? FollowUp(string html, Uri url, Uri baseUrl) => MofcomPages.FollowUp(html, url, baseUrl, Descriptor);

    [GeneratedRegex(@"/art/20\d{2}/art_[0-9a-f]{8,40}\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ArticlePath();
}

/// <summary>
/// <c>cn-mofcom-exportcontrol</c>: 中国出口管制信息网's getColumnList POST, sent like the site's own XHR call; a
/// <c>?</c>-mojibake answer is an error (sources.md §1.3).
/// </summary>
public sealed class MofcomExportControlSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "cn-mofcom-exportcontrol";

    public const string ApiPath = "/edi_ecms_web_front/front/column/getColumnList";

    /// <summary>Column 9: control lists, licence catalogue, suspend/repeal notices (sources.md §1.3).</summary>
    public const int ColumnId = 9;

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "中国出口管制信息网", "CN", "zh-Hans", "https://exportcontrol.mofcom.gov.cn", "0 */30 * * * *")
    {
        OfficialHosts = ["exportcontrol.mofcom.gov.cn"],
        HasNumberedSeries = true,
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
    [
        new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, ApiPath))
        {
            Method = HttpMethod.Post,
            FormBody = $"pageNumber=1&columnID={ColumnId}&title=",
            Headers = new Dictionary<string, string>
            {
                ["X-Requested-With"] = "XMLHttpRequest",
                ["Accept"] = "application/json, text/javascript, */*; q=0.01",
                ["Origin"] = context.BaseUrl.GetLeftPart(UriPartial.Authority),
                ["Referer"] = SourceUrls.Under(context.BaseUrl, "/article/zcfg/").ToString(),
            },
        }),
    ];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofcomPages.ParseColumnList(text, listingUrl, baseUrl, Descriptor);

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseChinese(Id, html, url, item);
}

/// <summary><c>cn-mofcom-spokesperson</c>: 新闻发言人谈话 <c>/xwfb/xwfyrth/</c> (often the only scope explanation).</summary>
public sealed partial class MofcomSpokespersonSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "cn-mofcom-spokesperson";

    public const string ListPath = "/xwfb/xwfyrth/index.html";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "MOFCOM 新闻发言人谈话", "CN", "zh-Hans", "https://www.mofcom.gov.cn", "0 */30 * * * *")
    {
        OfficialHosts = ["www.mofcom.gov.cn", "mofcom.gov.cn"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, ListPath)))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofcomPages.ParseList(text, listingUrl, baseUrl, Descriptor, ArticlePath());

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseChinese(Id, html, url, item) with { Measure = Measure.Statement };

    protected override Uri? FollowUp(string html, Uri url, Uri baseUrl) => MofcomPages.FollowUp(html, url, baseUrl, Descriptor);

    [GeneratedRegex(@"^/xwfb/xwfyrth/art/20\d{2}/art_[0-9a-f]{8,40}\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ArticlePath();
}

/// <summary>
/// <c>cn-gacc-announcements</c>: 海关总署公告, best effort. The site answers foreign clients with a 412 JavaScript
/// cookie wall (sources.md §1.7); the fetcher classifies it as blocked.
/// </summary>
public sealed partial class GaccAnnouncementsSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "cn-gacc-announcements";

    public const string ListPath = "/customs/302249/302266/302267/index.html";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "GACC 海关总署公告", "CN", "zh-Hans", "http://www.customs.gov.cn", "0 0 */6 * * *")
    {
        OfficialHosts = ["www.customs.gov.cn", "customs.gov.cn"],
        HasNumberedSeries = true,
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, ListPath)))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now)
    {
        // The 加速乐/瑞数 walls can also answer 200 with a cookie-setting script and no list.
        if (CookieWall().IsMatch(text ?? "") && !(text ?? "").Contains("conList_ul", StringComparison.Ordinal))
        {
            return ListingParse.Failed(FetchOutcome.Blocked, "JavaScript cookie wall");
        }

        return MofcomPages.ParseList(text ?? "", listingUrl, baseUrl, Descriptor, ArticlePath());
    }

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseChinese(Id, html, url, item);

    [GeneratedRegex(@"^/customs/302249/302266/302267/\d+/index\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ArticlePath();

    [GeneratedRegex(@"document\.cookie\s*=|__jsl_clearance|\$_ts\s*=", RegexOptions.CultureInvariant, 250)]
    private static partial Regex CookieWall();
}
