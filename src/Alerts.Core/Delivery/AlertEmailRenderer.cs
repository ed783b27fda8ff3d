using System.Globalization;
using System.Text;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Delivery;

/// <summary>A rendered e-mail body pair.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// Renders one alert as HTML and plain text. Titles, snippets and URLs come from foreign websites: every one is
/// HTML-escaped, and only http(s) links become anchors.
/// </summary>
public sealed class AlertEmailRenderer(IOptions<DeliveryOptions> options, ActionLinks? links = null)
{
    private readonly DeliveryOptions _options = options.Value;

    private static readonly LinkAction[] Actions = [LinkAction.AssignToMe, LinkAction.NotApplicable, LinkAction.ActionNeeded];

    /// <summary>The alert without action links (they are signed for one recipient: see the overload).</summary>
    public RenderedEmail Render(Alert alert, string companyName) => Render(alert, companyName, recipient: null);

    /// <summary>
    /// The alert as <paramref name="recipient"/> receives it: with "Assign to me", "Not applicable" and "Action needed"
    /// links signed for that address (so one recipient's mail cannot act as another). Null renders no action links.
    /// </summary>
    public RenderedEmail Render(Alert alert, string companyName, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var headline = alert.TitleGloss is { Length: > 0 } gloss ? gloss : alert.Title;
        var subject = OneLine(ChangeTelling.Headline(alert, headline), 200);
        var diffUrl = _options.DiffUrl(alert.ChangeId);
        var copyUrl = _options.CopyUrl(alert.ChangeId);
        var told = Told(alert);
        var withdrawn = alert.Kind == ChangeKind.Withdrawn;

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(H(subject)).Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">");
        html.Append("<p style=\"margin:0 0 4px 0\"><span style=\"background:").Append(SeverityColour(alert.Severity))
            .Append(";color:#fff;padding:2px 6px;font-weight:bold\">").Append(H(alert.Severity.ToWire().ToUpperInvariant()))
            .Append("</span> <b data-kind=\"").Append(H(ChangeTelling.Label(alert.Kind))).Append("\">").Append(H(ChangeTelling.Label(alert.Kind)))
            .Append("</b> for ").Append(H(companyName)).Append("</p>");
        html.Append("<h2 style=\"margin:8px 0 2px 0\">").Append(H(alert.TitleGloss ?? alert.Title)).Append("</h2>");
        if (alert.TitleGloss is not null)
        {
            html.Append("<p style=\"margin:0 0 8px 0;color:#555\" lang=\"und\">").Append(H(alert.Title)).Append("</p>");
        }

        if (told is not null)
        {
            html.Append("<p style=\"margin:8px 0;font-weight:bold\">").Append(H(told)).Append("</p>");
        }

        html.Append("<table cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:collapse\">");
        foreach (var (label, value) in Facts(alert))
        {
            html.Append("<tr><th align=\"left\" style=\"color:#555\">").Append(H(label)).Append("</th><td>").Append(H(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (alert.Explanation.Length > 0)
        {
            html.Append("<p style=\"margin:12px 0 4px 0\"><b>Why this concerns you:</b> ").Append(H(alert.Explanation)).Append("</p>");
            if (alert.Snippet.Length > 0)
            {
                html.Append("<blockquote style=\"margin:4px 0 8px 12px;color:#555\" lang=\"und\">…").Append(H(alert.Snippet)).Append("…</blockquote>");
            }
        }

        if (alert.Reasons.Count > 0)
        {
            html.Append("<h3 style=\"margin:12px 0 4px 0\">Why it matched</h3><ul>");
            foreach (var reason in alert.Reasons)
            {
                html.Append("<li><b>").Append(H(ReasonLabel(reason.Kind))).Append(":</b> ").Append(H(reason.Value));
                if (reason.Snippet.Length > 0)
                {
                    html.Append("<br><span style=\"color:#555\">…").Append(H(reason.Snippet)).Append("…</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p>");
        if (!withdrawn && SafeUrl(alert.Url) is { } source)
        {
            html.Append("<a href=\"").Append(H(source)).Append("\">Read the original notice</a> · ");
        }

        html.Append("<a href=\"").Append(H(diffUrl)).Append("\">See what changed</a>");
        if (alert.Kind is ChangeKind.Amended or ChangeKind.Withdrawn)
        {
            html.Append(" · <a href=\"").Append(H(copyUrl)).Append("\">Stored copy</a>");
        }

        html.Append("</p>");
        var actions = ActionUrls(alert, recipient);
        if (actions.Count > 0)
        {
            html.Append("<p data-actions=\"assessment\"><b>Your assessment:</b> ");
            html.AppendJoin(" · ", actions.Select(a => $"<a href=\"{H(a.Url)}\">{H(ActionLinks.Label(a.Action))}</a>"));
            html.Append("<br><span style=\"color:#888;font-size:12px\">Each link opens a page that asks you to confirm; it works once.</span></p>");
        }

        html.Append("<p style=\"color:#888;font-size:12px\">Alert ").Append(H(alert.AlertId)).Append(" · source ").Append(H(alert.SourceId)).Append("</p>");
        html.Append("</body></html>");

        var text = new StringBuilder();
        text.Append(ChangeTelling.Label(alert.Kind)).Append(' ').Append(alert.Severity.ToWire().ToUpperInvariant()).Append(" for ").Append(companyName).Append('\n');
        text.Append(alert.TitleGloss ?? alert.Title).Append('\n');
        if (alert.TitleGloss is not null)
        {
            text.Append(alert.Title).Append('\n');
        }

        if (told is not null)
        {
            text.Append(told).Append('\n');
        }

        text.Append('\n');
        foreach (var (label, value) in Facts(alert))
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (alert.Explanation.Length > 0)
        {
            text.Append("\nWhy this concerns you: ").Append(alert.Explanation).Append('\n');
            if (alert.Snippet.Length > 0)
            {
                text.Append("  \"…").Append(OneLine(alert.Snippet, 240)).Append("…\"\n");
            }
        }

        if (alert.Reasons.Count > 0)
        {
            text.Append("\nWhy it matched:\n");
            foreach (var reason in alert.Reasons)
            {
                text.Append("- ").Append(ReasonLabel(reason.Kind)).Append(": ").Append(reason.Value);
                if (reason.Snippet.Length > 0)
                {
                    text.Append(" (…").Append(OneLine(reason.Snippet, 200)).Append("…)");
                }

                text.Append('\n');
            }
        }

        text.Append('\n');
        if (!withdrawn && SafeUrl(alert.Url) is { } sourceUrl)
        {
            text.Append("Original: ").Append(sourceUrl).Append('\n');
        }

        text.Append("What changed: ").Append(diffUrl).Append('\n');
        if (alert.Kind is ChangeKind.Amended or ChangeKind.Withdrawn)
        {
            text.Append("Stored copy: ").Append(copyUrl).Append('\n');
        }

        if (actions.Count > 0)
        {
            text.Append("\nYour assessment (each link asks you to confirm, and works once):\n");
            foreach (var (action, url) in actions)
            {
                text.Append(ActionLinks.Label(action)).Append(": ").Append(url).Append('\n');
            }
        }

        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }

    private List<(LinkAction Action, string Url)> ActionUrls(Alert alert, string? recipient) =>
        recipient is { Length: > 0 } && links is { CanIssue: true }
            ? [.. Actions.Select(a => (a, _options.ActionUrl(links.IssueFor(alert, recipient.Trim(), a, AssessmentChannel.EmailLink))))]
            : [];

    /// <summary>"Amended: …" / "Withdrawn: …" for the body; null for a new notice.</summary>
    internal static string? Told(Alert alert) => alert.Kind switch
    {
        ChangeKind.Amended => "Amended" + ChangeTelling.Suffix(alert),
        ChangeKind.Withdrawn => "Withdrawn" + ChangeTelling.Suffix(alert),
        _ => null,
    };

    internal static IEnumerable<(string Label, string Value)> Facts(Alert alert)
    {
        if (alert.Number is { Length: > 0 } number)
        {
            yield return ("Number", number);
        }

        yield return ("Published", Date(alert.Published));
        yield return ("Effective", Date(alert.Effective));
        yield return ("Measure", alert.Measure);
        if (alert.Destinations.Count > 0)
        {
            yield return ("Destinations", string.Join(", ", alert.Destinations));
        }

        if (alert.Categories.Count > 0)
        {
            yield return ("Goods", string.Join(", ", alert.Categories));
        }

        if (alert.Warnings.Count > 0)
        {
            yield return ("Reading warnings", string.Join("; ", alert.Warnings));
        }
    }

    internal static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not stated";

    internal static string OneLine(string value, int max)
    {
        var flat = string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }

    internal static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => "#a4262c",
        Severity.High => "#d83b01",
        Severity.Medium => "#c19c00",
        _ => "#5c7e3e",
    };

    internal static string ReasonLabel(ReasonKind kind) => kind switch
    {
        ReasonKind.Category => "Goods category",
        ReasonKind.Term => "Your term",
        ReasonKind.Hs => "HS code",
        ReasonKind.ControlCode => "Control code",
        ReasonKind.Counterparty => "Counterparty",
        ReasonKind.BroadMeasure => "Broad measure",
        ReasonKind.Destination => "Destination",
        _ => "Match",
    };
}
