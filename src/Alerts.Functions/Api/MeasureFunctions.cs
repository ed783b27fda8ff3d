using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary><c>/api/measures</c> over the Core <see cref="MeasureHandlers"/>.</summary>
public sealed class MeasureFunctions(MeasureHandlers handlers)
{
    [Function("ApiMeasures")]
    public async Task<IActionResult> Measures(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Measures)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListAsync(Auth(request), Query(request, "company"), Query(request, "at"), cancellationToken).ConfigureAwait(false));
    }
}
