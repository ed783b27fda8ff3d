using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static Alerts.Infrastructure.Http.ApiHttp;

namespace Alerts.Functions.Api;

/// <summary>
/// <c>/api/companies…</c> over the Core <see cref="CompanyHandlers"/>. Anonymous at the Functions level: the handlers
/// check the bearer API key themselves (docs/api.md explains putting Easy Auth or function keys in front).
/// </summary>
public sealed class CompanyFunctions(CompanyHandlers handlers)
{
    [Function("ApiCompanies")]
    public async Task<IActionResult> Companies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = ApiRoutes.Companies)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPost(request.Method)
            ? await handlers.CreateAsync(Auth(request), await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await handlers.ListAsync(Auth(request), cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompany")]
    public async Task<IActionResult> Company(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = ApiRoutes.Company)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(request.Method switch
        {
            var m when HttpMethods.IsPut(m) => await handlers.ReplaceAsync(Auth(request), id, await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
            var m when HttpMethods.IsDelete(m) => await handlers.DeleteAsync(Auth(request), id, cancellationToken).ConfigureAwait(false),
            _ => await handlers.GetAsync(Auth(request), id, cancellationToken).ConfigureAwait(false),
        });
    }

    [Function("ApiCompanyWatch")]
    public async Task<IActionResult> Watch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = ApiRoutes.CompanyWatch)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPut(request.Method)
            ? await handlers.ReplaceWatchAsync(Auth(request), id, await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await handlers.GetWatchAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompanyRecipients")]
    public async Task<IActionResult> Recipients(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = ApiRoutes.CompanyRecipients)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPut(request.Method)
            ? await handlers.ReplaceRecipientsAsync(Auth(request), id, await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await handlers.GetRecipientsAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompanyTeams")]
    public async Task<IActionResult> Teams(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = ApiRoutes.CompanyTeams)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(HttpMethods.IsPut(request.Method)
            ? await handlers.ReplaceTeamsAsync(Auth(request), id, await BodyAsync(request).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
            : await handlers.GetTeamsAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }

    [Function("ApiCompanyKeys")]
    public async Task<IActionResult> Keys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.CompanyKeys)] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResultAction(await handlers.IssueKeyAsync(Auth(request), id, cancellationToken).ConfigureAwait(false));
    }
}
