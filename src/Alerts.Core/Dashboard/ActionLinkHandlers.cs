using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Dashboard;

/// <summary>
/// <c>GET /act/{token}</c> and <c>POST /act/{token}</c>: the signed links of the alert e-mail and the Teams card.
/// GET only shows what the link will do: mail scanners (Defender Safe Links, Mimecast, Proofpoint) and link previews
/// fetch every URL in a message, so a GET that acted would assign or conclude assessments nobody chose. The page's
/// button POSTs, and only the POST calls <see cref="IAssessmentService.ApplyAsync"/>. A forged or tampered token is
/// 400, an expired one 410, a used one 409, a token whose alert is not that company's 400; none changes anything.
/// </summary>
public sealed class ActionLinkHandlers(
    ActionLinks links,
    IAlertStore alerts,
    ICompanyStore companies,
    IOptions<ApiOptions> options,
    IAssessmentService? assessments = null)
{
    private readonly DashboardRenderer _renderer = new(options.Value.DashboardBasePath);

    public async Task<ApiResult> ShowAsync(string token, CancellationToken cancellationToken)
    {
        var (refused, target) = await CheckAsync(token, cancellationToken).ConfigureAwait(false);
        return refused ?? ApiResult.Html(_renderer.ActionConfirm(target!.Link, target.Alert, target.Company, token));
    }

    public async Task<ApiResult> ActAsync(string token, CancellationToken cancellationToken)
    {
        var (refused, target) = await CheckAsync(token, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var result = await assessments!.ApplyAsync(ActionLinks.ToCommand(target!.Link, target.LinkId), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            AssessmentOutcome.Applied => ApiResult.Html(DashboardRenderer.ActionDone(target.Link, target.Alert, target.Company, result.Assessment)),
            AssessmentOutcome.Replayed => Used(),
            AssessmentOutcome.NotFound => Refuse(404, "No assessment to change", "This notice has no assessment for your company."),
            _ => Refuse(400, "This cannot be done", result.Message ?? "The assessment does not allow this change."),
        };
    }

    private sealed record Target(ActionLink Link, string LinkId, Alert Alert, Company Company);

    private async Task<(ApiResult? Refused, Target? Target)> CheckAsync(string token, CancellationToken cancellationToken)
    {
        var verified = links.Verify(token);
        if (verified.Check == LinkCheck.Forged)
        {
            return (Refuse(400, "This link is not valid", "The link is incomplete or was not issued by Alerts. Open the alert e-mail again and use its link as it is."), null);
        }

        if (verified.Check == LinkCheck.Expired)
        {
            return (Refuse(410, "This link has expired", "Action links work for a limited time after their alert. Change the assessment from the dashboard or the API instead."), null);
        }

        if (assessments is null)
        {
            return (Refuse(503, "Assessments are not available", "This installation does not record assessments."), null);
        }

        var link = verified.Link!;
        var alert = await alerts.GetAsync(link.AlertId, cancellationToken).ConfigureAwait(false);
        var company = alert is not null && alert.CompanyId == link.CompanyId && alert.NoticeKey == link.NoticeKey
            ? await companies.GetAsync(link.CompanyId, cancellationToken).ConfigureAwait(false)
            : null;
        if (alert is null || company is null || !StillAllowed(link, company))
        {
            // One answer for every mismatch: a link never tells whether another company or alert exists.
            return (Refuse(400, "This link does not match", "The link's alert, company or recipient is not (or no longer) one Alerts knows together."), null);
        }

        var assessment = await assessments.GetAsync(link.CompanyId, link.NoticeKey, cancellationToken).ConfigureAwait(false);
        if (assessment?.Events.Any(e => e.LinkId == verified.LinkId) == true)
        {
            return (Used(), null);
        }

        return (null, new Target(link, verified.LinkId!, alert, company));
    }

    /// <summary>An e-mail link acts only while its recipient is still one of the company's recipients.</summary>
    private static bool StillAllowed(ActionLink link, Company company) =>
        link.Channel != AssessmentChannel.EmailLink
        || company.Recipients.Any(r => string.Equals(r.Email.Trim(), link.Recipient, StringComparison.OrdinalIgnoreCase));

    private static ApiResult Used() => Refuse(409, "This link was already used", "Each action link acts once. The assessment keeps what was done with it.");

    private static ApiResult Refuse(int status, string title, string text) => ApiResult.Html(DashboardRenderer.ActionRefused(title, text), status);
}
