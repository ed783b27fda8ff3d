using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary><c>/api/alerts…</c> and <c>/api/changes…</c> over the Core <see cref="AlertHandlers"/>.</summary>
public sealed class AlertFunctions(AlertHandlers handlers)
{
    [Function("ApiAlerts")]
    public async Task<IActionResult> Alerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Alerts)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListAlertsAsync(Auth(request), Filter(request), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompanyAlerts")]
    public async Task<IActionResult> CompanyAlerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CompanyAlerts)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListAlertsAsync(Auth(request), Filter(request) with { Company = id }, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiAlert")]
    public async Task<IActionResult> Alert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Alert)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.GetAlertAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiChanges")]
    public async Task<IActionResult> Changes(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Changes)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListChangesAsync(Auth(request), Query(request, "since"), Query(request, "limit"), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiChange")]
    public async Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Change)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.GetChangeAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }
}
