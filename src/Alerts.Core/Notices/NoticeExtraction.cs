using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Common;

namespace Alerts.Core.Notices;

/// <summary>
/// Pure text rules that turn a notice's title and body into its legal facts, read the way a lawyer reads: the number
/// the ministry gave it, the dates in the text, what the operative clause does, to whom and for what. The rules are
/// split by fact (<c>NoticeExtraction.*.cs</c>); this file holds the shared folding and date helpers. Every regex has a
/// match timeout so hostile input cannot hang a poll.
/// </summary>
internal static partial class NoticeExtraction
{
    private const int Timeout = 250;

    /// <summary>
    /// The form the rules read: NFKC (full-width digits, letters and brackets become ASCII: <c>１．</c> → <c>1.</c>,
    /// <c>（</c> → <c>(</c>) and traditional → simplified (reposts print 商務部公告2026年第1號).
    /// </summary>
    public static string Fold(string text) =>
        string.IsNullOrEmpty(text) ? "" : ChineseVariants.ToSimplified(text.Normalize(NormalizationForm.FormKC));

    /// <summary>
    /// Runs of whitespace → one space, trimmed. <c>\s</c> (not ECMAScript) covers \p{Z}, so no-break (U+00A0) and
    /// ideographic (U+3000) spaces collapse too.
    /// </summary>
    public static string CollapseWhitespace(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>
    /// Removes the pinyin readings some mirror sites print after characters (商務(wù)部, 第31號(hào)公告, 原產(chǎn)于): every
    /// rule reads the words without them. A reading is one Latin syllable in brackets right after a Chinese character;
    /// call it only on a text that <see cref="HasReadings"/>, so that a lower-case word in brackets elsewhere is kept.
    /// </summary>
    public static string StripReadings(string text) =>
        string.IsNullOrEmpty(text) || text.IndexOf('(', StringComparison.Ordinal) < 0 ? text : Reading().Replace(text, "");

    /// <summary>True when <paramref name="text"/> has at least two tone-marked readings: its plain ones are readings too.</summary>
    public static bool HasReadings(string text) => ToneReading().Count(text) >= 2;

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
        if (ParseNumber(year) is { } y && ParseNumber(month) is { } m && ParseNumber(day) is { } d
            && y is >= 1900 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        return null;
    }

    /// <summary>
    /// A number printed in digits or in Chinese numerals: <c>61</c>, <c>十一</c>, <c>二十</c>, <c>一百零五</c>, and
    /// digit-by-digit years (<c>二〇二六</c>). News copies print 2026年第一號公告; signatures print 二〇二五年四月四日.
    /// </summary>
    internal static int? ParseNumber(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var plain))
        {
            return plain;
        }

        text = text.Replace('两', '二').Replace('○', '〇');

        const string Digits = "〇零一二三四五六七八九";
        if (!text.Contains('十', StringComparison.Ordinal) && !text.Contains('百', StringComparison.Ordinal))
        {
            // Digit by digit: 二〇二六 → 2026 (〇 and 零 are both zero).
            var value = 0;
            foreach (var c in text)
            {
                var digit = Digits.IndexOf(c, StringComparison.Ordinal);
                if (digit < 0)
                {
                    return null;
                }

                value = (value * 10) + Math.Max(0, digit - 1);
            }

            return value;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = Math.Max(0, digit - 1);
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else if (c == '百')
            {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Whitespace();

    private const string ToneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\([a-zü]{0,5}[" + ToneVowels + @"][a-zü]{0,5}\)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ToneReading();

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs})\((?:[a-zü]{0,5}[" + ToneVowels + @"][a-zü]{0,5}|(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?[aeiouü][a-z]{0,3})\)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Reading();

    [GeneratedRegex(@"(?<y>(?:19|20|21)\d{2})\s*[年\-/.]\s*(?<m>\d{1,2})\s*[月\-/.]\s*(?<d>\d{1,2})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex LooseDate();
}
