using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>Japanese dates: era dates (令和8年1月6日 → 2026-01-06) and year-less list labels (1月8日付, January 6).</summary>
public static partial class JapaneseDates
{
    /// <summary>
    /// What follows a date on which a measure applies: (水曜日)から施行, に発効, より適用 — in the printed and the folded
    /// (simplified) forms, so that both this class and the folded effective-date rule (NoticeExtraction) read it alike.
    /// </summary>
    internal const string AppliesFrom = @"(?:\s*[(（][^()（）\n]{1,5}[)）])?\s*(?:から|より|以降|に)?\s*(?:施行|[適适]用|[実实]施|発効|发效)";

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
    /// The first date of the text that is not the day a measure takes effect: in 5月23日、…省令を公布した。2023年7月23日に
    /// 施行される the full date is when the order applies (に施行, から適用, に発効), so it is not the day the text was issued.
    /// </summary>
    public static DateOnly? ParseIssued(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dates = EraDate().Matches(text).Concat(GregorianDate().Matches(text)).OrderBy(m => m.Index).ToList();
        var issued = dates.FirstOrDefault(date => !TakesEffect().IsMatch(text.AsSpan(date.Index + date.Length)));
        return issued is not null ? Parse(issued.Value) : dates.Count > 0 ? null : Parse(text);
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

    [GeneratedRegex("^" + AppliesFrom, RegexOptions.CultureInvariant, 250)]
    private static partial Regex TakesEffect();

    [GeneratedRegex(@"(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?<d>\d{1,2})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 250)]
    private static partial Regex YearlessEn();
}
