using System.Net;
using System.Net.Sockets;
using Alerts.Cli.Hosting;
using Alerts.Core.Api;
using Alerts.Testing;
using Microsoft.AspNetCore.Routing;

namespace Alerts.Cli.Tests.Api;

/// <summary><c>alerts run</c> maps exactly the one route table (the Function App's tests check the same table).</summary>
public sealed class RouteTableParityTests
{
    // The one route only alerts run has: its root sends a browser to the dashboard.
    private static readonly string[] EmbeddedOnly = ["GET /"];

    [Fact]
    public async Task EmbeddedHost_MapsExactlyTheRouteTable()
    {
        using var data = new TempDirectory();
        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, FreePort()) { BackgroundLoops = false });

        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"))
            .Select(route => route.Replace("/api//", "/api/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var expected = ApiRoutes.All.Select(route => $"{route.Method} {ApiRoutes.EmbeddedPath(route)}").Concat(EmbeddedOnly).Order(StringComparer.Ordinal);
        mapped.ShouldBe(expected);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
