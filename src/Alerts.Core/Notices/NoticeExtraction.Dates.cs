using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>The dates a notice's own text gives: when it was issued and when its measure applies.</summary>
internal static partial class NoticeExtraction
{
    private const string DateCn = @"(?<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日";

    /// <summary>【发文日期】2025年04月04日, 发文日期：2025年4月4日, 【发文日期】20251009 (xkzj mirror).</summary>
    public static DateOnly? FindIssueDate(string text)
    {
        var match = IssueDate().Match(Fold(text));
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["compact"].Success
            ? ParseCompact(match.Groups["compact"].Value)
            : MakeDate(match.Groups["y"].Value, match.Groups["m"].Value, match.Groups["d"].Value);
    }

    /// <summary>
    /// The date the text says the notice was issued: the 发文日期 field, else the signature block (the issuer's name,
    /// then a line that is only a date: 商务部 / 2025年4月4日, or 二〇二五年四月四日), else a date line at the head (a
    /// repost's dateline). The annex often repeats the date (（2025年4月4日）), so a signature before 附件 wins.
    /// </summary>
    public static DateOnly? FindPublished(IReadOnlyList<string> lines) => FindPublished("", lines, null);

    /// <summary>
    /// As <see cref="FindPublished(IReadOnlyList{string})"/>, then a repost's dateline (a short line at the head with a
    /// date: 2023-07-05 15:39:57, 发布时间：2010年12月23日), then a news lead's year-less date (7月3日，商务部…发布公告)
    /// completed with the year of the notice's own number.
    /// </summary>
    public static DateOnly? FindPublished(string title, IReadOnlyList<string> lines, int? numberYear)
    {
        var read = FindPublishedInText(lines);
        if (read is not null)
        {
            return read;
        }

        var head = new[] { title }.Concat(lines.Take(4)).Select(l => Fold(l).Trim()).ToList();
        foreach (var line in head)
        {
            // A dateline is the line's subject (2023-07-05 15:39:57, 来源：… 2025-05-14 22:00), not a date in the lead sentence.
            if (Dateline().Match(line) is { Success: true } dateline && !PrintLine().IsMatch(line)
                && (line.Length <= 30 || DatelineWords().IsMatch(line) || dateline.Index + dateline.Length >= line.Length - 2))
            {
                return MakeDate(dateline.Groups["y"].Value, dateline.Groups["m"].Value, dateline.Groups["d"].Value);
            }
        }

        foreach (var line in head.Skip(1).Take(3))
        {
            // 自今日（2025年10月14日）起施行: the text names its own day.
            var dated = TodayDate().Match(line);
            if (dated.Success && MakeDate(dated.Groups["y"].Value, dated.Groups["m"].Value, dated.Groups["d"].Value) is { } date)
            {
                return date;
            }
        }

        // 商务部10日公布 (a news copy gives only the day): the month and year of the text's first full date on that day
        // (中方决定自北京时间2025年11月10日起…).
        var dayOnly = head.Skip(1).Select(l => DayOnlyLead().Match(l)).FirstOrDefault(m => m.Success);
        if (dayOnly is not null && ParseNumber(dayOnly.Groups["d"].Value) is { } day)
        {
            foreach (var line in lines.Take(20))
            {
                foreach (Match full in DateWithParts().Matches(Fold(line)))
                {
                    if (MakeDate(full.Groups["y"].Value, full.Groups["m"].Value, full.Groups["d"].Value) is { } candidate && candidate.Day == day)
                    {
                        return candidate;
                    }
                }
            }
        }

        if (numberYear is { } year)
        {
            foreach (var line in head.Skip(1).Take(3))
            {
                var lead = NewsLead().Match(line);
                if (lead.Success && MakeDate(year.ToString(System.Globalization.CultureInfo.InvariantCulture), lead.Groups["m"].Value, lead.Groups["d"].Value) is { } date)
                {
                    return date;
                }
            }
        }

        return null;
    }

    private static DateOnly? FindPublishedInText(IReadOnlyList<string> lines)
    {
        var field = FindIssueDate(string.Join('\n', lines.Take(40)));
        if (field is not null)
        {
            return field;
        }

        DateOnly? signature = null;
        DateOnly? anyStandalone = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Fold(lines[i]).Trim();
            if (line.Length > 40 || PrintLine().IsMatch(line))
            {
                continue; // 《人民日报》( 2025年08月13日 15 版): the newspaper's page, not the text's date
            }

            var standalone = StandaloneDate().Match(line);
            if (!standalone.Success)
            {
                // 商务部 2025年4月4日 on one line (the signature printed inline).
                var inline = SignatureInline().Match(line);
                if (inline.Success && MakeDate(inline.Groups["y"].Value, inline.Groups["m"].Value, inline.Groups["d"].Value) is { } signed)
                {
                    signature ??= signed;
                }

                continue;
            }

            var date = MakeDate(standalone.Groups["y"].Value, standalone.Groups["m"].Value, standalone.Groups["d"].Value);
            if (date is null)
            {
                continue;
            }

            anyStandalone ??= date;
            var previous = i > 0 ? Fold(lines[i - 1]).Trim() : "";
            if (previous.Length <= 40 && SignatureIssuer().IsMatch(previous))
            {
                signature ??= date;
            }
        }

        return signature ?? anyStandalone;
    }

    /// <summary>
    /// When the measure applies: 自2025年11月8日起施行 → that date; 自公布之日起 / 自发布之日起 / 自即日起 → the published
    /// date; 令和8年1月6日から施行 → that date. A date of another notice cited in the text (商务部于2025年4月4日发布…) is not one.
    /// </summary>
    public static DateOnly? FindEffectiveDate(string text, DateOnly? published)
    {
        var folded = Fold(text);
        var explicitDate = EffectiveDate().Match(folded);
        var onPublication = EffectiveOnPublication().Match(folded);
        if (explicitDate.Success && (!onPublication.Success || explicitDate.Index < onPublication.Index))
        {
            return MakeDate(explicitDate.Groups["y"].Value, explicitDate.Groups["m"].Value, explicitDate.Groups["d"].Value);
        }

        if (onPublication.Success)
        {
            return published;
        }

        // 自12月23日起 in a news copy, 12月1日から実施 in a Japanese one: the year is the notice's.
        var yearless = YearlessEffective().Match(folded) is { Success: true } chinese ? chinese : JapaneseYearlessEffective().Match(folded);
        if (yearless.Success && published is { } date
            && MakeDate(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), yearless.Groups["m"].Value, yearless.Groups["d"].Value) is { } day)
        {
            return day;
        }

        var japanese = JapaneseEffective().Match(folded);
        if (japanese.Success)
        {
            return JapaneseDates.Parse(japanese.Groups["date"].Value);
        }

        // An English copy: "The control measures take effect on Dec. 1, 2023"; "…, effective immediately".
        if (EnglishEffective().Match(folded) is { Success: true } english
            && Array.FindIndex(EnglishMonths, m => english.Groups["m"].Value.StartsWith(m, StringComparison.OrdinalIgnoreCase)) + 1 is var month and > 0)
        {
            return MakeDate(english.Groups["y"].Value, month.ToString(System.Globalization.CultureInfo.InvariantCulture), english.Groups["d"].Value);
        }

        return EnglishEffectiveNow().IsMatch(folded) ? published : null;
    }

    private static readonly string[] EnglishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    // The reader passes the operative text, whose clauses end in 。: "Dec. 1, 2023" arrives as "Dec. 1。 2023".
    [GeneratedRegex(@"\b(?:(?:take|takes|took|will\s+take)\s+effect|(?:come|comes|came|will\s+come)\s+into\s+(?:force|effect)|effective|starting|beginning|(?:suspend|postpon|paus)\w*(?:\s+\w+){0,3})\s+(?:on\s+|from\s+|as\s+of\s+)?(?<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2})\s*[,。]\s*(?<y>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishEffective();

    [GeneratedRegex(@"\beffective\s+immediately\b|\b(?:take|takes|took)\s+effect\s+immediately\b|\bwith\s+immediate\s+effect\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishEffectiveNow();

    [GeneratedRegex(@"(?:发文日期|成文日期|发布日期)\s*[】\]]?\s*[：:]?\s*(?:(?<y>\d{4})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})\s*日?|(?<compact>\d{8}))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex IssueDate();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*(?:-|/|年)\s*(?<m>\d{1,2})\s*(?:-|/|月)\s*(?<d>\d{1,2})(?:\s*日)?(?:\s*\(\S{1,4}\))?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"来源|发布时间|时间[:：]|日期[:：]|编辑|作者|类型", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex DatelineWords();

    /// <summary>7月3日,商务部、海关总署两部门发布公告: a news lead dated without a year.</summary>
    [GeneratedRegex(@"^(?:[^,，。]{0,20}?)(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*(?:电)?\s*[,，]?[^。]{0,30}?(?:发布|公布|宣布|印发|发佈)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NewsLead();

    [GeneratedRegex(@"(?:商务部|中方|外交部|海关总署)(?<d>\d{1,2})\s*日\s*(?:发布|公布|宣布)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex DayOnlyLead();

    [GeneratedRegex(DateCn, RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex DateWithParts();

    [GeneratedRegex(@"(?:今日|今天)\s*\(\s*" + DateCn + @"\s*\)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TodayDate();

    /// <summary>A newspaper's print line (《人民日报》( 2025年08月13日 15 版)): its edition and date, not the date of the text it carries.</summary>
    [GeneratedRegex(@"\d+\s*版\s*[)）]|[报報]\s*[》」]", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PrintLine();

    [GeneratedRegex(@"^[(\[【〔]?\s*" + DateCn + @"\s*[)\]】〕]?$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex StandaloneDate();

    [GeneratedRegex(@"^(?:商务部|海关总署|工业和信息化部|国家密码管理局|科技部|外交部|不可靠实体清单工作机制)[\s、]*" + DateCn + @"$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SignatureInline();

    [GeneratedRegex(@"(?:商务部|海关总署|工业和信息化部|国家密码管理局|国家密码局|科技部|中央军委装备发展部|国家原子能机构|外交部|工作机制|办公室|部长)\s*$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SignatureIssuer();

    [GeneratedRegex(@"(?:自|从|于)\s*(?:今日|即日|本日)?\s*\(?\s*" + DateCn + @"\s*\)?\s*(?:零时|\d{1,2}\s*时(?:\s*\d{1,2}\s*分)?)?\s*(?:起|开始)|" + DateCn + @"\s*起\s*(?:正式)?(?:施行|实施|生效|执行)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EffectiveDate();

    [GeneratedRegex(@"(?<![\d年])自\s*(?:今年)?\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日\s*起", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex YearlessEffective();

    /// <summary>
    /// 自公布之日起, 自即日起; in Japanese translations and summaries 告示日より（正式に）施行する, 公布日から施行, (…を公布し、)
    /// 同日付で施行.
    /// </summary>
    [GeneratedRegex(@"自(?:本公告|本决定|本命令|本令)?(?:公布|发布|印发|公告)之日起|自?即日起|自决定公布之日起|(?:公布|告示|公表|公告|発表|发表)(?:の)?日(?:より|から)(?:正式に)?(?:施行|実施|实施|発効|发效|适用|適用)|同日(?:付)?(?:で|に|から)(?:施行|実施|实施|発効|发效)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EffectiveOnPublication();

    /// <summary>12月1日から実施される (JETRO, a yearless date in a Japanese summary): the year is the notice's.</summary>
    [GeneratedRegex(@"(?<![\d年])(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日(?:から|より)(?:正式に)?(?:施行|実施|实施|発効|发效|适用|適用)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseYearlessEffective();

    [GeneratedRegex(@"(?<date>(?:令和|平成)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)" + JapaneseDates.AppliesFrom + @"(?!\s*[:：])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseEffective();
}
