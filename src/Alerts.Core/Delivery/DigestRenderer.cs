using System.Globalization;
using System.Text;
using Alerts.Core.Alerts;
using Alerts.Core.Delivery.Reminders;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using static Alerts.Core.Delivery.AlertEmailRenderer;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Delivery;

/// <summary>
/// The executive digest: counts by severity and by category as bar charts made of tables (Outlook and Gmail render
/// them; no images, no scripts), the top items, and effective dates coming up. Every foreign string is HTML-escaped.
/// </summary>
public sealed class DigestRenderer(IOptions<DeliveryOptions> deliveryOptions, IOptions<DigestOptions> digestOptions)
{
    private readonly DeliveryOptions _delivery = deliveryOptions.Value;
    private readonly DigestOptions _digest = digestOptions.Value;

    public RenderedEmail Render(string companyName, DateOnly from, DateOnly to, IReadOnlyList<Alert> alerts, IReadOnlyList<Alert> upcoming, IReadOnlyList<MeasureEvent>? measures = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(upcoming);
        var period = $"{Iso(from)} – {Iso(to)}";
        if (alerts.Count == 0)
        {
            var line = $"Nothing new for {companyName} in export controls ({period}).";
            if (measures is { Count: > 0 })
            {
                return NothingNewButMeasures(companyName, period, line, measures);
            }

            return new RenderedEmail(OneLine($"Export-control digest: nothing new ({period})", 200),
                $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif\"><p>{H(line)}</p></body></html>",
                line + "\n");
        }

        var subject = OneLine($"Export-control digest: {alerts.Count} alert(s) for {companyName} ({period})", 200);
        var html = new StringBuilder();
        var text = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(H(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">")
            .Append("<h2>Export-control digest for ").Append(H(companyName)).Append("</h2><p>").Append(H(period)).Append(" · ")
            .Append(alerts.Count.ToString(CultureInfo.InvariantCulture)).Append(" alert(s)</p>");
        text.Append("Export-control digest for ").Append(companyName).Append('\n').Append(period).Append(" · ").Append(alerts.Count).Append(" alert(s)\n\n");

        var bySeverity = Enum.GetValues<Severity>().OrderByDescending(s => s)
            .Select(s => (Label: s.ToWire(), Count: alerts.Count(a => a.Severity == s), Colour: SeverityColour(s))).ToList();
        Chart(html, text, "By severity", bySeverity);
        var byCategory = alerts.SelectMany(a => a.Categories.Count > 0 ? a.Categories : ["uncategorised"])
            .GroupBy(c => c, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Count: g.Count(), Colour: "#0f6cbd"))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        Chart(html, text, "By goods category", byCategory);

        html.Append("<h3>Top items</h3><table cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">")
            .Append("<tr><th align=\"left\">Severity</th><th align=\"left\">Notice</th><th align=\"left\">Number</th><th align=\"left\">Effective</th></tr>");
        text.Append("Top items:\n");
        foreach (var alert in alerts.OrderByDescending(a => a.Severity).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal).Take(_digest.TopItems))
        {
            html.Append("<tr><td style=\"color:").Append(SeverityColour(alert.Severity)).Append("\">").Append(H(alert.Severity.ToWire())).Append("</td><td>")
                .Append("<a href=\"").Append(H(_delivery.DiffUrl(alert.ChangeId))).Append("\">").Append(H(ChangeTelling.Label(alert.Kind))).Append(' ').Append(H(alert.TitleGloss ?? alert.Title)).Append("</a>")
                .Append(H(ChangeTelling.Suffix(alert)));
            if (alert.TitleGloss is not null)
            {
                html.Append("<br><span style=\"color:#555\">").Append(H(alert.Title)).Append("</span>");
            }

            html.Append("</td><td>").Append(H(alert.Number ?? "")).Append("</td><td>").Append(H(Date(alert.Effective))).Append("</td></tr>");
            text.Append("- ").Append(ChangeTelling.Label(alert.Kind)).Append(" [").Append(alert.Severity.ToWire()).Append("] ").Append(OneLine(alert.TitleGloss ?? alert.Title, 200)).Append(OneLine(ChangeTelling.Suffix(alert), 200))
                .Append(alert.Number is null ? "" : " (" + alert.Number + ")").Append(", effective ").Append(Date(alert.Effective)).Append('\n');
        }

        html.Append("</table>");
        // "Upcoming" counts from the period's last day, the recipient's local today.
        var soon = upcoming.Where(a => a.Effective is { } e && e >= to && e <= to.AddDays(_digest.UpcomingDays))
            .DistinctBy(a => a.ChangeId).OrderBy(a => a.Effective).ThenBy(a => a.AlertId, StringComparer.Ordinal).ToList();
        html.Append("<h3>Taking effect in the next ").Append(_digest.UpcomingDays).Append(" days</h3>");
        text.Append("\nTaking effect in the next ").Append(_digest.UpcomingDays).Append(" days:\n");
        if (soon.Count == 0)
        {
            html.Append("<p>None.</p>");
            text.Append("None.\n");
        }
        else
        {
            html.Append("<ul>");
            foreach (var alert in soon)
            {
                html.Append("<li><b>").Append(H(Date(alert.Effective))).Append("</b> ").Append(H(alert.TitleGloss ?? alert.Title)).Append("</li>");
                text.Append("- ").Append(Date(alert.Effective)).Append(' ').Append(OneLine(alert.TitleGloss ?? alert.Title, 200)).Append('\n');
            }

            html.Append("</ul>");
        }

        if (measures is not null)
        {
            UpcomingMeasures(html, text, measures);
        }

        html.Append("</body></html>");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    /// <summary>A quiet period still tells what is about to change: the "nothing new" line, then the measures section.</summary>
    private RenderedEmail NothingNewButMeasures(string companyName, string period, string line, IReadOnlyList<MeasureEvent> measures)
    {
        var html = new StringBuilder($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Arial,sans-serif\"><p>{H(line)}</p>");
        var text = new StringBuilder(line).Append('\n');
        UpcomingMeasures(html, text, measures);
        html.Append("</body></html>");
        return new RenderedEmail(OneLine($"Export-control digest: nothing new, {measures.Count} measure change(s) ahead ({period})", 200), html.ToString(), text.ToString());
    }

    /// <summary>
    /// The measures that concern the company and take effect, or apply again after a suspension, in the coming days:
    /// the same state as <c>alerts measures</c> and the reminders, so what the digest announces the reminders repeat.
    /// </summary>
    private void UpcomingMeasures(StringBuilder html, StringBuilder text, IReadOnlyList<MeasureEvent> measures)
    {
        html.Append("<h3>Measures changing in the next ").Append(_digest.UpcomingDays).Append(" days</h3>");
        text.Append("\nMeasures changing in the next ").Append(_digest.UpcomingDays).Append(" days:\n");
        if (measures.Count == 0)
        {
            html.Append("<p>None.</p>");
            text.Append("None.\n");
            return;
        }

        html.Append("<ul>");
        foreach (var e in measures)
        {
            var what = e.Kind == ReminderKind.TakesEffect
                ? "takes effect"
                : $"suspension ends {Iso(e.Date.AddDays(-1))}, applies again";
            html.Append("<li><b>").Append(H(Iso(e.Date))).Append("</b> ").Append(H(ReminderText.Reference(e.After))).Append(": ").Append(H(what)).Append("</li>");
            text.Append("- ").Append(Iso(e.Date)).Append(' ').Append(ReminderText.Reference(e.After)).Append(": ").Append(what).Append('\n');
        }

        html.Append("</ul>");
    }

    private static void Chart(StringBuilder html, StringBuilder text, string title, List<(string Label, int Count, string Colour)> rows)
    {
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        html.Append("<h3>").Append(H(title)).Append("</h3><table role=\"presentation\" width=\"480\" cellpadding=\"2\" cellspacing=\"0\" style=\"border-collapse:collapse\">");
        text.Append(title).Append(":\n");
        foreach (var (label, count, colour) in rows)
        {
            var percent = count == 0 ? 0 : Math.Max(2, count * 100 / max);
            html.Append("<tr><td width=\"140\">").Append(H(label)).Append("</td><td>")
                .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>");
            if (percent > 0)
            {
                html.Append("<td width=\"").Append(percent).Append("%\" bgcolor=\"").Append(colour).Append("\" style=\"background:").Append(colour).Append(";height:14px;font-size:1px\">&nbsp;</td>");
            }

            if (percent < 100)
            {
                html.Append("<td style=\"font-size:1px\">&nbsp;</td>");
            }

            html.Append("</tr></table></td><td width=\"40\" align=\"right\">").Append(count).Append("</td></tr>");
            text.Append("  ").Append(label).Append(": ").Append(count).Append('\n');
        }

        html.Append("</table>");
        text.Append('\n');
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
