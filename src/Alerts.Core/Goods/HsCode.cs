using System.Text.RegularExpressions;

namespace Alerts.Core.Goods;

/// <summary>HS codes in any printed form (<c>2805.30</c>, <c>2805 30</c>, <c>2805301910</c>) compared as digits.</summary>
public static partial class HsCode
{
    /// <summary>Digits only; null when the value is not an HS code of 4 to 10 digits.</summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string([.. value.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '.')]);
        return digits.Length is >= 4 and <= 10 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>
    /// A notice's code matches a watched code when one is a prefix of the other: a 10-digit notice code matches a
    /// watched 6-digit prefix; a watched 10-digit code matches a notice's 8-digit 税则号列 (never a shorter heading).
    /// </summary>
    public static bool Matches(string noticeDigits, string watchedDigits)
    {
        ArgumentNullException.ThrowIfNull(noticeDigits);
        ArgumentNullException.ThrowIfNull(watchedDigits);
        return noticeDigits.StartsWith(watchedDigits, StringComparison.Ordinal)
            || (noticeDigits.Length >= 8 && watchedDigits.StartsWith(noticeDigits, StringComparison.Ordinal));
    }
}

/// <summary>China dual-use control codes (<c>1C902</c>, <c>1C902.a</c>, <c>3C901.a.1</c>).</summary>
public static partial class ControlCode
{
    /// <summary>Canonical form: upper-case category letter, lower-case sub-items (<c>1C902.a</c>); null when malformed.</summary>
    public static string? Canonical(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        var match = Strict().Match(text);
        return match.Success ? text[..5].ToUpperInvariant() + text[5..].ToLowerInvariant() : null;
    }

    /// <summary><c>1C902</c> matches <c>1C902.a</c> and the other way round; <c>1C902</c> never matches <c>1C9021</c>.</summary>
    public static bool Matches(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Equals(b, StringComparison.Ordinal)
            || (a.Length > b.Length && a.StartsWith(b + ".", StringComparison.Ordinal))
            || (b.Length > a.Length && b.StartsWith(a + ".", StringComparison.Ordinal));
    }

    /// <summary>Every code in normalised (lower-case) text, canonicalised.</summary>
    public static IEnumerable<(string Code, int Start, int Length)> FindIn(string normalizedText)
    {
        foreach (Match match in InText().Matches(normalizedText))
        {
            yield return (Canonical(match.Value)!, match.Index, match.Length);
        }
    }

    [GeneratedRegex(@"^\d[A-Ea-e]\d{3}(\.[A-Za-z0-9]+)*$")]
    private static partial Regex Strict();

    [GeneratedRegex(@"(?<![0-9a-z])\d[a-e]\d{3}(?:\.[a-z0-9]+)*(?![0-9])")]
    private static partial Regex InText();
}
