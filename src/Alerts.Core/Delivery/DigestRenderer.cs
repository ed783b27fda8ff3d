using System.Globalization;
using System.Text;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery.Reminders;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using static Alerts.Core.Delivery.AlertEmailRenderer;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Delivery;

/// <summary>
/// The executive digest: counts by severity and by category as bar charts made of tables (Outlook and Gmail render
/// them; no images, no scripts), the top items, the open assessments and the period's decisions, and what takes effect
/// or ends next. One set of sections, written to the e-mail's HTML and text parts and to the printable page. Every
/// foreign string is HTML-escaped.
/// </summary>
public sealed class DigestRenderer(IOptions<DeliveryOptions> deliveryOptions, IOptions<DigestOptions> digestOptions)
{
    private readonly DeliveryOptions _delivery = deliveryOptions.Value;
    private readonly DigestOptions _digest = digestOptions.Value;

    /// <summary>An e-mail lists at most this many open items; the company view has them all.</summary>
    public const int MaxOpenListed = 50;

    /// <summary>The digest of bare alerts and measures (no assessments): the same rendering over a model made of them.</summary>
    public RenderedEmail Render(string companyName, DateOnly from, DateOnly to, IReadOnlyList<Alert> alerts, IReadOnlyList<Alert> upcoming, IReadOnlyList<MeasureEvent>? measures = null)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return Render(new DigestModel
        {
            CompanyId = "",
            CompanyName = companyName,
            Since = start,
            Until = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            From = from,
            To = to,
            Alerts = alerts ?? throw new ArgumentNullException(nameof(alerts)),
            Recent = upcoming ?? throw new ArgumentNullException(nameof(upcoming)),
            Measures = measures,
        });
    }

    /// <summary>The digest e-mail: an HTML and a text part with the same sections.</summary>
    public RenderedEmail Render(DigestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        var text = new StringBuilder();
        var subject = Content(model, html, text);
        var style = model.Alerts.Count == 0 ? "font-family:Segoe UI,Arial,sans-serif" : "font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222";
        var title = model.Alerts.Count == 0 ? "" : "<title>" + H(subject) + "</title>";
        return new RenderedEmail(subject,
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{title}</head><body style=\"{style}\">{html}</body></html>",
            text.ToString());
    }

    /// <summary>
    /// The printable page of the same digest (<c>/companies/{id}/alerts?view=digest</c>): one HTML page, no scripts, with
    /// print CSS — no navigation, black on white, each section on a new sheet.
    /// </summary>
    /// <param name="backLink">Where the page's (screen-only) navigation leads back to: the company view.</param>
    public string Page(DigestModel model, string backLink)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        var text = new StringBuilder();
        var subject = Content(model, html, text);
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(H(subject)).Append("</title><style>").Append(PageCss).Append("</style></head>")
            .Append("<body class=\"digest-page\"><nav data-testid=\"digest-nav\"><a href=\"").Append(H(backLink)).Append("\">← ").Append(H(model.CompanyName))
            .Append("</a> · <span>Print this page (Ctrl+P) for a paper or PDF copy.</span></nav><main>").Append(html).Append("</main></body></html>")
            .ToString();
    }

    /// <summary>
    /// The screen look of the page, and for print: no navigation, black text on white (the bar charts keep their bars:
    /// their counts are printed beside them anyway), a new sheet for each section after the first, rows not split.
    /// </summary>
    private const string PageCss =
        "body{margin:0 auto;max-width:960px;padding:12px 16px;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','Noto Sans CJK JP',sans-serif;color:#111827;background:#fff}" +
        "nav{padding:6px 0 10px;border-bottom:1px solid #d1d5db;margin-bottom:12px}a{color:#1d4ed8}" +
        "table{border-collapse:collapse}th,td{text-align:left;vertical-align:top}.overdue{font-weight:700;color:#b91c1c}" +
        "@media print{nav{display:none}body{max-width:none;padding:0;color:#000;background:#fff}*{color:#000 !important;background-color:transparent}" +
        "a{text-decoration:none}section+section{break-before:page;page-break-before:always}tr,li{break-inside:avoid;page-break-inside:avoid}" +
        "td[bgcolor]{-webkit-print-color-adjust:exact;print-color-adjust:exact;background-color:#000 !important}}";

    /// <summary>Writes the digest's sections to both parts and returns the subject. The e-mail and the page share it.</summary>
    private string Content(DigestModel model, StringBuilder html, StringBuilder text)
    {
        var alerts = model.Alerts;
        var period = $"{Iso(model.From)} – {Iso(model.To)}";
        if (alerts.Count == 0)
        {
            var line = $"Nothing new for {model.CompanyName} in export controls ({period}).";
            html.Append("<p>").Append(H(line)).Append("</p>");
            text.Append(line).Append('\n');

            // A quiet period still tells what stands and what is about to change, but only what there is: a company
            // with nothing open and nothing coming keeps its one-line digest.
            if (model.Open is { Count: > 0 } open)
            {
                OpenAssessments(html, text, model, open);
            }

            if (model.Decisions is { Count: > 0 } decisions)
            {
                Decisions(html, text, model, decisions);
            }

            if (model.Measures is { Count: > 0 } measures)
            {
                UpcomingMeasures(html, text, measures);
            }

            var extras = new List<string>();
            if (model.Decisions is { Count: > 0 })
            {
                extras.Add($"{model.Decisions.Count} decision(s)");
            }

            if (model.Open is { Count: > 0 })
            {
                extras.Add($"{model.Open.Count} open assessment(s)");
            }

            if (model.Measures is { Count: > 0 })
            {
                extras.Add($"{model.Measures.Count} measure change(s) ahead");
            }

            return OneLine(extras.Count == 0 ? $"Export-control digest: nothing new ({period})" : $"Export-control digest: nothing new, {string.Join(", ", extras)} ({period})", 200);
        }

        var subject = OneLine($"Export-control digest: {alerts.Count} alert(s) for {model.CompanyName} ({period})", 200);
        html.Append("<section data-testid=\"digest-alerts\"><h2>Export-control digest for ").Append(H(model.CompanyName)).Append("</h2><p>").Append(H(period)).Append(" · ")
            .Append(alerts.Count.ToString(CultureInfo.InvariantCulture)).Append(" alert(s)</p>");
        text.Append("Export-control digest for ").Append(model.CompanyName).Append('\n').Append(period).Append(" · ").Append(alerts.Count).Append(" alert(s)\n\n");

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

        html.Append("</table></section>");
        if (model.Open is { } openItems)
        {
            OpenAssessments(html, text, model, openItems);
        }

        if (model.Decisions is { } decided)
        {
            Decisions(html, text, model, decided);
        }

        // "Upcoming" counts from the period's last day, the recipient's local today.
        var to = model.To;
        var soon = model.Recent.Where(a => a.Effective is { } e && e >= to && e <= to.AddDays(_digest.UpcomingDays))
            .DistinctBy(a => a.ChangeId).OrderBy(a => a.Effective).ThenBy(a => a.AlertId, StringComparer.Ordinal).ToList();
        html.Append("<section data-testid=\"digest-effective\"><h3>Taking effect in the next ").Append(_digest.UpcomingDays).Append(" days</h3>");
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

        html.Append("</section>");
        if (model.Measures is not null)
        {
            UpcomingMeasures(html, text, model.Measures);
        }

        return subject;
    }

    /// <summary>
    /// What still needs someone: the count in each open state (zeros too, so the line always reads the same), then the
    /// open items soonest due first, overdue ones marked, with their owner or "unassigned".
    /// </summary>
    private static void OpenAssessments(StringBuilder html, StringBuilder text, DigestModel model, IReadOnlyList<Assessment> open)
    {
        html.Append("<section data-testid=\"digest-open\"><h3>Open assessments</h3>");
        text.Append("\nOpen assessments:\n");
        if (open.Count == 0)
        {
            html.Append("<p>None open.</p></section>");
            text.Append("None open.\n");
            return;
        }

        var counts = OpenStates.Select(s => $"{Label(s)} {open.Count(a => a.State == s).ToString(CultureInfo.InvariantCulture)}").ToList();
        html.Append("<p data-testid=\"digest-open-counts\">").Append(H(string.Join(" · ", counts))).Append("</p>")
            .Append("<table cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr><th align=\"left\">Due</th><th align=\"left\">Notice</th><th align=\"left\">State</th><th align=\"left\">Owner</th></tr>");
        text.Append(string.Join(" · ", counts)).Append('\n');
        foreach (var assessment in open.Take(MaxOpenListed))
        {
            var overdue = assessment.Due is { } due && due < model.To;
            var dueText = assessment.Due is { } d ? Iso(d) : "no date";
            html.Append("<tr data-testid=\"digest-open-item\" data-notice=\"").Append(H(assessment.NoticeKey)).Append("\"><td>");
            if (overdue)
            {
                html.Append("<b class=\"overdue\" style=\"color:#b91c1c\" data-testid=\"overdue\">").Append(H(dueText)).Append(" (overdue)</b>");
            }
            else
            {
                html.Append(H(dueText));
            }

            html.Append("</td><td>").Append(H(NoticeName(model, assessment.NoticeKey))).Append("</td><td>").Append(H(Label(assessment.State)))
                .Append("</td><td>").Append(H(assessment.Owner ?? "unassigned")).Append("</td></tr>");
            text.Append("- ").Append(dueText).Append(overdue ? " OVERDUE" : "").Append(' ').Append(OneLine(NoticeName(model, assessment.NoticeKey), 200))
                .Append(" [").Append(Label(assessment.State)).Append("] ").Append(OneLine(assessment.Owner ?? "unassigned", 200)).Append('\n');
        }

        html.Append("</table>");
        if (open.Count > MaxOpenListed)
        {
            var more = $"… and {open.Count - MaxOpenListed} more (see the company view).";
            html.Append("<p>").Append(H(more)).Append("</p>");
            text.Append(more).Append('\n');
        }

        html.Append("</section>");
    }

    /// <summary>The decisions of the period, oldest first: when, the notice, the decision, who, and the note if any.</summary>
    private static void Decisions(StringBuilder html, StringBuilder text, DigestModel model, IReadOnlyList<DigestDecision> decisions)
    {
        html.Append("<section data-testid=\"digest-decided\"><h3>Decided this period</h3>");
        text.Append("\nDecided this period:\n");
        if (decisions.Count == 0)
        {
            html.Append("<p>None.</p></section>");
            text.Append("None.\n");
            return;
        }

        html.Append("<ul>");
        foreach (var decision in decisions)
        {
            var at = decision.Change.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var name = NoticeName(model, decision.Assessment.NoticeKey);
            var state = Label(decision.Change.State!.Value);
            html.Append("<li data-testid=\"digest-decision\" data-notice=\"").Append(H(decision.Assessment.NoticeKey)).Append("\"><b>").Append(H(name)).Append("</b>: ")
                .Append(H(state)).Append(" — ").Append(H(decision.Change.Actor)).Append(", ").Append(H(at));
            text.Append("- ").Append(OneLine(name, 200)).Append(": ").Append(state).Append(" — ").Append(OneLine(decision.Change.Actor, 200)).Append(", ").Append(at);
            if (decision.Note is { Length: > 0 } note)
            {
                html.Append("<br><q>").Append(H(note)).Append("</q>");
                text.Append(" — “").Append(OneLine(note, 500)).Append('”');
            }

            html.Append("</li>");
            text.Append('\n');
        }

        html.Append("</ul></section>");
    }

    /// <summary>A notice by its short name ("MOFCOM 2026 No.11") when an alert of it is known, else by its key.</summary>
    private static string NoticeName(DigestModel model, string noticeKey) =>
        model.Notices.TryGetValue(noticeKey, out var alert) ? NoticeNames.Short(alert) : noticeKey;

    private static readonly AssessmentState[] OpenStates = [AssessmentState.New, AssessmentState.InReview, AssessmentState.Applicable, AssessmentState.ActionNeeded];

    /// <summary>A state as an executive reads it: "in review", not the wire name "in-review".</summary>
    private static string Label(AssessmentState state) => state switch
    {
        AssessmentState.New => "new",
        AssessmentState.InReview => "in review",
        AssessmentState.Applicable => "applicable",
        AssessmentState.NotApplicable => "not applicable",
        AssessmentState.ActionNeeded => "action needed",
        _ => "done",
    };

    /// <summary>
    /// The measures that concern the company and take effect, or apply again after a suspension, in the coming days:
    /// the same state as <c>alerts measures</c> and the reminders, so what the digest announces the reminders repeat.
    /// </summary>
    private void UpcomingMeasures(StringBuilder html, StringBuilder text, IReadOnlyList<MeasureEvent> measures)
    {
        html.Append("<section data-testid=\"digest-measures\"><h3>Measures changing in the next ").Append(_digest.UpcomingDays).Append(" days</h3>");
        text.Append("\nMeasures changing in the next ").Append(_digest.UpcomingDays).Append(" days:\n");
        if (measures.Count == 0)
        {
            html.Append("<p>None.</p></section>");
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

        html.Append("</ul></section>");
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
