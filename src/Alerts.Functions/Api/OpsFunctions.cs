using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary><c>/api/sources</c>, <c>/api/status</c>, <c>/api/taxonomy</c>, <c>/api/deadletters…</c> over the Core <see cref="OpsHandlers"/>.</summary>
public sealed class OpsFunctions(OpsHandlers handlers)
{
    [Function("ApiSources")]
    public async Task<IActionResult> Sources(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Sources)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.SourcesAsync(Auth(request), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiStatus")]
    public async Task<IActionResult> Status(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Status)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.StatusAsync(Auth(request), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiTaxonomy")]
    public async Task<IActionResult> Taxonomy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Taxonomy)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.TaxonomyAsync(Auth(request), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiDeadLetters")]
    public async Task<IActionResult> DeadLetters(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeadLetters)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ListDeadLettersAsync(Auth(request), Query(request, "subscription"), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiDeadLetter")]
    public async Task<IActionResult> DeadLetter(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeadLetter)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.GetDeadLetterAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiSourceConfirmShrink")]
    public async Task<IActionResult> ConfirmShrink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.SourceConfirmShrink)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ConfirmShrinkAsync(Auth(request), id, Query(request, "listing"), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiDeadLetterReplayAll")]
    public async Task<IActionResult> ReplayAll(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DeadLetterReplayAll)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ReplayAllAsync(Auth(request), Query(request, "subscription"), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiDeadLetterReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.DeadLetterReplay)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.ReplayAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }
}
