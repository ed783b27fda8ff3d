using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>
/// Whom a measure targets. Destinations are the countries the operative clause acts on — the nationality of listed
/// parties (16家美国实体), the country of a ban (对日本军事用户) — not the context: US firms listed "因参与对台湾地区军售"
/// target the US, not Taiwan. A trade remedy names the origin of imports, which is no export destination.
/// </summary>
internal static partial class NoticeExtraction
{
    private static readonly (string Word, string Iso)[] Countries =
    [
        ("日本", "JP"), ("日方", "JP"), ("对日", "JP"), ("美国", "US"), ("美方", "US"), ("对美", "US"), ("欧盟", "EU"), ("欧方", "EU"),
        ("加拿大", "CA"), ("台湾地区", "TW"), ("台湾", "TW"), ("韩国", "KR"), ("英国", "GB"), ("俄罗斯", "RU"), ("印度", "IN"),
        ("澳大利亚", "AU"), ("荷兰", "NL"), ("德国", "DE"), ("法国", "FR"), ("意大利", "IT"), ("以色列", "IL"), ("乌克兰", "UA"),
        ("新加坡", "SG"), ("墨西哥", "MX"), ("瑞典", "SE"), ("捷克", "CZ"), ("比利时", "BE"), ("土耳其", "TR"), ("菲律宾", "PH"),
        ("越南", "VN"), ("立陶宛", "LT"), ("波兰", "PL"), ("爱尔兰", "IE"), ("西班牙", "ES"), ("瑞士", "CH"), ("挪威", "NO"),
        ("丹麦", "DK"), ("芬兰", "FI"), ("奥地利", "AT"), ("马来西亚", "MY"), ("泰国", "TH"), ("印度尼西亚", "ID"),
        ("米国", "US"), ("アメリカ", "US"), ("韓国", "KR"), ("欧州連合", "EU"),
    ];

    private static readonly (string Word, string Iso)[] EnglishCountries =
    [
        ("Japan", "JP"), ("United States", "US"), ("U.S.", "US"), ("USA", "US"), ("European Union", "EU"), ("Taiwan", "TW"),
        ("Korea", "KR"), ("Netherlands", "NL"), ("Germany", "DE"), ("France", "FR"), ("United Kingdom", "GB"), ("Canada", "CA"),
    ];

    /// <summary>Countries the measure targets, read from the title and the operative text (first 1,500 characters).</summary>
    public static IReadOnlyList<string> FindDestinations(string title, string body, string language) =>
        FindTargets(title, body, language, Measure.Other).Destinations;

    /// <summary>Destinations (targets of the measure) and origins (of imports a trade remedy investigates).</summary>
    public static (IReadOnlyList<string> Destinations, IReadOnlyList<string> Origins) FindTargets(string title, string body, string language, Measure measure)
    {
        var foldedTitle = Fold(title);
        var lead = body.Length > 1500 ? body[..1500] : body;
        if (measure == Measure.TradeRemedy)
        {
            return ([], CountriesIn(Origin().Matches(Fold(title + "\n" + lead)).Select(m => m.Groups["who"].Value), chinese: true));
        }

        var chinese = language.StartsWith("zh", StringComparison.Ordinal) || HasHan(foldedTitle + lead, chineseOnly: true);
        if (!chinese && AboutChineseMeasure(foldedTitle + "\n" + Fold(lead)))
        {
            // A Japanese (or English) text about China's measures is about exports to Japan.
            return (["JP"], []);
        }

        var text = WithoutContext(foldedTitle + "\n" + OperativeText(lead));
        return (CountriesIn([text], chinese), []);
    }

    private static List<string> CountriesIn(IEnumerable<string> texts, bool chinese)
    {
        var found = new List<(int At, string Iso)>();
        foreach (var text in texts)
        {
            foreach (var (word, iso) in chinese ? Countries : Countries.Concat(EnglishCountries))
            {
                if (!chinese && iso == "JP")
                {
                    continue; // Japan's own text naming 日本 is the speaker, not a target.
                }

                var at = text.IndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && !found.Exists(f => f.Iso == iso))
                {
                    found.Add((at, iso));
                }
            }
        }

        return found.Select(f => f.Iso).ToList();
    }

    /// <summary>
    /// Taiwan arms sales and the like are why parties are listed, not where the measure applies: 台湾 counts as a target
    /// only where it qualifies the parties themselves (台湾地区8家实体, 台湾地区企业).
    /// </summary>
    private static string WithoutContext(string folded) => Context().Replace(folded, "");

    private static bool AboutChineseMeasure(string folded) =>
        folded.Contains("中国", StringComparison.Ordinal) || folded.Contains("China", StringComparison.OrdinalIgnoreCase)
        || folded.Contains("中華人民共和国", StringComparison.Ordinal);

    [GeneratedRegex(@"(?>台湾(?:地区)?)(?!(?:的)?\s*(?:\d+\s*家|[一二三四五六七八九十]+家)?\s*(?:实体|企业|公司|机构|单位|军工))|售台|涉台|台独", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Context();

    [GeneratedRegex(@"原产于(?<who>[^的]{1,60}?)的", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Origin();
}
