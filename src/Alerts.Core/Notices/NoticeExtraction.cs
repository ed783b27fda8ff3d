using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>
/// Pure text rules that turn a notice's title and body into its legal facts (number, dates, measure, destinations,
/// entities, codes). Regexes follow sources.md §1.3 and §3; every regex has a match timeout so hostile input cannot hang.
/// </summary>
internal static partial class NoticeExtraction
{
    private static readonly (string Name, string Slug)[] IssuerSlugs =
    [
        ("商务部", "mofcom"), ("海关总署", "customs"), ("工业和信息化部", "miit"), ("国家密码管理局", "crypto"),
        ("国家密码局", "crypto"), ("科技部", "most"), ("中央军委装备发展部", "cmc-edd"), ("国家原子能机构", "caea"),
    ];

    public sealed record NumberInfo(string Key, string Printed, IReadOnlyList<string> Issuers, int Year, int Sequence);

    /// <summary>
    /// The notice number: <c>商务部 海关总署公告2025年第18号</c> → <c>cn-mofcom-customs:2025:18</c>;
    /// <c>不可靠实体清单工作机制公告〔2025〕7号</c> → <c>cn-uel:2025:7</c>. The trailing 号 may be missing (xkzj mirror).
    /// </summary>
    public static NumberInfo? FindNumber(string text)
    {
        var uel = UelNumber().Match(text);
        if (uel.Success)
        {
            return new NumberInfo(
                $"cn-uel:{uel.Groups[1].Value}:{uel.Groups[2].Value}",
                uel.Value,
                ["不可靠实体清单工作机制"],
                int.Parse(uel.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(uel.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        var match = AnnouncementNumber().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var issuerText = match.Groups["issuers"].Value;
        var issuers = new List<string>();
        var slugs = new List<string>();
        foreach (var (name, slug) in IssuerSlugs)
        {
            if (issuerText.Contains(name, StringComparison.Ordinal) && !slugs.Contains(slug))
            {
                issuers.Add(name);
                slugs.Add(slug);
            }
        }

        if (slugs.Count == 0)
        {
            return null;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var sequence = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var printed = Whitespace().Replace(match.Value, " ").Trim();
        return new NumberInfo($"cn-{string.Join('-', slugs)}:{year}:{sequence}", printed, issuers, year, sequence);
    }

    /// <summary>【发文日期】2025年04月04日, 发文日期：2025年4月4日, 【发文日期】20251009 (xkzj mirror).</summary>
    public static DateOnly? FindIssueDate(string text)
    {
        var match = IssueDate().Match(text);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["compact"].Success
            ? ParseCompact(match.Groups["compact"].Value)
            : MakeDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
    }

    /// <summary>自2025年11月8日起施行 → that date; 自公布之日起 / 自发布之日起 / 自即日起 → the published date.</summary>
    public static DateOnly? FindEffectiveDate(string text, DateOnly? published)
    {
        var explicitDate = EffectiveDate().Match(text);
        if (explicitDate.Success)
        {
            return MakeDate(explicitDate.Groups["y"].Value, explicitDate.Groups["m"].Value, explicitDate.Groups["d"].Value);
        }

        if (EffectiveOnPublication().IsMatch(text))
        {
            return published;
        }

        var japanese = JapaneseEffective().Match(text);
        if (japanese.Success)
        {
            return JapaneseDates.Parse(japanese.Groups["date"].Value);
        }

        return null;
    }

    /// <summary>Action class from the title first, then the body (sources.md §1.3 "Action class").</summary>
    public static Measure ClassifyMeasure(string title, string body)
    {
        var fromTitle = ClassifyText(title);
        return fromTitle != Measure.Other ? fromTitle : ClassifyText(body.Length > 4000 ? body[..4000] : body);
    }

    private static Measure ClassifyText(string text)
    {
        if (text.Length == 0)
        {
            return Measure.Other;
        }

        // Trade remedies (anti-dumping, countervailing, safeguards) are not export controls.
        if (TradeRemedy().IsMatch(text))
        {
            return Measure.Other;
        }

        if (Resumption().IsMatch(text))
        {
            return Measure.Resumption;
        }

        if (Suspension().IsMatch(text))
        {
            return Measure.Suspension;
        }

        if (Removal().IsMatch(text))
        {
            return Measure.Removal;
        }

        var listing = ListAddition().Match(text);
        if (listing.Success)
        {
            return listing.Groups["list"].Value switch
            {
                "关注名单" => Measure.WatchListAddition,
                "不可靠实体清单" => Measure.UnreliableEntityAddition,
                _ => Measure.ControlListAddition,
            };
        }

        if (Consultation().IsMatch(text))
        {
            return Measure.Consultation;
        }

        if (Ban().IsMatch(text))
        {
            return Measure.ExportBan;
        }

        if (Catalogue().IsMatch(text))
        {
            return Measure.CatalogueChange;
        }

        if (Licensing().IsMatch(text))
        {
            return Measure.LicensingRequirement;
        }

        if (Amendment().IsMatch(text))
        {
            return Measure.Amendment;
        }

        if (Statement().IsMatch(text))
        {
            return Measure.Statement;
        }

        return Measure.Other;
    }

    private static readonly (string Word, string Iso)[] Countries =
    [
        ("日本", "JP"), ("日方", "JP"), ("对日", "JP"), ("美国", "US"), ("欧盟", "EU"), ("加拿大", "CA"), ("台湾地区", "TW"),
        ("韩国", "KR"), ("英国", "GB"), ("俄罗斯", "RU"), ("印度", "IN"), ("澳大利亚", "AU"), ("荷兰", "NL"), ("德国", "DE"),
        ("中国", "CN"), ("China", "CN"), ("Japan", "JP"),
    ];

    /// <summary>Countries the measure targets, from the title (and the first paragraph of the body).</summary>
    public static IReadOnlyList<string> FindDestinations(string title, string body, string language)
    {
        var lead = body.Length > 600 ? body[..600] : body;
        var text = title + "\n" + lead;
        var found = new List<string>();
        foreach (var (word, iso) in Countries)
        {
            // A Chinese notice names its own country only in 中华人民共和国; a Japanese text naming 中国 targets China.
            if (iso == "CN" && language.StartsWith("zh", StringComparison.Ordinal))
            {
                continue;
            }

            if (iso == "JP" && language == "ja" && word == "日本")
            {
                continue;
            }

            if (text.Contains(word, StringComparison.Ordinal) && !found.Contains(iso))
            {
                found.Add(iso);
            }
        }

        return found;
    }

    /// <summary>Annex lines <c>n. 中文名（English name）</c>, each optionally followed by 地址/邮编/常用名称 lines.</summary>
    public static IReadOnlyList<ListedEntity> FindEntities(IReadOnlyList<string> lines)
    {
        var entities = new List<ListedEntity>();
        ListedEntity? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length is 0 or > 400)
            {
                continue;
            }

            var entity = EntityLine().Match(line);
            if (entity.Success)
            {
                if (current is not null)
                {
                    entities.Add(current);
                }

                current = new ListedEntity(entity.Groups["name"].Value.Trim(), entity.Groups["en"].Value.Trim());
                continue;
            }

            if (current is null)
            {
                continue;
            }

            var address = AddressLine().Match(line);
            if (address.Success)
            {
                current = current with { Address = address.Groups[1].Value.Trim() };
                continue;
            }

            var postcode = PostcodeLine().Match(line);
            if (postcode.Success)
            {
                current = current with { Postcode = postcode.Groups[1].Value.Trim() };
            }
        }

        if (current is not null)
        {
            entities.Add(current);
        }

        return entities;
    }

    public static IReadOnlyList<string> FindControlCodes(string text) =>
        ControlCode().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>HS numbers after 参考海关商品编号 / 参考税则号列, as digits; 10- and 8-digit and dotted forms.</summary>
    public static IReadOnlyList<string> FindHsCodes(string text)
    {
        var codes = new List<string>();
        foreach (Match block in HsBlock().Matches(text))
        {
            foreach (Match candidate in HsCandidate().Matches(block.Groups[1].Value))
            {
                var digits = candidate.Value.Replace(".", "", StringComparison.Ordinal);
                if (digits.Length is 8 or 10 && !codes.Contains(digits))
                {
                    codes.Add(digits);
                }
            }
        }

        return codes;
    }

    /// <summary>The count a title states (<c>20家</c>); null when none.</summary>
    public static int? FindStatedEntityCount(string title, string body)
    {
        var match = EntityCount().Match(title);
        if (!match.Success)
        {
            match = EntityCount().Match(body.Length > 2000 ? body[..2000] : body);
        }

        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>
    /// Runs of whitespace → one space, trimmed. <c>\s</c> (not ECMAScript) covers \p{Z}, so no-break (U+00A0) and
    /// ideographic (U+3000) spaces collapse too.
    /// </summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>2026-01-06, 2026-01-06 09:30, 2026年1月6日, 2026/01/06.</summary>
    public static DateOnly? ParseLooseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = LooseDate().Match(text);
        return match.Success ? MakeDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value) : null;
    }

    internal static DateOnly? ParseCompact(string digits) =>
        digits.Length == 8 ? MakeDate(digits[..4], digits[4..6], digits[6..]) : null;

    internal static DateOnly? MakeDate(string year, string month, string day)
    {
        if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        return null;
    }

    private const int Timeout = 250;

    [GeneratedRegex(@"(?<issuers>(?:(?:商务部|海关总署|工业和信息化部|国家密码管理局|国家密码局|科技部|中央军委装备发展部|国家原子能机构)[\s、]*){1,5})公告\s*(?<year>\d{4})\s*年\s*第\s*(?<n>\d{1,4})\s*号?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AnnouncementNumber();

    [GeneratedRegex(@"不可靠实体清单工作机制公告\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*(\d{1,4})\s*号?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex UelNumber();

    [GeneratedRegex(@"(?:发文日期|成文日期|发布日期)\s*[】\]]?\s*[：:]?\s*(?:(?<y>\d{4})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})\s*日?|(?<compact>\d{8}))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"自\s*(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*起", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EffectiveDate();

    [GeneratedRegex(@"自(?:本公告|本决定)?(?:公布|发布|印发)之日起|自即日起", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EffectiveOnPublication();

    [GeneratedRegex(@"(?<date>(?:令和|平成)(?:\d{1,2}|元)年\d{1,2}月\d{1,2}日)(?:から|より)施行", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseEffective();

    [GeneratedRegex(@"反倾销|反补贴|保障措施|产业损害|倾销及倾销幅度", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TradeRemedy();

    [GeneratedRegex(@"恢复(?:实施|执行)|解除暂停", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Resumption();

    [GeneratedRegex(@"暂停(?:实施|执行|适用)|继续暂停", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Suspension();

    [GeneratedRegex(@"移出|移除|废止|不再适用|撤销", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Removal();

    [GeneratedRegex(@"列入.{0,40}?(?<list>出口管制管控名单|管控名单|关注名单|不可靠实体清单)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ListAddition();

    [GeneratedRegex(@"征求意见|意見募集|パブリックコメント", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Consultation();

    [GeneratedRegex(@"(?:管理目录|出口管制清单|管制清单|许可证.{0,10}目录)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Catalogue();

    [GeneratedRegex(@"禁止.{0,40}?(?:出口|转移|提供)|禁止向", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Ban();

    [GeneratedRegex(@"实施出口管制|出口许可|许可证管理|輸出許可", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Licensing();

    [GeneratedRegex(@"调整|修订|修改|改正", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Amendment();

    [GeneratedRegex(@"发言人|答记者问|谈话|抗議|申入れ|遺憾|protest|regret|記者会見|声明|談話", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex Statement();

    [GeneratedRegex(@"^(?<n>\d{1,3})\s*[.．、]\s*(?<name>[^（(]{2,120}?)\s*[（(](?<en>[^）)]*[A-Za-z][^）)]*)[）)]\s*[。;；]?$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EntityLine();

    [GeneratedRegex(@"^地\s*址\s*[：:]\s*(.+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"^邮\s*编\s*[：:]\s*(.+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PostcodeLine();

    [GeneratedRegex(@"(?<![A-Za-z0-9])\d[A-E]\d{3}(?:\.[a-z0-9]+)*(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ControlCode();

    [GeneratedRegex(@"(?:参考海关商品编号|参考税则号列|海关商品编号)\s*[：:]\s*([\d、，,;；.\s]{1,2000})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HsBlock();

    [GeneratedRegex(@"\d{4}(?:\.?\d{2}){2,3}", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HsCandidate();

    [GeneratedRegex(@"(\d{1,4})\s*家", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EntityCount();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<y>(?:19|20|21)\d{2})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex LooseDate();
}

/// <summary>Japanese dates: era dates (令和8年1月6日 → 2026-01-06) and year-less list labels (1月8日付, January 6).</summary>
public static partial class JapaneseDates
{
    /// <summary>令和N年 = 2018 + N, 平成N年 = 1988 + N, 元年 = 1; also plain 2026年1月7日.</summary>
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var era = EraDate().Match(text);
        var gregorian = GregorianDate().Match(text);
        if (gregorian.Success && (!era.Success || gregorian.Index < era.Index))
        {
            return NoticeExtraction.MakeDate(gregorian.Groups["y"].Value, gregorian.Groups["m"].Value, gregorian.Groups["d"].Value);
        }

        if (era.Success)
        {
            var eraYear = era.Groups["n"].Value == "元" ? 1 : int.Parse(era.Groups["n"].Value, CultureInfo.InvariantCulture);
            var year = (era.Groups["era"].Value == "令和" ? 2018 : 1988) + eraYear;
            return NoticeExtraction.MakeDate(year.ToString(CultureInfo.InvariantCulture), era.Groups["m"].Value, era.Groups["d"].Value);
        }

        return NoticeExtraction.ParseLooseDate(text);
    }

    /// <summary>
    /// A year-less month/day read at <paramref name="now"/> (Japan time): the current year, or the previous year when
    /// that date would lie more than a few days in the future (a December item read in January).
    /// </summary>
    public static DateOnly? FromMonthDay(int month, int day, DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(9));
        var year = local.Year;
        if (month < 1 || month > 12 || day < 1 || day > 31)
        {
            return null;
        }

        DateOnly? candidate = day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        if (candidate is null || candidate.Value > DateOnly.FromDateTime(local.DateTime).AddDays(2))
        {
            var previous = year - 1;
            return day <= DateTime.DaysInMonth(previous, month) ? new DateOnly(previous, month, day) : null;
        }

        return candidate;
    }

    /// <summary>1月8日付, 12月26日.</summary>
    public static DateOnly? ParseYearlessJa(string text, DateTimeOffset now)
    {
        var match = YearlessJa().Match(text);
        return match.Success
            ? FromMonthDay(int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture), now)
            : null;
    }

    /// <summary>January 6, December 26.</summary>
    public static DateOnly? ParseYearlessEn(string text, DateTimeOffset now)
    {
        var match = YearlessEn().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.FindIndex(CultureInfo.InvariantCulture.DateTimeFormat.MonthNames, n => n.Length > 0 && n.Equals(match.Groups["m"].Value, StringComparison.OrdinalIgnoreCase)) + 1;
        return month == 0 ? null : FromMonthDay(month, int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture), now);
    }

    [GeneratedRegex(@"(?<era>令和|平成)\s*(?<n>\d{1,2}|元)\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EraDate();

    [GeneratedRegex(@"(?<y>(?:19|20|21)\d{2})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日", RegexOptions.CultureInvariant, 250)]
    private static partial Regex GregorianDate();

    [GeneratedRegex(@"(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日", RegexOptions.CultureInvariant, 250)]
    private static partial Regex YearlessJa();

    [GeneratedRegex(@"(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d>\d{1,2})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 250)]
    private static partial Regex YearlessEn();
}
