using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>What a notice's plain text tells of itself (language, first date), for every reader of notices.</summary>
public static partial class NoticeTextFacts
{
    /// <summary>
    /// <c>ja</c> when the title or the first lines have kana (Chinese never uses them), else <paramref name="fallback"/>
    /// (the source's language; <c>zh-Hans</c> when that is not Chinese but the text is CJK).
    /// </summary>
    public static string LanguageOf(string title, IReadOnlyList<string> lines, string fallback)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(fallback);
        var sample = title + string.Concat(lines.Take(40));
        if (sample.Any(c => c is >= '\u3040' and <= '\u30FF'))
        {
            return "ja";
        }

        var han = sample.Any(c => c is >= '\u4E00' and <= '\u9FFF');

        // An English copy on a Chinese source (Xinhua, China Daily) has no Han at all: it is read as English, not by the
        // source's language.
        if (!han && sample.Count(char.IsAsciiLetter) >= 20)
        {
            return "en";
        }

        return fallback.StartsWith("zh", StringComparison.Ordinal) || !han ? fallback : "zh-Hans";
    }

    /// <summary>The first date in a Japanese text: era (令和8年1月7日), Gregorian (2026年1月7日) or English (January 7, 2026, in a sentence, not a byline).</summary>
    internal static DateOnly? FirstJapaneseDate(string text)
    {
        var ja = JapaneseDates.ParseIssued(text);
        if (ja is not null)
        {
            return ja;
        }

        // A news copy's byline ("Xinhua | February 17, 2023", "Xinhua, December 1, 2023": a short line naming its
        // source, or one split by '|') dates the story, not the notice it reports. A release's own date line (MOFA prints
        // "January 6, 2026" alone) and a date in a sentence are the text's.
        foreach (var line in text.Split('\n'))
        {
            var en = EnglishDate().Match(line);
            var dateLine = en.Success && line.Trim().Length == en.Length;
            var sentence = !line.Contains('|', StringComparison.Ordinal) && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 6;
            if (en.Success && (dateLine || sentence)
                && DateTime.TryParse(en.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
            {
                return DateOnly.FromDateTime(parsed);
            }
        }

        return null;
    }

    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}", RegexOptions.CultureInvariant, 250)]
    private static partial Regex EnglishDate();
}
