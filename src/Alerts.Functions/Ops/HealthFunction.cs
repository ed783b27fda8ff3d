using Alerts.Core.Api;
using Alerts.Core;
using Alerts.Core.Ops;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Alerts.Core.Common;

namespace Alerts.Functions.Ops;

/// <summary><c>GET /api/health</c>, anonymous: the same answer as <c>alerts run</c> gives.</summary>
public sealed class HealthFunction(HealthService health)
{
    [Function("Health")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await health.CheckAsync(cancellationToken).ConfigureAwait(false);
        return new JsonResult(report, AlertsJson.Web);
    }
}
