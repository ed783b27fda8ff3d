using System.Text;
using Alerts.Core.Goods;

namespace Alerts.Core.Matching;

/// <summary>
/// Company names compared without their legal form, punctuation, spacing or width: <c>ＴＤＫ株式会社</c>,
/// <c>TDK Corporation</c> and <c>tdk corp.</c> are one name.
/// </summary>
public static class CompanyNames
{
    // Longest first so "co., ltd." goes before "co.".
    private static readonly string[] s_legalForms =
    [
        "股份有限公司", "有限责任公司", "有限公司", "株式会社", "有限会社", "合同会社", "(株)", "㈱", "公司",
        "kabushiki kaisha", "corporation", "incorporated", "company limited", "co., ltd.", "co.,ltd.", "co., ltd", "co.,ltd",
        "co. ltd.", "co ltd", "limited", "k.k.", "corp.", "corp", "inc.", "inc", "ltd.", "ltd", "co.", "gmbh", "llc", "plc",
    ];

    private static readonly string[] s_normalizedForms = [.. s_legalForms.Select(f => TextNormalizer.NormalizeTerm(f))];

    /// <summary>The name folded and without its legal form, words separated by one space (<c>terra drone</c>).</summary>
    public static string Display(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = TextNormalizer.NormalizeTerm(name);
        bool changed;
        do
        {
            changed = false;
            foreach (var form in s_normalizedForms)
            {
                var index = text.IndexOf(form, StringComparison.Ordinal);
                if (index < 0)
                {
                    continue;
                }

                var end = index + form.Length;
                var atWordStart = index == 0 || !TextNormalizer.IsAsciiWordChar(text[index - 1]) || !TextNormalizer.IsAsciiWordChar(form[0]);
                var atWordEnd = end == text.Length || !TextNormalizer.IsAsciiWordChar(text[end]) || !TextNormalizer.IsAsciiWordChar(form[^1]);
                if (atWordStart && atWordEnd)
                {
                    text = (text[..index] + " " + text[end..]).Trim(' ', ',', '.', '(', ')');
                    changed = true;
                }
            }
        }
        while (changed && text.Length > 0);

        return string.Join(' ', text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Letters and digits only (<c>terradrone</c>): the key for comparing listed entities with counterparties.</summary>
    public static string Key(string name) => KeyOfDisplay(Display(name));

    /// <summary><see cref="Key"/> from a name's <see cref="Display"/> form already worked out (the matcher's index has it).</summary>
    internal static string KeyOfDisplay(string display)
    {
        ArgumentNullException.ThrowIfNull(display);
        var key = new StringBuilder(display.Length);
        foreach (var c in display)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}
