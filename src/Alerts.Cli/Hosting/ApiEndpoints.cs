using Alerts.Core.Api;
using Alerts.Core.Dashboard;
using Alerts.Infrastructure.Http;
using static Alerts.Infrastructure.Http.ApiHttp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Maps the Core handlers onto minimal APIs for <c>alerts run</c>: parse the request, call one handler, copy its
/// <see cref="ApiResult"/> onto the response. The Functions app maps the same handlers (src/Alerts.Functions/Api).
/// </summary>
internal static class ApiEndpoints
{
    /// <summary><c>/api/companies…</c>, <c>/api/alerts…</c>, <c>/api/changes…</c>, <c>/api/sources</c>, <c>/api/status</c>, <c>/api/taxonomy</c>, <c>/api/deadletters…</c>.</summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");

        api.MapGet(ApiRoutes.Companies, (HttpContext c, CompanyHandlers h) => Run(c, h.ListAsync(Auth(c.Request), c.RequestAborted)));
        api.MapPost(ApiRoutes.Companies, async (HttpContext c, CompanyHandlers h) => await Run(c, h.CreateAsync(Auth(c.Request), await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet(ApiRoutes.Company, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapPut(ApiRoutes.Company, async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceAsync(Auth(c.Request), id, await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapDelete(ApiRoutes.Company, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.DeleteAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapGet(ApiRoutes.CompanyWatch, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetWatchAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapPut(ApiRoutes.CompanyWatch, async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceWatchAsync(Auth(c.Request), id, await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet(ApiRoutes.CompanyRecipients, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetRecipientsAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapPut(ApiRoutes.CompanyRecipients, async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceRecipientsAsync(Auth(c.Request), id, await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet(ApiRoutes.CompanyTeams, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetTeamsAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapPut(ApiRoutes.CompanyTeams, async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceTeamsAsync(Auth(c.Request), id, await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapPost(ApiRoutes.CompanyKeys, (HttpContext c, string id, CompanyHandlers h) => Run(c, h.IssueKeyAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapGet(ApiRoutes.CompanyAlerts, (HttpContext c, string id, AlertHandlers h) => Run(c, h.ListAlertsAsync(Auth(c.Request), Filter(c.Request) with { Company = id }, c.RequestAborted)));
        api.MapGet(ApiRoutes.CompanyAssessments, (HttpContext c, string id, AssessmentHandlers h) => Run(c, h.ListAsync(Auth(c.Request), id, Query(c.Request, "state"), c.RequestAborted)));
        api.MapGet(ApiRoutes.CompanyAssessment, (HttpContext c, string id, string noticeKey, AssessmentHandlers h) => Run(c, h.GetAsync(Auth(c.Request), id, noticeKey, c.RequestAborted)));
        api.MapPost(ApiRoutes.CompanyAssessment, async (HttpContext c, string id, string noticeKey, AssessmentHandlers h) => await Run(c, h.ApplyAsync(Auth(c.Request), id, noticeKey, await BodyAsync(c.Request).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet(ApiRoutes.CompanyAudit, (HttpContext c, string id, AuditHandlers h) => Run(c, h.PackAsync(Auth(c.Request), id, Query(c.Request, "from"), Query(c.Request, "to"), c.RequestAborted)));

        api.MapGet(ApiRoutes.Alerts, (HttpContext c, AlertHandlers h) => Run(c, h.ListAlertsAsync(Auth(c.Request), Filter(c.Request), c.RequestAborted)));
        api.MapGet(ApiRoutes.Alert, (HttpContext c, string id, AlertHandlers h) => Run(c, h.GetAlertAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapGet(ApiRoutes.Changes, (HttpContext c, AlertHandlers h) => Run(c, h.ListChangesAsync(Auth(c.Request), Query(c.Request, "since"), Query(c.Request, "limit"), c.RequestAborted)));
        api.MapGet(ApiRoutes.Change, (HttpContext c, string id, AlertHandlers h) => Run(c, h.GetChangeAsync(Auth(c.Request), id, c.RequestAborted)));

        api.MapGet(ApiRoutes.Measures, (HttpContext c, MeasureHandlers h) => Run(c, h.ListAsync(Auth(c.Request), Query(c.Request, "company"), Query(c.Request, "at"), c.RequestAborted)));

        api.MapGet(ApiRoutes.Sources, (HttpContext c, OpsHandlers h) => Run(c, h.SourcesAsync(Auth(c.Request), c.RequestAborted)));
        api.MapGet(ApiRoutes.Status, (HttpContext c, OpsHandlers h) => Run(c, h.StatusAsync(Auth(c.Request), c.RequestAborted)));
        api.MapGet(ApiRoutes.Taxonomy, (HttpContext c, OpsHandlers h) => Run(c, h.TaxonomyAsync(Auth(c.Request), c.RequestAborted)));
        api.MapGet(ApiRoutes.DeadLetters, (HttpContext c, OpsHandlers h) => Run(c, h.ListDeadLettersAsync(Auth(c.Request), Query(c.Request, "subscription"), c.RequestAborted)));
        api.MapGet(ApiRoutes.DeadLetter, (HttpContext c, string id, OpsHandlers h) => Run(c, h.GetDeadLetterAsync(Auth(c.Request), id, c.RequestAborted)));
        api.MapPost(ApiRoutes.SourceConfirmShrink, (HttpContext c, string id, OpsHandlers h) => Run(c, h.ConfirmShrinkAsync(Auth(c.Request), id, Query(c.Request, "listing"), c.RequestAborted)));
        api.MapPost(ApiRoutes.DeadLetterReplayAll, (HttpContext c, OpsHandlers h) => Run(c, h.ReplayAllAsync(Auth(c.Request), Query(c.Request, "subscription"), c.RequestAborted)));
        api.MapPost(ApiRoutes.DeadLetterReplay, (HttpContext c, string id, OpsHandlers h) => Run(c, h.ReplayAsync(Auth(c.Request), id, c.RequestAborted)));
        return app;
    }

    /// <summary><c>/dashboard</c>, its replay form, <c>/changes/{id}</c> (diff page) and <c>/companies/{id}/alerts</c> (company view; <c>?view=digest</c>: the printable digest).</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", () => Results.Redirect("/dashboard"));
        app.MapGet(ApiRoutes.DashboardPage, (HttpContext c, DashboardHandlers h) => Run(c, h.DashboardAsync(Query(c.Request, "flash"), c.RequestAborted)));
        app.MapPost(ApiRoutes.DashboardReplay, async (HttpContext c, string id, DashboardHandlers h) =>
            await Run(c, WithFormKeyAsync(c.Request, key => h.ReplayFromFormAsync(id, key, c.RequestAborted))).ConfigureAwait(false));
        app.MapGet(ApiRoutes.ChangePage, (HttpContext c, string id, DashboardHandlers h) => Run(c, h.ChangeAsync(id, c.RequestAborted)));
        app.MapGet(ApiRoutes.CompanyAlertsPage, (HttpContext c, string id, DashboardHandlers h) => Run(c, h.CompanyAlertsAsync(id, PageKey(c.Request, DashboardHandlers.KeyCookie), c.RequestAborted, Query(c.Request, "state"), Query(c.Request, "owner"),
            Query(c.Request, "view"), Query(c.Request, "from"), Query(c.Request, "to"))));
        app.MapPost(ApiRoutes.CompanyAlertsPage, async (HttpContext c, string id, DashboardHandlers h) =>
            await Run(c, WithFormKeyAsync(c.Request, key => h.CompanyKeyFormAsync(id, key, c.RequestAborted))).ConfigureAwait(false));

        // Signed action links: GET shows, only POST acts (ActionLinkHandlers says why).
        app.MapGet(ApiRoutes.ActionLinkPage, (HttpContext c, string token, ActionLinkHandlers h) => Run(c, h.ShowAsync(token, c.RequestAborted)));
        app.MapPost(ApiRoutes.ActionLinkPage, (HttpContext c, string token, ActionLinkHandlers h) => Run(c, h.ActAsync(token, c.RequestAborted)));
        return app;
    }

    /// <summary>
    /// First start without <c>Api:AdminKey</c>: generates the admin key, keeps its hash, and prints the key once to
    /// <paramref name="output"/>. <c>alerts run</c> calls it once the host listens, so a key is never shown for a host that failed to start.
    /// </summary>
    public static async Task<string?> EnsureAdminKeyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var key = await services.GetRequiredService<ApiKeyService>().EnsureAdminKeyAsync(cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            await output.WriteLineAsync($"Admin API key (shown once; only its hash is stored): {key}").ConfigureAwait(false);
            await output.WriteLineAsync("Set Api__AdminKey to use your own key instead.").ConfigureAwait(false);
        }

        return key;
    }

    private static async Task Run(HttpContext context, Task<ApiResult> handler) =>
        await ApiHttp.WriteAsync(context, await handler.ConfigureAwait(false)).ConfigureAwait(false);
}
