using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using AngleSharp.Dom;
using Alerts.Core.Sources.Parsing;

namespace Alerts.Core.Sources.Adapters;

/// <summary>Pure parsers for MOFCOM-family listing pages and detail-page redirects (sources.md §1.1–§1.3, §4.1).</summary>
public static partial class MofcomPages
{
    /// <summary>
    /// Rows of a server-rendered list (<c>ul.policy-list li</c>, annual index, spokesperson list, JPaaS html). The date
    /// may be before or after the link and may be bracketed (<c>[2026-02-24]</c>); a second "政策解读" link in the same
    /// row is not a notice. Only links whose path matches <paramref name="articlePath"/> count.
    /// </summary>
    public static ListingParse ParseList(string html, Uri pageUrl, Uri baseUrl, SourceDescriptor descriptor, Regex articlePath)
    {
        ArgumentNullException.ThrowIfNull(articlePath);
        using var document = HtmlText.Parse(html ?? "");
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        foreach (var anchor in document.QuerySelectorAll("a[href]").Take(5000))
        {
            var url = SourceUrls.Resolve(anchor.GetAttribute("href"), pageUrl, baseUrl, descriptor);
            if (url is not null && InterpretationPath().IsMatch(url.AbsolutePath))
            {
                continue;
            }

            if (url is null || !articlePath.IsMatch(url.AbsolutePath))
            {
                // Navigation links have no date; a dated row whose link we do not recognise may be a notice we miss.
                if (RowDate(anchor) is not null && anchor.TextContent.Trim().Length > 0 && anchor.TextContent.Trim() != "政策解读")
                {
                    skipped.Add(anchor.GetAttribute("href") ?? "");
                }

                continue;
            }

            var title = NoticeExtraction.CollapseWhitespace(anchor.GetAttribute("title") is { Length: > 0 } t ? t : anchor.TextContent);
            if (title.Length == 0 || title == "政策解读" || !seen.Add(url.ToString()))
            {
                continue;
            }

            items.Add(new ListingItem(url.ToString(), title, RowDate(anchor)));
        }

        return items.Count == 0
            ? ListingParse.Failed(FetchOutcome.LayoutChanged, "no article links on the listing")
            : new ListingParse(items) { Skipped = skipped };
    }

    /// <summary>The JPaaS unit API answer: <c>{"success":true,"data":{"html":"&lt;ul&gt;…"}}</c>. Missing data is a layout change.</summary>
    public static ListingParse ParseJpaas(string json, Uri pageUrl, Uri baseUrl, SourceDescriptor descriptor, Regex articlePath)
    {
        string? html;
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            html = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("html", out var inner) && inner.ValueKind == JsonValueKind.String
                ? inner.GetString()
                : null;
        }
        catch (JsonException exception)
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, "JPaaS answer is not JSON: " + exception.Message);
        }

        if (string.IsNullOrEmpty(html))
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, "JPaaS answer has no data.html");
        }

        return ParseList(html, pageUrl, baseUrl, descriptor, articlePath);
    }

    /// <summary>
    /// The JPaaS ids from the shell page: <c>&lt;script … queryData="{'webId':'…','pageId':'…','tplSetId':'…'}"&gt;</c>
    /// (single-quoted JSON; read, not hard-coded, because they change on redesign).
    /// </summary>
    public static IReadOnlyDictionary<string, string>? ParseQueryData(string html)
    {
        using var document = HtmlText.Parse(html ?? "");
        foreach (var script in document.QuerySelectorAll("script[querydata]"))
        {
            var raw = script.GetAttribute("querydata") ?? "";
            var pairs = QueryDataPair().Matches(raw).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
            if (pairs.ContainsKey("webId") && pairs.ContainsKey("pageId") && pairs.ContainsKey("tplSetId"))
            {
                return pairs;
            }
        }

        return null;
    }

    /// <summary>
    /// exportcontrol's getColumnList JSON (<c>pageInfo.rows[]</c>). Without the XHR headers every CJK character comes
    /// back as <c>?</c> with HTTP 200 (sources.md §1.3): that is <see cref="FetchOutcome.Mojibake"/>, not data.
    /// </summary>
    public static ListingParse ParseColumnList(string json, Uri pageUrl, Uri baseUrl, SourceDescriptor descriptor)
    {
        var items = new List<ListingItem>();
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("pageInfo", out var pageInfo) || pageInfo.ValueKind != JsonValueKind.Object
                || !pageInfo.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                return ListingParse.Failed(FetchOutcome.LayoutChanged, "no pageInfo.rows in the column list");
            }

            foreach (var row in rows.EnumerateArray().Take(1000))
            {
                if (row.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var title = String(row, "title") ?? "";
                if (QuestionMarks().IsMatch(title))
                {
                    return ListingParse.Failed(FetchOutcome.Mojibake, "titles came back as '?' (request lacked the XHR headers)");
                }

                var url = SourceUrls.Resolve(String(row, "url"), pageUrl, baseUrl, descriptor);
                if (url is null || title.Length == 0)
                {
                    continue;
                }

                items.Add(new ListingItem(url.ToString(), NoticeExtraction.CollapseWhitespace(title), NoticeExtraction.ParseLooseDate(String(row, "publishTimeStr"))));
            }
        }
        catch (JsonException exception)
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, "column list is not JSON: " + exception.Message);
        }

        return items.Count == 0 ? ListingParse.Failed(FetchOutcome.LayoutChanged, "empty column list") : new ListingParse(items);
    }

    /// <summary>
    /// Where a MOFCOM page really is: a JS redirect (<c>_cofing1={href:"…"}</c>, <c>window.location.href='…'</c>) or an
    /// iframe body under <c>.art-con</c> (RSSHub follows both, sources.md §1.1). Null when the page holds the text.
    /// </summary>
    public static Uri? FollowUp(string html, Uri url, Uri baseUrl, SourceDescriptor descriptor)
    {
        var text = html ?? "";
        if (text.Length < 200_000)
        {
            var redirect = JsRedirect().Match(text);
            if (redirect.Success)
            {
                return SourceUrls.Resolve(redirect.Groups["u"].Value, url, baseUrl, descriptor);
            }
        }

        // The HTML tokenizer builds an iframe element only from a literal "<iframe" (tag names fold ASCII case only), so
        // a page without one cannot hold the iframe shell; skip a full parse (ParseDetail parses the page anyway).
        if (!text.Contains("<iframe", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var document = HtmlText.Parse(text);
        var container = document.QuerySelector("div.art-con, div.artCon");
        if (container?.QuerySelector("iframe[src]") is { } frame && HtmlText.Text(container).Length < 80)
        {
            return SourceUrls.Resolve(frame.GetAttribute("src"), url, baseUrl, descriptor);
        }

        return null;
    }

    /// <summary>The date of the row holding <paramref name="anchor"/>: a span/em/i sibling, bracketed or not.</summary>
    private static DateOnly? RowDate(IElement anchor)
    {
        var row = anchor.Closest("li, tr, dd, dl") ?? anchor.ParentElement;
        if (row is null)
        {
            return null;
        }

        foreach (var candidate in row.QuerySelectorAll("span, em, i, td, .date, .time").Take(10))
        {
            var match = ListDate().Match(candidate.TextContent);
            if (match.Success)
            {
                return NoticeExtraction.MakeDate(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
            }
        }

        return null;
    }

    private static string? String(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\[?\s*(20\d{2})-(\d{1,2})-(\d{1,2})", RegexOptions.CultureInvariant, 250)]
    private static partial Regex ListDate();

    [GeneratedRegex(@"^/(zcjd|xwfb/zcjd)/", RegexOptions.CultureInvariant, 250)]
    private static partial Regex InterpretationPath();

    [GeneratedRegex(@"'(\w+)'\s*:\s*'([^']*)'", RegexOptions.CultureInvariant, 250)]
    private static partial Regex QueryDataPair();

    [GeneratedRegex(@"\?{3,}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex QuestionMarks();

    [GeneratedRegex(@"(?:_cofing1\s*=\s*\{\s*href\s*:\s*|window\.location(?:\.href)?\s*=\s*|location\.replace\(\s*)[""'](?<u>[^""']{1,500})[""']", RegexOptions.CultureInvariant, 250)]
    private static partial Regex JsRedirect();
}

/// <summary>Year helpers for MOFCOM: its site runs on China time (UTC+8).</summary>
internal static class ChinaTime
{
    public static int Year(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)).Year;

    public static int DayOfYear(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)).DayOfYear;

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
