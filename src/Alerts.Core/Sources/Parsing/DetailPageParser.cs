using System.Text.RegularExpressions;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using AngleSharp.Dom;

namespace Alerts.Core.Sources.Parsing;

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
        var pageDate = NoticeExtraction.ParseLooseDate(HtmlText.Meta(document, "PubDate"))
            ?? NoticeExtraction.ParseLooseDate(JsPublishTime().Match(html ?? "") is { Success: true } js ? js.Groups[1].Value : null)
            ?? item?.ListedOn;
        var title = ChineseTitle(document, item, url);
        var lines = HtmlText.Lines(container);
        return NoticeReader.Read(new NoticeText
        {
            SourceId = sourceId,
            Title = title,
            Lines = lines,
            Url = url,
            // MOFCOM also publishes Japanese versions of its notices and answers (the 138th Canton Fair notice, the
            // 2026-01-06 spokesperson answer): a Japanese text is read as Japanese, as alerts match --file reads it.
            Language = NoticeTextFacts.LanguageOf(title, lines, "zh-Hans"),
            PageDate = pageDate,
            Attachments = Attachments(container, url),
        });
    }


    public static Notice ParseJapanese(string sourceId, string language, string html, Uri url, ListingItem? item, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var document = HtmlText.Parse(html ?? "");
        var container = First(document, JapaneseBodySelectors);
        var title = HtmlText.Text(document.QuerySelector("h1")) is { Length: > 0 } h1
            ? h1
            : document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? item?.Title ?? document.Title ?? url.ToString();
        return NoticeReader.Read(new NoticeText
        {
            SourceId = sourceId,
            Title = title,
            Lines = HtmlText.Lines(container),
            Url = url,
            Language = language,
            PageDate = item?.ListedOn,
            Key = key,
            Attachments = Attachments(container, url),
        });
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

    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|zip)(\?|$)|document/download", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 250)]
    private static partial Regex AttachmentHref();

    [GeneratedRegex(@"_中华人民共和国商务部.*$|_[^_]{2,20}$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SiteSuffix();


    [GeneratedRegex(@"var\s+publishTime\s*=\s*[""']([^""']{8,30})[""']", RegexOptions.CultureInvariant, 250)]
    private static partial Regex JsPublishTime();
}
