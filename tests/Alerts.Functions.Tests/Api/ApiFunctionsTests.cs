using Alerts.Core.Api;
using Alerts.Functions.Api;
using Alerts.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions.Tests;

/// <summary>The Functions mapping calls the same Core handlers: the same status codes and problem bodies as <c>alerts run</c>.</summary>
public sealed class ApiFunctionsTests
{
    private static async Task<(int Status, string ContentType, string Body)> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType ?? "", System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Company_OtherCompanysKey_Is404Problem()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new CompanyFunctions(services.GetRequiredService<CompanyHandlers>());
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Headers.Authorization = "Bearer " + world.KeyA;

        var (status, contentType, body) = await ExecuteAsync(await sut.Company(request, ApiTestWorld.CompanyB, CancellationToken.None));

        status.ShouldBe(404);
        contentType.ShouldStartWith("application/problem+json");
        body.ShouldContain("\"status\":404");
    }

    [Fact]
    public async Task Status_AdminKey_Is200Json()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new OpsFunctions(services.GetRequiredService<OpsHandlers>());
        var request = new DefaultHttpContext().Request;
        request.Headers.Authorization = "Bearer " + ApiTestWorld.AdminKey;

        var (status, _, body) = await ExecuteAsync(await sut.Status(request, CancellationToken.None));

        status.ShouldBe(200);
        body.ShouldContain("\"queues\"");
    }

    [Fact]
    public async Task Audit_CompanyKey_Is200ZipAttachmentWithAManifest()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new AuditFunctions(services.GetRequiredService<AuditHandlers>());
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers.Authorization = "Bearer " + world.KeyA;
        context.Request.QueryString = new QueryString("?from=2026-06-01&to=2026-06-30");
        using var body = new MemoryStream();
        context.Response.Body = body;

        await (await sut.Pack(context.Request, ApiTestWorld.CompanyA, CancellationToken.None)).ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

        context.Response.StatusCode.ShouldBe(200);
        context.Response.ContentType.ShouldBe("application/zip");
        context.Response.Headers.ContentDisposition.ToString().ShouldBe("attachment; filename=\"audit-acme-trading-2026-06-01-2026-06-30.zip\"");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(body.ToArray()));
        zip.GetEntry("manifest.json").ShouldNotBeNull();
    }

    [Fact]
    public async Task Audit_OtherCompanysKey_Is404Problem()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new AuditFunctions(services.GetRequiredService<AuditHandlers>());
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Headers.Authorization = "Bearer " + world.KeyB;
        request.QueryString = new QueryString("?from=2026-06-01&to=2026-06-30");

        var (status, contentType, _) = await ExecuteAsync(await sut.Pack(request, ApiTestWorld.CompanyA, CancellationToken.None));

        status.ShouldBe(404);
        contentType.ShouldStartWith("application/problem+json");
    }

    [Fact]
    public async Task Audit_BadDate_Is400Problem()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new AuditFunctions(services.GetRequiredService<AuditHandlers>());
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Headers.Authorization = "Bearer " + world.KeyA;
        request.QueryString = new QueryString("?from=2026-13-01&to=2026-06-30");

        var (status, _, body) = await ExecuteAsync(await sut.Pack(request, ApiTestWorld.CompanyA, CancellationToken.None));

        status.ShouldBe(400);
        body.ShouldContain("\"from\"");
    }

    [Fact]
    public async Task CompanyAlerts_ViewDigestWithABadDate_Is400FromTheDigestPage()
    {
        var world = new ApiTestWorld();
        await using var services = world.BuildServices();
        var sut = new DashboardFunctions(services.GetRequiredService<Core.Dashboard.DashboardHandlers>(), actionLinks: null!); // no action link is followed here
        var request = new DefaultHttpContext().Request;
        request.Method = "GET";
        request.Headers.Authorization = "Bearer " + world.KeyA;
        request.QueryString = new QueryString("?view=digest&from=2026-06-01&to=soon");

        var (status, contentType, body) = await ExecuteAsync(await sut.CompanyAlerts(request, ApiTestWorld.CompanyA, CancellationToken.None));

        status.ShouldBe(400);
        contentType.ShouldStartWith("text/html");
        body.ShouldContain("?to= must be a date");
    }
}
