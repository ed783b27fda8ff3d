using System.Text.RegularExpressions;
using Alerts.Core.Common;

namespace Alerts.Core.Alerts;

/// <summary>
/// How a notice is named where space is short (the dashboard's assessment rows, action-link pages, the digest's open
/// items): "MOFCOM 2026 No.11" for 商务部公告2026年第11号 — someone who does not read Chinese recognises it — else the
/// number as printed, else the (glossed) title.
/// </summary>
public static partial class NoticeNames
{
    public static string Short(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Number is not { Length: > 0 } number)
        {
            return DisplayText.Clip(alert.TitleGloss ?? alert.Title, 120);
        }

        var numbered = YearAndNumber().Match(number);
        return numbered.Success ? $"{Issuer(alert.SourceId)} {numbered.Groups[1].Value} No.{numbered.Groups[2].Value}" : DisplayText.Clip(number, 120);
    }

    private static string Issuer(string sourceId) => sourceId.StartsWith("cn-mofcom", StringComparison.Ordinal) ? "MOFCOM"
        : sourceId.StartsWith("cn-gacc", StringComparison.Ordinal) ? "GACC"
        : sourceId.StartsWith("jp-meti", StringComparison.Ordinal) ? "METI"
        : sourceId.StartsWith("jp-mofa", StringComparison.Ordinal) ? "MOFA"
        : sourceId.StartsWith("jp-kantei", StringComparison.Ordinal) ? "Kantei"
        : sourceId;

    [GeneratedRegex(@"(\d{4})年第(\d+)号", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex YearAndNumber();
}
