using System.Text.RegularExpressions;

namespace Alerts.Core.Notices;

/// <summary>Control-list codes (1C903, 3C001.a) and HS codes (参考海关商品编号…), as printed in the text and its tables.</summary>
internal static partial class NoticeExtraction
{
    /// <summary>
    /// Control-list codes the text controls. A code printed only in an exclusion — 非1C226、1C241项下管制的钨 ("tungsten
    /// not controlled under 1C226 or 1C241", 2025 No.10) — says what an item is not, so it is not the notice's code
    /// unless another clause names it too.
    /// </summary>
    public static IReadOnlyList<string> FindControlCodes(string text)
    {
        var folded = Fold(text);
        var excluded = ControlCodeExclusion().Matches(folded).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        return ControlCode().Matches(folded)
            .Where(code => !excluded.Any(span => code.Index >= span.Index && code.Index < span.End))
            .Select(code => code.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// HS numbers after 参考海关商品编号 / 参考税则号列 / 商品编码, as digits (10- and 8-digit and dotted forms), and, in a
    /// text with such a heading, the codes of its table rows (<c>1 | 金属镓 | 8112921010</c>).
    /// </summary>
    public static IReadOnlyList<string> FindHsCodes(string text)
    {
        var folded = Fold(text);
        var codes = new List<string>();
        void Add(string candidate)
        {
            var digits = candidate.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (digits.Length is 8 or 10 && !codes.Contains(digits))
            {
                codes.Add(digits);
            }
        }

        foreach (Match block in HsBlock().Matches(folded))
        {
            foreach (Match candidate in HsCandidate().Matches(block.Groups[1].Value))
            {
                Add(candidate.Value);
            }
        }

        if (HsHeading().IsMatch(folded))
        {
            foreach (var line in folded.Split('\n'))
            {
                if ((line.Contains('|', StringComparison.Ordinal) || line.Contains('\t', StringComparison.Ordinal)) && !line.Contains('年', StringComparison.Ordinal))
                {
                    foreach (Match cell in HsCell().Matches(line))
                    {
                        Add(cell.Value);
                    }
                }
            }
        }

        return codes;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])\d[A-E]\d{3}(?:\.[a-z0-9]+)*(?![A-Za-z0-9])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ControlCode();

    /// <summary>非 + one or more codes (joined by 、，和及或) + 项下/所列/以外: the codes an item is said not to fall under.</summary>
    [GeneratedRegex(@"非\s*\d[A-E]\d{3}(?:\.[a-z0-9]+)*(?:\s*[、，,和及或]\s*\d[A-E]\d{3}(?:\.[a-z0-9]+)*)*\s*(?:项下|所列|以外|之外)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ControlCodeExclusion();

    [GeneratedRegex(@"(?:参考海关商品编号|参考税则号列|海关商品编号|商品编号|商品编码|税则号列|税则号|HS编码|HS\s*code)\s*(?:为|是)?\s*[：:]?\s*([\d、，,;；.\s和及]{1,2000})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex HsBlock();

    [GeneratedRegex(@"海关商品编号|税则号列|商品编码|HS编码|HS\s*code", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex HsHeading();

    [GeneratedRegex(@"\d{4}(?:\.?\d{2}){2,3}", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HsCandidate();

    [GeneratedRegex(@"(?<![\d.])\d{4}\.?\d{2}\.?\d{2}(?:\.?\d{2})?(?![\d.])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex HsCell();
}
