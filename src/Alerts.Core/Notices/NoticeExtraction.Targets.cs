using System.Text.RegularExpressions;
using Alerts.Core.Matching;

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
    public static IReadOnlyList<string> FindDestinations(string title, string body, string language)
    {
        var lead = body.Length > 1500 ? body[..1500] : body;
        var chinese = language.StartsWith("zh", StringComparison.Ordinal);
        return CountriesIn([WithoutContext(Fold(title) + "\n" + OperativeText(lead))], chinese);
    }

    /// <summary>Destinations (targets of the measure) and origins (of imports a trade remedy investigates).</summary>
    public static (IReadOnlyList<string> Destinations, IReadOnlyList<string> Origins) FindTargets(string title, string body, string language, Measure measure)
    {
        var foldedTitle = Fold(title);
        var lead = body.Length > 1500 ? body[..1500] : body;
        if (measure == Measure.TradeRemedy)
        {
            return ([], CountriesIn(Origin().Matches(Fold(title + "\n" + lead)).Select(m => m.Groups["who"].Value), chinese: true));
        }

        if (measure is Measure.Other)
        {
            return ([], []); // statistics, fairs, notices of no measure: nothing is targeted
        }

        var chinese = language.StartsWith("zh", StringComparison.Ordinal) || HasHan(foldedTitle + lead, chineseOnly: true);
        if (!chinese)
        {
            // Japan's reaction to a Chinese measure: exports to Japan when the measure is aimed at Japan (日本に対する,
            // 日本向け, 日本の20の企業); a measure on everyone (gallium in 2023) targets no country.
            // Japanese cues are read unfolded: folding makes 軍 军 and 両 两.
            var japanese = (title + "\n" + lead).Normalize(System.Text.NormalizationForm.FormKC);
            // A protest (遺憾, 抗議, 申入れ) is made because the measure is aimed at Japan.
            if (AimedAtJapan().IsMatch(japanese) || (Reaction().IsMatch(japanese) && AboutChineseMeasure(japanese)))
            {
                return (["JP"], []);
            }

            // An English copy of a Chinese measure names its targets by nationality (seven US companies) or direction
            // (exports … to the United States); a Japanese text's targets are Japan's, read above.
            if (AboutChineseMeasure(japanese) && !HasKana(japanese))
            {
                // Only the headline and the lead (the first three lines, after any byline or date line): a story's later
                // paragraphs recall earlier measures as background, which are context, not this text's targets.
                var englishLead = title + "\n" + string.Join('\n', body.Split('\n').Take(3));
                var english = EnglishTarget().Matches(englishLead.Normalize(System.Text.NormalizationForm.FormKC))
                    .Select(m => EnglishNationalities.FirstOrDefault(n => n.Word == m.Groups["who"].Value.ToUpperInvariant().Replace(".", "", StringComparison.Ordinal)).Iso)
                    .OfType<string>().Distinct().ToList();
                if (english.Count == 0 && ActsOnParties(measure) && EnglishArmsSalesToTaiwan().IsMatch(englishLead))
                {
                    english = ["US"]; // as for 对台军售 below: the sellers of arms to Taiwan are US defence firms
                }

                // An answer about another side's measure on "some Chinese entities" is about Chinese parties, as 中国企业 is.
                if (english.Count == 0 && measure == Measure.Statement && EnglishChineseParties().IsMatch(englishLead))
                {
                    english = ["CN"];
                }

                return (english, []);
            }

            // A Japanese copy of China's measure on another country: 米国の軍需関係企業7社, 米国への輸出, 対米輸出.
            if (AboutChineseMeasure(japanese) && JapaneseForeignTarget().Matches(japanese) is { Count: > 0 } foreign)
            {
                return (foreign.Select(m => m.Groups["who"].Value switch { "台湾" => "TW", "韓国" => "KR", _ => "US" }).Distinct().ToList(), []);
            }

            return AboutChineseMeasure(japanese)
                ? (AimedAtJapan().IsMatch(japanese) ? ["JP"] : [], [])
                : (CountriesIn([japanese], chinese: false), []);
        }

        var operative = WithoutContext(foldedTitle + "\n" + OperativeText(lead));
        if (measure is Measure.Suspension or Measure.Lifting or Measure.Removal)
        {
            // Relief targets whom the relieved measure targeted: 对美出口 (exports to the US) or the parties' nationality
            // (美国实体). Countries that are only the news's context (美媒, 美国总统, "不只是美国") are not targets.
            var directed = CountriesIn(Directed().Matches(operative).Select(m => m.Groups["who"].Value switch { "美" => "美国", "日" => "日本", var who => who }), chinese: true);
            return (directed.Count > 0 ? directed
                : CountriesIn(Nationality().Matches(operative).Select(m => m.Groups["who"].Value), chinese: true), []);
        }

        if (ActsOnParties(measure) || measure is Measure.Statement)
        {
            // The parties' nationality (16家美国实体, 美国通用原子航空系统公司, 中国企业 in an answer about a foreign
            // listing) is the target; other countries the text mentions are the context.
            if (measure is Measure.Statement)
            {
                // An answer about China's measure on a country names it in the title (就加强…对美出口管制答记者问);
                // one about another side's measure (美方暂停…) is about what it does to Chinese parties.
                // A country that speaks in the title (美方解读严重曲解) is the other side of the argument, not a target.
                var inTitle = CountriesIn([WithoutContext(ForeignSpeaker().Replace(foldedTitle, ""))], chinese: true);
                if (inTitle.Count > 0 && !ForeignActor().IsMatch(foldedTitle))
                {
                    return (inTitle, []);
                }

                var parties = CountriesIn(Nationality().Matches(operative).Select(m => m.Groups["who"].Value), chinese: true, withChina: true);
                if (parties.Count == 0 && ForeignActor().IsMatch(foldedTitle))
                {
                    parties = ["CN"]; // MOFCOM answers another side's measure because it hits Chinese parties
                }

                return (parties.Count > 0 ? parties : inTitle, []);
            }

            var nationalities = CountriesIn(Nationality().Matches(operative).Select(m => m.Groups["who"].Value), chinese: true);
            if (nationalities.Count > 0)
            {
                return (nationalities, []);
            }

            var named = CountriesIn([operative], chinese: true);
            if (named.Count == 0 && ArmsSalesToTaiwan().IsMatch(operative + Fold(lead)))
            {
                // Listed "for arms sales to Taiwan" and no country printed: the sellers are US defence firms (sales
                // under the US Taiwan Relations Act; every such MOFCOM and UEL listing since 2019 names US firms).
                return (["US"], []);
            }

            return (named.Count > 0 ? named : CountriesIn([WithoutContext(Fold(lead))], chinese: true), []);
        }

        return (CountriesIn([operative], chinese), []);
    }

    private static readonly (string Word, string Iso)[] EnglishNationalities =
    [
        ("US", "US"), ("USA", "US"), ("AMERICAN", "US"), ("UNITED STATES", "US"), ("JAPAN", "JP"), ("JAPANESE", "JP"),
        ("EU", "EU"), ("EUROPEAN", "EU"), ("CANADIAN", "CA"), ("CANADA", "CA"), ("TAIWAN", "TW"), ("TAIWANESE", "TW"),
        ("UK", "GB"), ("BRITISH", "GB"),
    ];

    private static bool HasKana(string text) => text.Any(c => c is >= '\u3040' and <= '\u30ff');

    private static List<string> CountriesIn(IEnumerable<string> texts, bool chinese, bool withChina = false)
    {
        var found = new List<(int At, string Iso)>();
        foreach (var text in texts)
        {
            if (withChina && text.Contains("中国", StringComparison.Ordinal) && !found.Exists(f => f.Iso == "CN"))
            {
                found.Add((text.IndexOf("中国", StringComparison.Ordinal), "CN"));
            }

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

    [GeneratedRegex(@"(?:美方|美国|日方|日本|欧方|欧盟|英方|英国)(?:政府|的)?(?:解读|说法|指责|炒作|言论|声称|称|批评)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ForeignSpeaker();

    /// <summary>
    /// The nationality of the parties acted on: 16家美国实体, 美国军工企业, 欧盟两家金融机构, 美国通用原子…公司, 中国企业; each
    /// country of a list before them (对美国、加拿大有关人员和实体); the country before a company's name (美国迪杰恩技术公司（…）、).
    /// </summary>
    [GeneratedRegex(@"(?<who>美国|日本|英国|加拿大|韩国|德国|法国|荷兰|以色列|印度|澳大利亚|立陶宛)(?=[\u4e00-\u9fff·]{2,16}?(?:公司|集团|株式会社)(?:\s*[(（]|[、，,]))|(?<who>美国|日本|欧盟|英国|加拿大|台湾地区|韩国|德国|法国|荷兰|以色列|印度|澳大利亚|立陶宛)(?=(?:、(?:美国|日本|欧盟|英国|加拿大|韩国|德国|法国|荷兰|以色列|印度|澳大利亚|立陶宛))+(?:的)?\s*(?:有关|相关)?\s*(?:实体|企业|机构|组织|单位|个人|人员))|(?<who>美国|日本|欧盟|英国|加拿大|台湾地区|韩国|德国|法国|荷兰|以色列|印度|澳大利亚|立陶宛|中国)(?:的)?\s*(?:\d+\s*家|[两一二三四五六七八九十]+家)?\s*(?:军工|国防|防务|有关|相关|金融|军事)?\s*(?:实体|企业|机构|组织|单位|个人|人员|银行|议员|官员)|(?:\d+|[两一二三四五六七八九十]+)\s*家\s*(?<who>美国|日本|欧盟|英国|加拿大|台湾地区|韩国|德国|法国|荷兰|以色列|印度|澳大利亚|立陶宛|中国)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Nationality();

    [GeneratedRegex(@"対日|日本への(?:軍民|輸出|デュアル)|日本に対する|日本向け|日本の\d+|日本の(?:軍事|防衛|企業|団体|機関)|我が国に対する|我が国向け|日本のみ|(?:against|to|toward|targeting|on) Japan\b", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AimedAtJapan();

    /// <summary>seven US companies, 16 US entities, Japanese firms; exports … to the United States (not "the United States has…").</summary>
    [GeneratedRegex(@"\b(?<who>U\.?S\.?A?|United States|American|Japanese|EU|European|Canadian|Taiwanese|UK|British)\s+(?i:(?:defen[cs]e\s+|military(?:-industrial)?\s+|arms\s+|drone\s+|aerospace\s+)*(?:companies|company|firms|firm|entities|entity|enterprises|contractors|manufacturers|makers|citizens))\b|\bsanctions?\s+(?:against|on)\s+the\s+(?<who>United States)\b|\bexports?\b[^.\n]{0,80}?\bto\s+(?:the\s+)?(?<who>United States|U\.S\.|US)\b|\bexports?\s+to\s+(?:the\s+)?(?<who>US|U\.S\.|USA|Japan|Canada|Taiwan)\b", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishTarget();

    /// <summary>米国の軍需関係企業7社, 米国の3社, 複数の米国企業, 米国への輸出, 米国向け, 対米輸出 (unfolded Japanese).</summary>
    [GeneratedRegex(@"(?<who>米国|アメリカ|台湾|韓国)(?:の[^、。「」]{0,8}?)?(?:企業|\d+社|団体|エンティティ)|(?<who>米国|アメリカ|台湾|韓国)(?:への|向けの?)輸出|対(?<who>米)輸出", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseForeignTarget();

    [GeneratedRegex(@"\bChinese\s+(?:entities|companies|enterprises|firms)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishChineseParties();

    /// <summary>…as they sold arms to China's Taiwan region; over Taiwan arms sales; arms sales to Taiwan.</summary>
    [GeneratedRegex(@"\b(?:s[eo]ld|sell(?:s|ing)?|sales?\s+of)\s+(?:arms|weapons)\s+to\b[^.\n]{0,20}?\bTaiwan\b|\b(?:arms|weapons?)\s+(?:sales?|deals?)\s+(?:to|with)\b[^.\n]{0,20}?\bTaiwan\b|\bTaiwan\s+arms\s+(?:sales?|deals?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishArmsSalesToTaiwan();

    /// <summary>Exports or measures aimed at a country: 对美出口, 对美国出口, 对日本军事用户, 向美国出口.</summary>
    [GeneratedRegex(@"(?:对|向)(?<who>美国|美|日本|日|欧盟|英国|加拿大|韩国)(?:国)?(?:的)?\s*(?:出口|军事|军工|实体|企业|两用|相关)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Directed();

    [GeneratedRegex(@"(?:参与)?对台(?:湾地区)?军售|售台武器|对台湾地区出售武器", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ArmsSalesToTaiwan();

    [GeneratedRegex(@"原产于(?<who>[^的]{1,60}?)的", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Origin();
}
