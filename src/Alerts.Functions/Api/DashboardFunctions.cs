using Alerts.Core.Api;
using Alerts.Core.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary>
/// The dashboard pages under <c>/api/ui/…</c> (the Functions host puts every route under <c>/api</c>); set
/// <c>Api:DashboardBasePath</c> to <c>/api/ui</c> so the pages link to each other there.
/// </summary>
public sealed class DashboardFunctions(DashboardHandlers handlers, ActionLinkHandlers actionLinks)
{
    [Function("UiDashboard")]
    public async Task<IActionResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FunctionsPagePrefix + ApiRoutes.DashboardPage)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.DashboardAsync(Query(request, "flash"), cancellationToken).ConfigureAwait(false));
    }

    [Function("UiReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.FunctionsPagePrefix + ApiRoutes.DashboardReplay)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await WithFormKeyAsync(request, key => handlers.ReplayFromFormAsync(id, key, cancellationToken)).ConfigureAwait(false));
    }

    [Function("UiChange")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.FunctionsPagePrefix + ApiRoutes.ChangePage)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ChangeAsync(id, cancellationToken).ConfigureAwait(false));
    }

    [Function("UiCompanyAlerts")]
    public async Task<IActionResult> CompanyAlerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ApiRoutes.FunctionsPagePrefix + ApiRoutes.CompanyAlertsPage)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPost(request.Method)
            ? await WithFormKeyAsync(request, key => handlers.CompanyKeyFormAsync(id, key, cancellationToken)).ConfigureAwait(false)
            : await handlers.CompanyAlertsAsync(id, PageKey(request, DashboardHandlers.KeyCookie), cancellationToken, Query(request, "state"), Query(request, "owner"),
                Query(request, "view"), Query(request, "from"), Query(request, "to")).ConfigureAwait(false));
    }

    /// <summary>A signed action link: GET shows what it will do, only POST acts (mail scanners fetch every link).</summary>
    [Function("UiActionLink")]
    public async Task<IActionResult> ActionLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ApiRoutes.FunctionsPagePrefix + ApiRoutes.ActionLinkPage)] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPost(request.Method)
            ? await actionLinks.ActAsync(token, cancellationToken).ConfigureAwait(false)
            : await actionLinks.ShowAsync(token, cancellationToken).ConfigureAwait(false));
    }
}
