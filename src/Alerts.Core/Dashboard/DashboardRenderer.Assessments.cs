using System.Globalization;
using System.Text;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Dashboard;

/// <summary>The filters of the company view's open assessments (<c>?state=&amp;owner=</c>); null shows all.</summary>
public sealed record AssessmentFilter(AssessmentState? State = null, string? Owner = null)
{
    /// <summary>Open: not yet concluded as done or not applicable.</summary>
    public static bool IsOpen(Assessment assessment) =>
        assessment is not null && assessment.State is not (AssessmentState.Done or AssessmentState.NotApplicable);

    public bool Matches(Assessment assessment) =>
        assessment is not null
        && (State is null || assessment.State == State)
        && (Owner is null || string.Equals(assessment.Owner, Owner, StringComparison.OrdinalIgnoreCase));

    /// <summary>Open assessments that pass the filter, by due date (none last), then notice key for a stable order.</summary>
    public IReadOnlyList<Assessment> Apply(IEnumerable<Assessment> assessments) =>
        [.. assessments.Where(IsOpen).Where(Matches)
            .OrderBy(a => a.Due is null)
            .ThenBy(a => a.Due)
            .ThenBy(a => a.NoticeKey, StringComparer.Ordinal)];
}

/// <summary>The pages of issue 19: the action-link confirmation and result, and the company view's open assessments.</summary>
public sealed partial class DashboardRenderer
{
    /// <summary>What a link will do, in words: "Assign MOFCOM 2026 No.11 to you".</summary>
    public static string Describe(ActionLink link, string notice)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Action switch
        {
            LinkAction.AssignToMe => $"Assign {notice} to you",
            LinkAction.NotApplicable => $"Mark {notice} as not applicable",
            _ => $"Mark {notice} as action needed",
        };
    }

    /// <summary>The confirmation page of <c>GET /act/{token}</c>: it says what will happen; only its button acts.</summary>
    public string ActionConfirm(ActionLink link, Alert alert, Company company, string token)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(company);
        var what = Describe(link, NoticeNames.Short(alert));
        var html = new StringBuilder();
        Head(html, "Alerts — " + what, refreshSeconds: null);
        html.Append("<header><h1 data-testid=\"action\">").Append(H(what)).Append("?</h1></header><main><section class=\"card\">");
        ActionFacts(html, link, alert, company);
        html.Append("<form method=\"post\" action=\"").Append(H(Link("/act/"))).Append(H(Uri.EscapeDataString(token))).Append("\">")
            .Append("<button type=\"submit\" data-testid=\"confirm\">").Append(H(ActionLinks.Label(link.Action))).Append("</button></form>")
            .Append("<p class=\"muted small\">Nothing changes until you press the button. The link works once and expires ")
            .Append(H(link.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))).Append(".</p></section></main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>The page after the button: what the assessment is now.</summary>
    public static string ActionDone(ActionLink link, Alert alert, Company company, Assessment? assessment)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(company);
        var html = new StringBuilder();
        Head(html, "Alerts — done", refreshSeconds: null);
        html.Append("<header><h1 data-testid=\"done\">Done: ").Append(H(Describe(link, NoticeNames.Short(alert)).Replace(" to you", " to " + link.Actor, StringComparison.Ordinal))).Append("</h1></header><main><section class=\"card\">");
        ActionFacts(html, link, alert, company);
        if (assessment is not null)
        {
            html.Append("<dl class=\"facts\">");
            Fact(html, "State", assessment.State.WireName(), "state");
            Fact(html, "Owner", assessment.Owner ?? "nobody yet", "owner");
            Fact(html, "Due", assessment.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—", "due");
            html.Append("</dl>");
        }

        html.Append("</section></main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>A refused link: why, and that nothing changed.</summary>
    public static string ActionRefused(string title, string text)
    {
        var html = new StringBuilder();
        Head(html, "Alerts — " + title, refreshSeconds: null);
        html.Append("<header><h1 data-testid=\"refused\">").Append(H(title)).Append("</h1></header><main><section class=\"card\"><p>").Append(H(text))
            .Append("</p><p class=\"muted\">Nothing was changed.</p></section></main>");
        Foot(html);
        return html.ToString();
    }

    private static void ActionFacts(StringBuilder html, ActionLink link, Alert alert, Company company)
    {
        html.Append("<dl class=\"facts\">");
        Fact(html, "Company", company.Name, "company");
        Fact(html, "Notice", alert.TitleGloss ?? alert.Title, "notice");
        if (alert.Number is { Length: > 0 } number)
        {
            Fact(html, "Number", number, null);
        }

        Fact(html, "As", link.Actor, "actor");
        html.Append("</dl>");
    }

    /// <summary>
    /// The company view's open assessments, by due date (soonest first, none last), with a state and an owner filter
    /// (a GET form, so a filtered view is a link one can share).
    /// </summary>
    private void OpenAssessmentsSection(StringBuilder html, Company company, IReadOnlyList<Assessment> all, AssessmentFilter filter)
    {
        var shown = filter.Apply(all);
        html.Append("<section class=\"card\" data-testid=\"assessments\" aria-labelledby=\"assessments-h\"><h2 id=\"assessments-h\">Open assessments</h2>");
        html.Append("<form method=\"get\" action=\"").Append(H(Link("/companies/"))).Append(H(Uri.EscapeDataString(company.Id))).Append("/alerts\">")
            .Append("<label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">any open</option>");
        foreach (var state in Enum.GetValues<AssessmentState>().Where(s => s is not (AssessmentState.Done or AssessmentState.NotApplicable)))
        {
            html.Append("<option value=\"").Append(H(state.WireName())).Append('"').Append(filter.State == state ? " selected" : "").Append('>')
                .Append(H(state.WireName())).Append("</option>");
        }

        html.Append("</select><label for=\"owner\">Owner</label><select id=\"owner\" name=\"owner\"><option value=\"\">anyone</option>");
        foreach (var owner in all.Where(AssessmentFilter.IsOpen).Select(a => a.Owner).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
        {
            html.Append("<option value=\"").Append(H(owner)).Append('"').Append(string.Equals(filter.Owner, owner, StringComparison.OrdinalIgnoreCase) ? " selected" : "").Append('>')
                .Append(H(owner)).Append("</option>");
        }

        html.Append("</select><button type=\"submit\">Filter</button></form>");
        if (shown.Count == 0)
        {
            html.Append("<p data-testid=\"no-assessments\">No open assessments").Append(filter == new AssessmentFilter() ? "" : " match the filter").Append(".</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Due</th><th scope=\"col\">Notice</th><th scope=\"col\">State</th><th scope=\"col\">Owner</th><th scope=\"col\">Alerts</th></tr></thead><tbody>");
        foreach (var assessment in shown)
        {
            html.Append("<tr data-testid=\"assessment\" data-notice=\"").Append(H(assessment.NoticeKey)).Append("\"><td class=\"nowrap\" data-testid=\"due\">")
                .Append(H(assessment.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—")).Append("</td><td>").Append(H(assessment.NoticeKey))
                .Append("</td><td data-testid=\"state\">").Append(H(assessment.State.WireName())).Append("</td><td>").Append(H(assessment.Owner ?? "—"))
                .Append("</td><td>").Append(assessment.AlertIds.Count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }
}
