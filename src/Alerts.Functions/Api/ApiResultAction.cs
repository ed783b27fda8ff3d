using Alerts.Core.Api;
using Alerts.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Api;

/// <summary>Copies a Core <see cref="ApiResult"/> onto the response, exactly as <c>alerts run</c> does (<see cref="ApiHttp"/>).</summary>
public sealed class ApiResultAction(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiHttp.WriteAsync(context.HttpContext, Result);
    }
}
