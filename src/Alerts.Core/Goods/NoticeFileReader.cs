using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Alerts.Core.Notices;

namespace Alerts.Core.Goods;

/// <summary>
/// Turns a saved page or a text file into a <see cref="Notice"/> when no source adapter understands it
/// (<c>alerts match --file</c>): title = the page's heading or the first line, body = the rest, and a few facts the
/// matcher needs read from the text (number, dates, measure, destinations).
/// </summary>
public static partial class NoticeFileReader
{
    private static readonly (string Country, string[] Words)[] s_destinations =
    [
        ("JP", ["对日本", "日本实体", "日本军事", "对日", "日本"]),
        ("US", ["对美国", "美国实体", "美国"]),
        ("EU", ["欧盟"]),
    ];

    public static Notice Read(string content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var (title, body) = LooksLikeHtml(content) ? FromHtml(content) : FromText(content);
        var all = title + "\n" + body;
        var number = NumberPattern().Match(all);
        var dates = DatePattern().Matches(all).Select(m => ToDate(m)).Where(d => d is not null).ToList();
        return new Notice
        {
            Key = Path.GetFileName(fileName),
            SourceId = "file",
            Title = title,
            Number = number.Success ? number.Value : null,
            Language = all.Any(c => c is >= '\u3040' and <= '\u30FF') ? "ja" : all.Any(TextNormalizer.IsCjk) ? "zh-Hans" : "en",
            Published = dates.FirstOrDefault(),
            Effective = EffectiveOnPublication().IsMatch(all) ? dates.FirstOrDefault() : null,
            Measure = MeasureOf(title, body),
            Destinations = [.. s_destinations.Where(d => d.Words.Any(w => title.Contains(w, StringComparison.Ordinal) || body.Contains(w, StringComparison.Ordinal))).Select(d => d.Country)],
            Body = body,
            BodyHash = ContentHash.Of(body),
        };
    }

    /// <summary>What the notice does, from the words of its title first, then its body.</summary>
    public static Measure MeasureOf(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        // The title says what kind of act it is; the whole text says whether it bans or licenses.
        foreach (var text in new[] { title, title + body })
        {
            if (text.Contains("关注名单", StringComparison.Ordinal)) { return Measure.WatchListAddition; }
            if (text.Contains("不可靠实体清单", StringComparison.Ordinal)) { return Measure.UnreliableEntityAddition; }
            if (text.Contains("管控名单", StringComparison.Ordinal)) { return Measure.ControlListAddition; }
            if (text.Contains("暂停", StringComparison.Ordinal)) { return Measure.Suspension; }
            if (text.Contains("答记者问", StringComparison.Ordinal) || text.Contains("发言人", StringComparison.Ordinal)
                || text.Contains("記者会見", StringComparison.Ordinal) || text.Contains("談話", StringComparison.Ordinal)
                || text.Contains("抗議", StringComparison.Ordinal)) { return Measure.Statement; }
            if (text.Contains("征求意见", StringComparison.Ordinal) || text.Contains("意見募集", StringComparison.Ordinal)) { return Measure.Consultation; }
            if (text.Contains("目录", StringComparison.Ordinal)) { return Measure.CatalogueChange; }
        }

        var all = title + body;
        if (all.Contains("禁止", StringComparison.Ordinal)) { return Measure.ExportBan; }
        if (all.Contains("出口管制", StringComparison.Ordinal) || all.Contains("许可", StringComparison.Ordinal)) { return Measure.LicensingRequirement; }

        return Measure.Other;
    }

    private static bool LooksLikeHtml(string content) =>
        content.Contains("<html", StringComparison.OrdinalIgnoreCase) || content.Contains("<body", StringComparison.OrdinalIgnoreCase)
        || content.Contains("<p>", StringComparison.OrdinalIgnoreCase) || content.Contains("<div", StringComparison.OrdinalIgnoreCase);

    private static (string Title, string Body) FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var junk in document.QuerySelectorAll("script, style, nav, header, footer"))
        {
            junk.Remove();
        }

        var heading = document.QuerySelector("h1, h2, .art-title, .title")?.TextContent;
        var title = Clean(string.IsNullOrWhiteSpace(heading) ? document.Title ?? "" : heading);
        var lines = (document.Body?.QuerySelectorAll("p, li, td, h3, h4").AsEnumerable() ?? [])
            .Select(e => Clean(e.TextContent))
            .Where(t => t.Length > 0 && t != title)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var body = lines.Count > 0 ? string.Join('\n', lines) : Clean(document.Body?.TextContent ?? "");
        return (title.Length > 0 ? title : FirstLine(body), body);
    }

    private static (string Title, string Body) FromText(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(Clean).Where(l => l.Length > 0).ToList();
        return lines.Count == 0 ? ("", "") : (lines[0], string.Join('\n', lines.Skip(1)));
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim();

    private static DateOnly? ToDate(Match match) =>
        DateOnly.TryParseExact($"{match.Groups[1].Value}-{int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture):00}-{int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture):00}",
            "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [GeneratedRegex(@"(商务部(?:\s*海关总署)?)?公告\s*\d{4}\s*年\s*第\s*\d+\s*号")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")]
    private static partial Regex DatePattern();

    [GeneratedRegex("自公布之日起|公布之日起")]
    private static partial Regex EffectiveOnPublication();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
