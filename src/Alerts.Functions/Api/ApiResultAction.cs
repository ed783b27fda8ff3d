using System.Text;
using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Api;

/// <summary>Copies a Core <see cref="ApiResult"/> onto the response, exactly as <c>alerts run</c> does.</summary>
public sealed class ApiResultAction(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var response = http.Response;
        response.StatusCode = Result.StatusCode;
        foreach (var (name, value) in Result.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (Result.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
        }

        if (Result.Cookie is { } cookie)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
            {
                Path = cookie.Path,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = http.Request.IsHttps,
                MaxAge = cookie.MaxAge,
            });
        }

        if (Result.HasBody)
        {
            response.ContentType = Result.ContentType;
            await response.WriteAsync(Result.BodyText, http.RequestAborted).ConfigureAwait(false);
        }
    }
}

/// <summary>Reads what the handlers need from a request: the bearer header, query values, a capped body, a form key.</summary>
internal static class RequestReader
{
    public static string? Auth(HttpRequest request) => request.Headers.Authorization.FirstOrDefault();

    public static string? Query(HttpRequest request, string name) => request.Query[name].FirstOrDefault();

    public static AlertFilter Filter(HttpRequest request) => new()
    {
        Company = Query(request, "company"),
        Severity = Query(request, "severity"),
        Category = Query(request, "category"),
        Since = Query(request, "since"),
        Until = Query(request, "until"),
        Limit = Query(request, "limit"),
    };

    public static async Task<string> BodyAsync(HttpRequest request)
    {
        var max = request.HttpContext.RequestServices.GetService<IOptions<ApiOptions>>()?.Value.MaxBodyBytes ?? 256 * 1024;
        var buffer = new byte[max + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    public static async Task<string?> FormKeyAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        return form["key"].FirstOrDefault();
    }

    public static string? PageKey(HttpRequest request, string cookieName)
    {
        var key = Query(request, "key");
        if (string.IsNullOrEmpty(key))
        {
            key = request.Cookies[cookieName];
        }

        var header = Auth(request);
        if (string.IsNullOrEmpty(key) && header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
        }

        return key;
    }
}
