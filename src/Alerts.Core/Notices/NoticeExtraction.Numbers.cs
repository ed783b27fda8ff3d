using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>Notice numbers in every printed form, and the numbers of the other notices a text cites.</summary>
internal static partial class NoticeExtraction
{
    private static readonly (string Name, string Slug)[] IssuerSlugs =
    [
        ("商务部", "mofcom"), ("海关总署", "customs"), ("工业和信息化部", "miit"), ("国家密码管理局", "crypto"),
        ("国家密码局", "crypto"), ("科技部", "most"), ("国家国防科工局", "sastind"), ("中央军委装备发展部", "cmc-edd"),
        ("国家原子能机构", "caea"),
    ];

    /// <param name="Year">0 for a 外交部令, whose number carries no year: the reader takes the year of the text's date.</param>
    public sealed record NumberInfo(string Key, string Printed, IReadOnlyList<string> Issuers, int Year, int Sequence, int Index = 0, int Length = 0, bool News = false);

    /// <summary>
    /// The notice's OWN number: in the title, at the start of a line (the number line under the title), or where a
    /// news copy says the issuer published it (商务部发布2025年第21号公告). A number cited inside a sentence
    /// (暂停实施商务部公告2024年第46号第二款) is another notice's, not this one's. Forms: 商务部公告2025年第61号,
    /// 商务部公告2025第61号, …第58 (no 号), 商务部 海关总署公告…, 不可靠实体清单工作机制〔2025〕4号, 外交部令第19号,
    /// 商務部公告2026年第1號, 2026年第一號公告.
    /// </summary>
    public static NumberInfo? FindNumber(string text) => FindOwnNumber(text, "");

    /// <summary>The own number from the title first, then the body's number line or a news copy's "published" sentence.</summary>
    public static NumberInfo? FindOwnNumber(string title, string body)
    {
        var foldedTitle = Fold(title);
        foreach (var number in FindNumbers(foldedTitle))
        {
            // A title that ends with the number (关于…的公告 商务部公告2025年第3号) names its own.
            if (IsOwn(foldedTitle, number) || foldedTitle[(number.Index + number.Length)..].Trim().Length == 0)
            {
                return number;
            }
        }

        var folded = Fold(body.Length > 4000 ? body[..4000] : body);
        foreach (var number in FindNumbers(folded))
        {
            if (IsOwn(folded, number))
            {
                return number;
            }
        }

        return null;
    }

    /// <summary>
    /// A number opening its line is the notice's own; one inside a sentence is own only in a news copy's "the ministry
    /// published No. N" and never after a word that cites another notice (根据, 暂停实施, 就 …).
    /// </summary>
    private static bool IsOwn(string folded, NumberInfo number)
    {
        if (number.Key.StartsWith("cn-mfa-order:", StringComparison.Ordinal))
        {
            return true; // （2024年4月11日中华人民共和国外交部令第5号公布…）: an order is cited by its own text only.
        }

        var lineStart = number.Index == 0 ? 0 : folded.LastIndexOf('\n', number.Index - 1) + 1;
        var before = folded[lineStart..number.Index].Trim();
        if (before.Length <= 2)
        {
            return true;
        }

        // 中华人民共和国商务部令二〇二五年第5号: the state's name before the issuer is part of the number line (its 和 is no citing word).
        if (before.EndsWith("中华人民共和国", StringComparison.Ordinal))
        {
            before = before[..^"中华人民共和国".Length].Trim();
            if (before.Length <= 2)
            {
                return true;
            }
        }

        // 商务部…公布「不可靠实体清单工作机制〔2025〕10号」公告: the number a news copy says was published is the copy's.
        if (PublishedJustBefore().IsMatch(before))
        {
            return true;
        }

        var tail = before.Length > 10 ? before[^10..] : before;
        return !CitedBy().IsMatch(tail) && (number.News || before.Length <= 12 || PublishedInJapanese().IsMatch(folded, number.Index + number.Length));
    }

    [GeneratedRegex(@"(?:公布|发布|宣布|印发)(?:了)?\s*[「“]$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PublishedJustBefore();

    /// <summary>「…措置」（商務部公告2026年第1号）を公布し: a Japanese summary names the notice it reports, then says it was issued.</summary>
    [GeneratedRegex(@"\G\s*[)）」]?\s*を\s*(?:公布|発表|发表|公表|発出|发出|発布|发布)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PublishedInJapanese();

    /// <summary>Every notice number in a (folded) text, in order.</summary>
    internal static IEnumerable<NumberInfo> FindNumbers(string folded)
    {
        var found = new List<NumberInfo>();
        foreach (Match uel in UelNumber().Matches(folded))
        {
            var year = ParseNumber(uel.Groups["year"].Value) ?? 0;
            var n = ParseNumber(uel.Groups["n"].Value) ?? 0;
            found.Add(new NumberInfo($"cn-uel:{year}:{n}", uel.Value.Trim(), ["不可靠实体清单工作机制"], year, n, uel.Index, uel.Length));
        }

        foreach (Match order in MofcomOrder().Matches(folded))
        {
            if (ParseNumber(order.Groups["year"].Value) is { } year && ParseNumber(order.Groups["n"].Value) is { } n and > 0)
            {
                found.Add(new NumberInfo($"cn-mofcom-order:{year}:{n}", order.Value.Trim(), ["商务部"], year, n, order.Index, order.Length));
            }
        }

        foreach (Match order in MfaOrder().Matches(folded))
        {
            var n = ParseNumber(order.Groups["n"].Value) ?? 0;
            found.Add(new NumberInfo($"cn-mfa-order:0:{n}", order.Value.Trim(), ["外交部"], 0, n, order.Index, order.Length));
        }

        foreach (var (pattern, news) in new[] { (AnnouncementNumber(), false), (NewsNumber(), true) })
        {
            foreach (Match match in pattern.Matches(folded))
            {
                if (found.Exists(f => f.Index <= match.Index && match.Index < f.Index + f.Length))
                {
                    continue;
                }

                var issuers = new List<string>();
                var slugs = new List<string>();
                foreach (var name in IssuerName().Matches(match.Groups["issuers"].Value).Select(m => m.Value))
                {
                    var slug = IssuerSlugs.First(i => i.Name == name).Slug;
                    if (!slugs.Contains(slug))
                    {
                        issuers.Add(name);
                        slugs.Add(slug);
                    }
                }

                if (slugs.Count == 0 || ParseNumber(match.Groups["year"].Value) is not { } year || ParseNumber(match.Groups["n"].Value) is not { } n || n == 0)
                {
                    continue;
                }

                // Keys list co-issuers in one fixed order (the table above), not as printed: a key is a stored identity.
                slugs.Sort((a, b) => Array.FindIndex(IssuerSlugs, i => i.Slug == a).CompareTo(Array.FindIndex(IssuerSlugs, i => i.Slug == b)));
                var printed = CollapseWhitespace(match.Value);
                found.Add(new NumberInfo($"cn-{string.Join('-', slugs)}:{year}:{n}", printed, issuers, year, n, match.Index, match.Length, news || PublishVerb().IsMatch(match.Value)));
            }
        }

        return found.OrderBy(f => f.Index);
    }

    /// <summary>The key a 外交部令 gets once its year is known (the number itself carries none).</summary>
    internal static NumberInfo WithYear(NumberInfo number, int year) =>
        number.Year != 0 || !number.Key.StartsWith("cn-mfa-order:", StringComparison.Ordinal)
            ? number
            : number with { Key = $"cn-mfa-order:{year}:{number.Sequence}", Year = year };

    // 国家国防科工局 (SASTIND) co-signs the drone notices of 2023 (公告2023年第27号、第28号).
    private const string Issuer = "商务部|海关总署|工业和信息化部|国家密码管理局|国家密码局|科技部|国家国防科工局|中央军委装备发展部|国家原子能机构";
    // ○ (U+25CB, a circle, not the numeral 〇) is how many pages print the zero of 二○二五年.
    private const string Numeral = @"\d{1,4}|[〇○零一二三四五六七八九十百]{1,6}";
    private const string Year = @"(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4}";

    [GeneratedRegex(@"发布|公布|印发", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PublishVerb();

    [GeneratedRegex(Issuer, RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex IssuerName();

    /// <summary>商务部公告2025年第61号, 商务部 海关总署公告2025第58, 商务部公告〔2025〕61号.</summary>
    [GeneratedRegex(@"(?<issuers>(?:(?:" + Issuer + @")(?:[\s、,，和与及]|会同)*){1,6})(?:[^。,，;；\n]{0,16}?(?:联合)?(?:发布|公布|印发)了?)?公告\s*[〔\[(【]?\s*(?<year>" + Year + @")\s*[〕\])】]?\s*年?\s*第?\s*(?<n>" + Numeral + @")(?:\s*号|(?![\d年月日〇零一二三四五六七八九十百]))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AnnouncementNumber();

    /// <summary>
    /// News copies: 商务部发布2025年第21号公告, 商务部、海关总署2025年第10号公告, 商务部2026年第一號公告; 商务部会同工业和信息化部、
    /// 海关总署、国家密码局发布2024年第51号公告 (会同, "together with": the lead issuer and its co-issuers).
    /// </summary>
    [GeneratedRegex(@"(?<issuers>(?:(?:" + Issuer + @")(?:[\s、,，和与及]|会同)*){1,6})(?:联合)?(?:发布|公布|发出|印发)?(?:了)?\s*(?<year>" + Year + @")\s*年\s*第\s*(?<n>" + Numeral + @")\s*号\s*公告", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NewsNumber();

    /// <summary>不可靠实体清单工作机制公告〔2025〕7号, 不可靠实体清单工作机制〔2025〕4号 (no 公告), 【2025】第4号.</summary>
    [GeneratedRegex(@"不可靠实体清单工作机制(?:公告)?\s*[〔\[【(]\s*(?<year>\d{4})\s*[〕\]】)]\s*(?:第\s*)?(?<n>" + Numeral + @")\s*号?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex UelNumber();

    /// <summary>商务部令2025年第6号, 商务部令二○二五年第6号: a ministry order (the Anti-Foreign Sanctions Law countermeasures).</summary>
    [GeneratedRegex(@"商务部令\s*(?<year>" + Year + @")\s*年\s*第\s*(?<n>" + Numeral + @")\s*号", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex MofcomOrder();

    /// <summary>外交部令第19号 (Anti-Foreign Sanctions Law countermeasure decisions; numbered across years).</summary>
    [GeneratedRegex(@"外交部令\s*(?:\(\s*\d{4}\s*\)\s*)?第\s*(?<n>" + Numeral + @")\s*号", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex MfaOrder();

    [GeneratedRegex(@"根据|依据|按照|暂停|停止|恢复|执行|调整|修改|修订|废止|取消|对于|关于|就|对|和|及|与|见|原|即|落实", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex CitedBy();
}
