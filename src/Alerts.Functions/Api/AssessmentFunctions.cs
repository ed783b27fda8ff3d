using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary><c>/api/companies/{id}/assessments…</c> over the Core <see cref="AssessmentHandlers"/>.</summary>
public sealed class AssessmentFunctions(AssessmentHandlers handlers)
{
    [Function("ApiCompanyAssessments")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CompanyAssessments)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListAsync(Auth(request), id, Query(request, "state"), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompanyAssessment")]
    public async Task<IActionResult> One(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ApiRoutes.CompanyAssessment)] HttpRequest request,
        string id,
        string noticeKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPost(request.Method)
            ? await handlers.ApplyAsync(Auth(request), id, noticeKey, await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await handlers.GetAsync(Auth(request), id, noticeKey, cancellationToken).ConfigureAwait(false));
    }
}
