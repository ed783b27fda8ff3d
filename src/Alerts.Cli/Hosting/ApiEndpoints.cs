using System.Text;
using Alerts.Core.Api;
using Alerts.Core.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Maps the Core handlers onto minimal APIs for <c>alerts run</c>: parse the request, call one handler, copy its
/// <see cref="ApiResult"/> onto the response. The Functions app maps the same handlers (src/Alerts.Functions/Api).
/// </summary>
internal static class ApiEndpoints
{
    /// <summary><c>/api/companies…</c>, <c>/api/alerts…</c>, <c>/api/changes…</c>, <c>/api/sources</c>, <c>/api/status</c>, <c>/api/taxonomy</c>, <c>/api/deadletters…</c>.</summary>
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");

        api.MapGet("/companies", (HttpContext c, CompanyHandlers h) => Run(c, h.ListAsync(Auth(c), c.RequestAborted)));
        api.MapPost("/companies", async (HttpContext c, CompanyHandlers h) => await Run(c, h.CreateAsync(Auth(c), await BodyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet("/companies/{id}", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetAsync(Auth(c), id, c.RequestAborted)));
        api.MapPut("/companies/{id}", async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceAsync(Auth(c), id, await BodyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapDelete("/companies/{id}", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.DeleteAsync(Auth(c), id, c.RequestAborted)));
        api.MapGet("/companies/{id}/watch", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetWatchAsync(Auth(c), id, c.RequestAborted)));
        api.MapPut("/companies/{id}/watch", async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceWatchAsync(Auth(c), id, await BodyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet("/companies/{id}/recipients", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetRecipientsAsync(Auth(c), id, c.RequestAborted)));
        api.MapPut("/companies/{id}/recipients", async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceRecipientsAsync(Auth(c), id, await BodyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapGet("/companies/{id}/teams", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.GetTeamsAsync(Auth(c), id, c.RequestAborted)));
        api.MapPut("/companies/{id}/teams", async (HttpContext c, string id, CompanyHandlers h) => await Run(c, h.ReplaceTeamsAsync(Auth(c), id, await BodyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        api.MapPost("/companies/{id}/keys", (HttpContext c, string id, CompanyHandlers h) => Run(c, h.IssueKeyAsync(Auth(c), id, c.RequestAborted)));
        api.MapGet("/companies/{id}/alerts", (HttpContext c, string id, AlertHandlers h) => Run(c, h.ListAlertsAsync(Auth(c), Filter(c) with { Company = id }, c.RequestAborted)));

        api.MapGet("/alerts", (HttpContext c, AlertHandlers h) => Run(c, h.ListAlertsAsync(Auth(c), Filter(c), c.RequestAborted)));
        api.MapGet("/alerts/{id}", (HttpContext c, string id, AlertHandlers h) => Run(c, h.GetAlertAsync(Auth(c), id, c.RequestAborted)));
        api.MapGet("/changes", (HttpContext c, AlertHandlers h) => Run(c, h.ListChangesAsync(Auth(c), Query(c, "since"), Query(c, "limit"), c.RequestAborted)));
        api.MapGet("/changes/{id}", (HttpContext c, string id, AlertHandlers h) => Run(c, h.GetChangeAsync(Auth(c), id, c.RequestAborted)));

        api.MapGet("/sources", (HttpContext c, OpsHandlers h) => Run(c, h.SourcesAsync(Auth(c), c.RequestAborted)));
        api.MapGet("/status", (HttpContext c, OpsHandlers h) => Run(c, h.StatusAsync(Auth(c), c.RequestAborted)));
        api.MapGet("/taxonomy", (HttpContext c, OpsHandlers h) => Run(c, h.TaxonomyAsync(Auth(c), c.RequestAborted)));
        api.MapGet("/deadletters", (HttpContext c, OpsHandlers h) => Run(c, h.ListDeadLettersAsync(Auth(c), Query(c, "subscription"), c.RequestAborted)));
        api.MapPost("/deadletters/{id}/replay", (HttpContext c, string id, OpsHandlers h) => Run(c, h.ReplayAsync(Auth(c), id, c.RequestAborted)));
        return app;
    }

    /// <summary><c>/dashboard</c>, its replay form, <c>/changes/{id}</c> (diff page) and <c>/companies/{id}/alerts</c> (company view).</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/dashboard", (HttpContext c, DashboardHandlers h) => Run(c, h.DashboardAsync(Query(c, "flash"), c.RequestAborted)));
        app.MapPost("/dashboard/deadletters/{id}/replay", async (HttpContext c, string id, DashboardHandlers h) =>
            await Run(c, h.ReplayFromFormAsync(id, await FormKeyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        app.MapGet("/changes/{id}", (HttpContext c, string id, DashboardHandlers h) => Run(c, h.ChangeAsync(id, c.RequestAborted)));
        app.MapGet("/companies/{id}/alerts", (HttpContext c, string id, DashboardHandlers h) => Run(c, h.CompanyAlertsAsync(id, PageKey(c), c.RequestAborted)));
        app.MapPost("/companies/{id}/alerts", async (HttpContext c, string id, DashboardHandlers h) =>
            await Run(c, h.CompanyKeyFormAsync(id, await FormKeyAsync(c).ConfigureAwait(false), c.RequestAborted)).ConfigureAwait(false));
        return app;
    }

    /// <summary>
    /// First start without <c>Api:AdminKey</c>: generates the admin key, keeps its hash, and prints the key once to
    /// <paramref name="output"/>. Call after <c>Build()</c>, before <c>Run()</c>.
    /// </summary>
    public static async Task<string?> EnsureAdminKeyAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var key = await services.GetRequiredService<ApiKeyService>().EnsureAdminKeyAsync(cancellationToken).ConfigureAwait(false);
        if (key is not null)
        {
            await output.WriteLineAsync($"Admin API key (shown once; only its hash is stored): {key}").ConfigureAwait(false);
            await output.WriteLineAsync("Set Api__AdminKey to use your own key instead.").ConfigureAwait(false);
        }

        return key;
    }

    private static string? Auth(HttpContext context) => context.Request.Headers.Authorization.FirstOrDefault();

    private static string? Query(HttpContext context, string name) => context.Request.Query[name].FirstOrDefault();

    private static AlertFilter Filter(HttpContext context) => new()
    {
        Company = Query(context, "company"),
        Severity = Query(context, "severity"),
        Category = Query(context, "category"),
        Since = Query(context, "since"),
        Until = Query(context, "until"),
        Limit = Query(context, "limit"),
    };

    /// <summary>The company view's key: <c>?key=</c>, else the cookie, else a bearer header.</summary>
    private static string? PageKey(HttpContext context)
    {
        var key = Query(context, "key");
        if (string.IsNullOrEmpty(key))
        {
            key = context.Request.Cookies[DashboardHandlers.KeyCookie];
        }

        var header = Auth(context);
        if (string.IsNullOrEmpty(key) && header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = header["Bearer ".Length..].Trim();
        }

        return key;
    }

    private static async Task<string?> FormKeyAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        return form["key"].FirstOrDefault();
    }

    /// <summary>Reads at most one byte more than the cap, so an oversized body is refused without buffering it all.</summary>
    private static async Task<string> BodyAsync(HttpContext context)
    {
        var max = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxBodyBytes;
        var buffer = new byte[max + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await context.Request.Body.ReadAsync(buffer.AsMemory(read), context.RequestAborted).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static async Task Run(HttpContext context, Task<ApiResult> handler)
    {
        var result = await handler.ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        foreach (var (name, value) in result.Headers)
        {
            response.Headers[name] = value;
        }

        // The pages are self-contained: nothing may load from elsewhere, and nothing may frame them.
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (result.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
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
            await response.WriteAsync(result.BodyText, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
