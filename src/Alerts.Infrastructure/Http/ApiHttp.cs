using System.Text;
using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// The HTTP edge of the Core handlers, shared by both hosts (minimal APIs in <c>alerts run</c>, HTTP functions in Azure):
/// what a handler needs from a request, and its <see cref="ApiResult"/> copied onto the response.
/// </summary>
public static class ApiHttp
{
    // The pages are self-contained: nothing may load from elsewhere, and nothing may frame them.
    private const string PagePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";

    public static string? Auth(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Authorization.FirstOrDefault();
    }

    public static string? Query(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[name].FirstOrDefault();
    }

    public static AlertFilter Filter(HttpRequest request) => new()
    {
        Company = Query(request, "company"),
        Severity = Query(request, "severity"),
        Category = Query(request, "category"),
        Since = Query(request, "since"),
        Until = Query(request, "until"),
        Limit = Query(request, "limit"),
    };

    /// <summary>Reads at most one byte more than the cap, so an oversized body is refused without buffering it all.</summary>
    public static async Task<string> BodyAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var max = request.HttpContext.RequestServices.GetService<IOptions<ApiOptions>>()?.Value.MaxBodyBytes ?? new ApiOptions().MaxBodyBytes;
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

    /// <summary>
    /// Reads the form's <c>key</c> field (null without a form body) and runs <paramref name="handler"/> with it. A form
    /// that cannot be read (malformed multipart, more than 1,024 fields, a field over the length limit, a body over the
    /// server's cap) answers 400 naming the body, not 500.
    /// </summary>
    public static async Task<ApiResult> WithFormKeyAsync(HttpRequest request, Func<string?, Task<ApiResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handler);
        string? key = null;
        if (request.HasFormContentType)
        {
            try
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                key = form["key"].FirstOrDefault();
            }
            catch (InvalidDataException exception)
            {
                return Problems.Invalid("body", "is not a readable form: " + exception.Message);
            }
            catch (IOException exception)
            {
                // A multipart body that ends early ("Unexpected end of Stream") and Kestrel's BadHttpRequestException.
                return Problems.Invalid("body", "is not a readable form: " + exception.Message);
            }
        }

        return await handler(key).ConfigureAwait(false);
    }

    /// <summary>The company view's key: <c>?key=</c>, else the cookie, else a bearer header.</summary>
    public static string? PageKey(HttpRequest request, string cookieName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = Query(request, "key");
        if (string.IsNullOrEmpty(key))
        {
            key = request.Cookies[cookieName];
        }

        if (string.IsNullOrEmpty(key))
        {
            key = ApiKeyService.BearerKey(Auth(request)) ?? key;
        }

        return key;
    }

    /// <summary>Copies status, headers, the key cookie and the body of <paramref name="result"/> onto the response.</summary>
    public static async Task WriteAsync(HttpContext context, ApiResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (result.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers["Content-Security-Policy"] = PagePolicy;
        }

        if (result.Cookie is { } cookie)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, new CookieOptions
            {
                Path = cookie.Path,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                MaxAge = cookie.MaxAge,
            });
        }

        if (result.HasBody)
        {
            response.ContentType = result.ContentType;
            if (result.Bytes is { } bytes)
            {
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await response.WriteAsync(result.BodyText, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
