using System.Text.RegularExpressions;
using Alerts.Core.Sources;
using AngleSharp.Dom;

namespace Alerts.Core.Notices;

/// <summary>
/// Turns a detail page into a <see cref="Notice"/>. Chinese pages follow the MOFCOM 2024+ layout
/// (<c>div.art-con.art-con-bottonmLine</c>, 【发布文号】/【发文日期】 fields, meta PubDate); Japanese pages take the
/// title from h1 and the body from the main content block. All text is plain text (markup never reaches a field).
/// </summary>
public static partial class DetailPageParser
{
    private static readonly string[] ChineseBodySelectors =
        ["div.art-con", "div.artCon", "#zoom", "div.easysite-news-peruse", "div.TRS_Editor", "div.article-content", "div.content", "body"];

    private static readonly string[] JapaneseBodySelectors =
        ["#__main_contents", "div.main.w1000", "#maincontents", "div#main", "main", "body"];

    public static Notice ParseChinese(string sourceId, string html, Uri url, ListingItem? item)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var document = HtmlText.Parse(html ?? "");
        var container = First(document, ChineseBodySelectors);
        var lines = HtmlText.Lines(container);
        var body = string.Join('\n', lines);
        var title = ChineseTitle(document, item, url);
        var head = body.Length > 3000 ? body[..3000] : body;

        var number = NoticeExtraction.FindNumber(title) ?? NoticeExtraction.FindNumber(head);
        var published = NoticeExtraction.FindIssueDate(head)
            ?? NoticeExtraction.ParseLooseDate(HtmlText.Meta(document, "PubDate"))
            ?? NoticeExtraction.ParseLooseDate(JsPublishTime().Match(html ?? "") is { Success: true } js ? js.Groups[1].Value : null);
        var issuers = number?.Issuers.ToList() ?? [];
        if (issuers.Count == 0 && IssuingUnit().Match(head) is { Success: true } unit)
        {
            issuers.Add(unit.Groups[1].Value.Trim());
        }

        var entities = NoticeExtraction.FindEntities(lines);
        return new Notice
        {
            Key = number?.Key ?? CanonicalUrl(url),
            SourceId = sourceId,
            Issuers = issuers,
            Number = number?.Printed,
            Title = title,
            Language = "zh-Hans",
            Urls = [url.ToString()],
            Published = published,
            Effective = NoticeExtraction.FindEffectiveDate(body, published),
            Measure = NoticeExtraction.ClassifyMeasure(title, body),
            Destinations = NoticeExtraction.FindDestinations(title, body, "zh-Hans"),
            Entities = entities,
            ControlCodes = NoticeExtraction.FindControlCodes(body),
            HsCodes = NoticeExtraction.FindHsCodes(body),
            Attachments = Attachments(container, url),
            StatedEntityCount = NoticeExtraction.FindStatedEntityCount(title, entities.Count > 0 ? head : ""),
            Body = body,
            BodyHash = ContentHash.Of(body),
        };
    }

    public static Notice ParseJapanese(string sourceId, string language, string html, Uri url, ListingItem? item, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var document = HtmlText.Parse(html ?? "");
        var container = First(document, JapaneseBodySelectors);
        var lines = HtmlText.Lines(container);
        var body = string.Join('\n', lines);
        var title = NoticeExtraction.CollapseWhitespace(
            HtmlText.Text(document.QuerySelector("h1"))
            is { Length: > 0 } h1 ? h1
            : document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? item?.Title ?? document.Title ?? url.ToString());
        var head = body.Length > 1500 ? body[..1500] : body;
        var published = FirstJapaneseDate(head) ?? item?.ListedOn;
        return new Notice
        {
            Key = key ?? CanonicalUrl(url),
            SourceId = sourceId,
            Issuers = [],
            Title = title,
            Language = language,
            Urls = [url.ToString()],
            Published = published,
            Effective = NoticeExtraction.FindEffectiveDate(body, published),
            Measure = NoticeExtraction.ClassifyMeasure(title, body),
            Destinations = NoticeExtraction.FindDestinations(title, body, language),
            Entities = [],
            ControlCodes = NoticeExtraction.FindControlCodes(body),
            HsCodes = [],
            Attachments = Attachments(container, url),
            Body = body,
            BodyHash = ContentHash.Of(body),
        };
    }

    /// <summary>The first date in a Japanese text: era (令和8年1月7日), Gregorian (2026年1月7日) or English (January 7, 2026).</summary>
    internal static DateOnly? FirstJapaneseDate(string text)
    {
        var ja = JapaneseDates.Parse(text);
        if (ja is not null)
        {
            return ja;
        }

        var en = EnglishDate().Match(text);
        return en.Success && DateTime.TryParse(en.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? DateOnly.FromDateTime(parsed)
            : null;
    }

    internal static IReadOnlyList<Attachment> Attachments(IElement? container, Uri page)
    {
        if (container is null)
        {
            return [];
        }

        var attachments = new List<Attachment>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in container.QuerySelectorAll("a[href]").Take(500))
        {
            var href = anchor.GetAttribute("href");
            if (href is null || !AttachmentHref().IsMatch(href) || !Uri.TryCreate(page, href.Trim(), out var absolute))
            {
                continue;
            }

            var text = NoticeExtraction.CollapseWhitespace(anchor.TextContent);
            if (seen.Add(absolute.ToString()))
            {
                attachments.Add(new Attachment(text.Length > 0 ? text : absolute.Segments[^1], absolute.ToString()));
            }
        }

        return attachments;
    }

    private static string ChineseTitle(IDocument document, ListingItem? item, Uri url)
    {
        var title = HtmlText.Meta(document, "ArticleTitle")
            ?? (HtmlText.Text(document.QuerySelector("h1.art-title, .art-title, h1")) is { Length: > 0 } h1 ? h1 : null)
            ?? (document.Title is { Length: > 0 } t ? SiteSuffix().Replace(t, "") : null)
            ?? item?.Title
            ?? url.ToString();
        return NoticeExtraction.CollapseWhitespace(title);
    }

    private static IElement? First(IDocument document, string[] selectors)
    {
        foreach (var selector in selectors)
        {
            if (document.QuerySelector(selector) is { } element)
            {
                return element;
            }
        }

        return document.DocumentElement;
    }

    private static string CanonicalUrl(Uri url) => url.GetLeftPart(UriPartial.Query);

    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|zip)(\?|$)|document/download", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex AttachmentHref();

    [GeneratedRegex(@"_中华人民共和国商务部.*$|_[^_]{2,20}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SiteSuffix();

    [GeneratedRegex(@"发布单位\s*[】\]]?\s*[：:]?\s*([^\n【]{2,40})", RegexOptions.CultureInvariant, 250)]
    private static partial Regex IssuingUnit();

    [GeneratedRegex(@"var\s+publishTime\s*=\s*[""']([^""']{8,30})[""']", RegexOptions.CultureInvariant, 250)]
    private static partial Regex JsPublishTime();

    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EnglishDate();
}
