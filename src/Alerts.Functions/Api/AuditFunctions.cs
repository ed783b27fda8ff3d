using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary><c>/api/companies/{id}/audit</c> over the Core <see cref="AuditHandlers"/>: the company's audit pack as a zip.</summary>
public sealed class AuditFunctions(AuditHandlers handlers)
{
    [Function("ApiCompanyAudit")]
    public async Task<IActionResult> Pack(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CompanyAudit)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.PackAsync(Auth(request), id, Query(request, "from"), Query(request, "to"), cancellationToken).ConfigureAwait(false));
    }
}
