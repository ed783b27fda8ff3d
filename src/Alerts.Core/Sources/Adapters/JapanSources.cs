using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using System.Text.RegularExpressions;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Common;
using Alerts.Core.Sources.Parsing;

namespace Alerts.Core.Sources.Adapters;

/// <summary>
/// <c>jp-meti-press</c>: METI ニュースリリース <c>/press/index.html</c> (<c>ul.float_li</c> rows, and the legacy
/// <c>dl#release_menulist</c>). Both detail URL shapes are accepted (sources.md §1.8). The Atom feed is frozen; not used.
/// </summary>
public sealed partial class MetiPressSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "jp-meti-press";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "METI ニュースリリース", "JP", "ja", "https://www.meti.go.jp", "0 */30 * * * *")
    {
        OfficialHosts = ["www.meti.go.jp", "meti.go.jp"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, "/press/index.html")))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now)
    {
        using var document = HtmlText.Parse(text ?? "");
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var row in document.QuerySelectorAll("ul.float_li > li").Take(1000))
        {
            var anchor = row.QuerySelector("a.cut_txt[href], a[href]");
            var date = JapaneseDates.Parse(row.QuerySelector("div.txt_box > p, p")?.TextContent);
            if (!Add(anchor?.GetAttribute("href"), anchor?.TextContent, date) && date is not null)
            {
                // A dated release row whose link is not a release page (a PDF, another site): a release we may miss.
                skipped.Add(anchor?.GetAttribute("href") ?? "");
            }
        }

        // Legacy layout: <dl id="release_menulist"><dt>2024年5月10日</dt><dd><a …>…</a></dd></dl>.
        DateOnly? legacyDate = null;
        foreach (var element in document.QuerySelectorAll("dl#release_menulist > dt, dl#release_menulist > dd").Take(2000))
        {
            if (element.LocalName == "dt")
            {
                legacyDate = JapaneseDates.Parse(element.TextContent);
                continue;
            }

            foreach (var anchor in element.QuerySelectorAll("a[href]"))
            {
                _ = Add(anchor.GetAttribute("href"), anchor.TextContent, legacyDate);
            }
        }

        return items.Count == 0 ? ListingParse.Failed(FetchOutcome.LayoutChanged, "no press-release rows") : new ListingParse(items) { Skipped = skipped };

        // False when the row has a title and a link that is not a press-release page.
        bool Add(string? href, string? title, DateOnly? date)
        {
            var url = SourceUrls.Resolve(href, listingUrl, baseUrl, Descriptor);
            var clean = NoticeExtraction.CollapseWhitespace(title ?? "");
            if (url is null || clean.Length == 0 || !DetailPath().IsMatch(url.AbsolutePath))
            {
                return clean.Length == 0 || string.IsNullOrWhiteSpace(href);
            }

            if (seen.Add(url.ToString()))
            {
                items.Add(new ListingItem(url.ToString(), clean, date));
            }

            return true;
        }
    }

    /// <summary>The release number in either URL shape (<c>/press/2026/01/20260107003.html</c>, <c>…/20250929004/20250929004.html</c>).</summary>
    public static string? ReleaseNumber(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var match = DetailPath().Match(url.AbsolutePath);
        return match.Success ? match.Groups["n"].Value : null;
    }

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item)
    {
        var number = ReleaseNumber(url);
        var notice = DetailPageParser.ParseJapanese(Id, "ja", html, url, item, number is null ? null : "jp-meti:" + number);
        return notice with { Issuers = ["経済産業省"], Number = number };
    }

    [GeneratedRegex(@"^/press/\d{4}/\d{2}/(?:\d{11}/)?(?<n>\d{11})\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DetailPath();
}

/// <summary>
/// <c>jp-meti-anpo</c>: METI security export control pages (<c>law00.html</c> laws and amendments, <c>law05.html</c>
/// End User List, <c>law09.html</c> amendments). Updates come 1–3 times a year, so the page itself is the item: its
/// fingerprint covers the content and the attachment links (sources.md §1.9).
/// </summary>
public sealed class MetiAnpoSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "jp-meti-anpo";

    public static IReadOnlyList<string> PagePaths { get; } = ["/policy/anpo/law00.html", "/policy/anpo/law05.html", "/policy/anpo/law09.html"];

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "METI 安全保障貿易管理", "JP", "ja", "https://www.meti.go.jp", "0 0 */6 * * *")
    {
        OfficialHosts = ["www.meti.go.jp", "meti.go.jp"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        PagePaths.Select((path, index) => new ListingRequest(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, path)), Required: index == 0)).ToList();

    /// <summary>The page as one item: title from h1, date = the latest date printed, revision = content + attachments.</summary>
    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now)
    {
        var notice = DetailPageParser.ParseJapanese(Id, "ja", text ?? "", listingUrl, null);
        if (notice.Body.Length < 20)
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, "the page has no content");
        }

        var revision = ContentHash.Of([notice.Body, .. notice.Attachments.Select(a => a.Url)]);
        return new ListingParse([new ListingItem(listingUrl.ToString(), notice.Title, notice.Published) { Revision = revision }]);
    }

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item)
    {
        var notice = DetailPageParser.ParseJapanese(Id, "ja", html, url, item);
        return notice with { Issuers = ["経済産業省"], Measure = notice.Measure == Measure.Other ? Measure.Amendment : notice.Measure };
    }
}

/// <summary>Shared parser of MOFA's <c>dl.title-list</c>: <c>dt.list-title</c> year-less dates over <c>dd ul.link-list li a</c>.</summary>
internal static class MofaList
{
    public static ListingParse Parse(string html, Uri listingUrl, Uri baseUrl, SourceDescriptor descriptor, Regex pressPath, Func<string, DateOnly?> date)
    {
        using var document = HtmlText.Parse(html ?? "");
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lists = document.QuerySelectorAll("#pressrelease dl.title-list, dl.title-list");
        foreach (var list in lists.Take(50))
        {
            DateOnly? current = null;
            foreach (var element in list.Children.Take(2000))
            {
                if (element.LocalName == "dt")
                {
                    current = date(element.TextContent);
                    continue;
                }

                foreach (var anchor in element.QuerySelectorAll("ul.link-list li a[href], a[href]").Take(200))
                {
                    var url = SourceUrls.Resolve(anchor.GetAttribute("href"), listingUrl, baseUrl, descriptor);
                    var title = NoticeExtraction.CollapseWhitespace(anchor.TextContent);
                    // Regional pages (日中関係 …) are mixed into the list; only press releases count.
                    if (url is not null && title.Length > 0 && pressPath.IsMatch(url.AbsolutePath) && seen.Add(url.ToString()))
                    {
                        items.Add(new ListingItem(url.ToString(), title, current));
                    }
                }
            }

            if (items.Count > 0)
            {
                break;
            }
        }

        return items.Count == 0 ? ListingParse.Failed(FetchOutcome.LayoutChanged, "no press releases in dl.title-list") : new ListingParse(items);
    }
}

/// <summary><c>jp-mofa-press-ja</c>: 外務省 報道発表 (current month; dates without a year, sources.md §1.10).</summary>
public sealed partial class MofaPressJaSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "jp-mofa-press-ja";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "外務省 報道発表", "JP", "ja", "https://www.mofa.go.jp", "0 */30 * * * *")
    {
        OfficialHosts = ["www.mofa.go.jp", "mofa.go.jp"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, "/mofaj/press/release/index.html")))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofaList.Parse(text, listingUrl, baseUrl, Descriptor, PressPath(), label => JapaneseDates.ParseYearlessJa(label, now));

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseJapanese(Id, "ja", html, url, item) with { Issuers = ["外務省"] };

    [GeneratedRegex(@"^/mofaj/press/release/[^/]*press\w*_\d+(?:_\d+)?\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PressPath();
}

/// <summary><c>jp-mofa-press-en</c>: MOFA press releases in English ("January 6", no year).</summary>
public sealed partial class MofaPressEnSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "jp-mofa-press-en";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "MOFA Press Releases", "JP", "en", "https://www.mofa.go.jp", "0 */30 * * * *")
    {
        OfficialHosts = ["www.mofa.go.jp", "mofa.go.jp"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, "/press/release/index.html")))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now) =>
        MofaList.Parse(text, listingUrl, baseUrl, Descriptor, PressPath(), label => JapaneseDates.ParseYearlessEn(label, now));

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseJapanese(Id, "en", html, url, item) with { Issuers = ["Ministry of Foreign Affairs of Japan"] };

    [GeneratedRegex(@"^/press/release/(?:pressite_\d+_\d+|press\d+e_\d+)\.html$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex PressPath();
}

/// <summary>
/// <c>jp-kantei-news</c>: the Kantei RSS 2.0 feed <c>index-jnews.rdf</c>. Its guid (<c>item_N</c>) is positional, never
/// an id; items with an empty <c>&lt;link/&gt;</c> are keyed by title + date and built from the feed alone (sources.md §1.11).
/// </summary>
public sealed partial class KanteiNewsSource(IPageFetcher fetcher) : NoticeSourceBase(fetcher)
{
    public const string Id = "jp-kantei-news";

    public const string FeedPath = "/index-jnews.rdf";

    public static SourceDescriptor DescriptorValue { get; } = new(Id, "首相官邸 新着情報", "JP", "ja", "https://www.kantei.go.jp", "0 */30 * * * *")
    {
        OfficialHosts = ["www.kantei.go.jp", "kantei.go.jp"],
    };

    public override SourceDescriptor Descriptor => DescriptorValue;

    protected override IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context) =>
        [new(new FetchRequest(Id, SourceUrls.Under(context.BaseUrl, FeedPath)))];

    protected override ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now)
    {
        XDocument feed;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = HtmlText.MaxParseChars };
            using var reader = XmlReader.Create(new StringReader(text ?? ""), settings);
            feed = XDocument.Load(reader);
        }
        catch (XmlException exception)
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, "feed is not XML: " + exception.Message);
        }

        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in feed.Descendants().Where(e => e.Name.LocalName == "item").Take(500))
        {
            var title = NoticeExtraction.CollapseWhitespace(Child(element, "title") ?? "");
            var link = Child(element, "link")?.Trim();
            var date = ParseRfc822(Child(element, "pubDate") ?? Child(element, "date"));
            if (title.Length == 0)
            {
                continue;
            }

            var url = SourceUrls.Resolve(link, listingUrl, baseUrl, Descriptor)
                ?? new Uri(listingUrl, "#item-" + ContentHash.Short(title, date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
            if (seen.Add(url.ToString()))
            {
                items.Add(new ListingItem(url.ToString(), title, date));
            }
        }

        return items.Count == 0 ? ListingParse.Failed(FetchOutcome.LayoutChanged, "no items in the feed") : new ListingParse(items);
    }

    protected override Notice? NoticeFromListing(ListingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.Url.Contains("#item-", StringComparison.Ordinal))
        {
            return null;
        }

        return new Notice
        {
            Key = "jp-kantei:" + ContentHash.Short(item.Title, item.ListedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
            SourceId = Id,
            Issuers = ["内閣官房"],
            Title = item.Title,
            Language = "ja",
            Urls = [item.Url],
            Published = item.ListedOn,
            Measure = NoticeExtraction.ClassifyMeasure(item.Title, ""),
            Destinations = NoticeExtraction.FindDestinations(item.Title, "", "ja"),
            Body = item.Title,
            BodyHash = ContentHash.Of(item.Title),
        };
    }

    protected override Notice ParseDetailCore(string html, Uri url, ListingItem? item) =>
        DetailPageParser.ParseJapanese(Id, "ja", html, url, item) with { Issuers = ["内閣官房"] };

    private static string? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static readonly string[] Rfc822Formats =
        ["dd MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz", "yyyy-MM-ddTHH:mm:sszzz"];

    /// <summary><c>07 Jan 2026 12:10:00 +0900</c> (the feed's RFC-822 with an offset) → the Japan-time date.</summary>
    internal static DateOnly? ParseRfc822(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = OffsetWithoutColon().Replace(value.Trim(), "$1:$2");
        return DateTimeOffset.TryParseExact(cleaned, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed.ToOffset(TimeSpan.FromHours(9)).DateTime)
            : NoticeExtraction.ParseLooseDate(value);
    }

    /// <summary><c>+0900</c> → <c>+09:00</c>, the offset shape <c>zzz</c> parses.</summary>
    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex OffsetWithoutColon();
}
