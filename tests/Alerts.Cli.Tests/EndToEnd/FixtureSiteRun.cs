using System.Net;
using System.Net.Sockets;
using Alerts.Cli.Demo;
using Alerts.Cli.Hosting;
using Alerts.Core.Messaging;
using Alerts.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// <c>alerts run</c>'s host over the recorded fixture site: only the fixture source enabled, polled every 2 s, drains
/// every 200 ms, on a clock that starts at a chosen instant and runs at real speed.
/// </summary>
internal static class FixtureSiteRun
{
    public static async Task<WebApplication> StartAsync(string dataDirectory, RecordedSiteServer server, DateTimeOffset clockStart, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            [$"Sources:{FixtureSite.SourceId}:BaseUrl"] = server.BaseUrls[FixtureSite.SourceId].ToString(),
            [$"Sources:{FixtureSite.SourceId}:MaxRetries"] = "0",
            [$"Sources:{FixtureSite.SourceId}:Schedule"] = "*/2 * * * * *",
            ["DeliveryLoops:DrainInterval"] = "00:00:00.200",
        };
        foreach (var other in Core.Sources.SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id).Where(id => id != FixtureSite.SourceId))
        {
            configuration[$"Sources:{other}:Enabled"] = "false";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var clock = new ShiftedTimeProvider(clockStart);
        var app = EmbeddedHost.Build(new EmbeddedHostSettings(dataDirectory, FreePort())
        {
            Configuration = configuration,
            ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
        });
        await app.StartAsync();
        return app;
    }

    /// <summary>Waits on a condition (not on the clock), checking every <paramref name="tick"/>; bounded by <paramref name="patience"/> so a broken pipeline fails.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience, TimeSpan tick)
    {
        using var timeout = new CancellationTokenSource(patience);
        using var timer = new PeriodicTimer(tick);
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>Whether the host's bus holds no message waiting or in hand (every subscription's active count is zero).</summary>
    public static async Task<bool> IsBusQuietAsync(WebApplication app) =>
        (await app.Services.GetRequiredService<IDeadLetterQueue>().GetDepthsAsync(CancellationToken.None)).All(depth => depth.Active == 0);

    /// <summary>The outbox's file names matching <paramref name="pattern"/>, in order.</summary>
    public static string[] Files(string outbox, string pattern) =>
        Directory.Exists(outbox) ? [.. Directory.GetFiles(outbox, pattern).Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
