using System.Net;
using System.Net.Sockets;
using Alerts.Cli.Hosting;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alerts.Cli.Tests;

/// <summary>
/// Issue 15 item 7 under <c>alerts run</c>'s host: an unreachable site polled again and again logs one warning when its
/// health changes, and no <c>fail: Polly[3]</c> with a stack trace per failed fetch; Polly's events show under debug logging.
/// </summary>
public sealed class PollLogNoiseTests : IDisposable
{
    private const string SourceId = MofcomSpokespersonSource.Id;
    private readonly TempDirectory _data = new();
    private readonly FakeLogCollector _logs = new();

    [Fact]
    public async Task Poll_UnreachableSiteThreeTimes_OneWarningAndNoPollyLines()
    {
        await using var app = Build(LogLevel.Information);

        await PollThreeTimesAsync(app);

        var records = _logs.GetSnapshot();
        records.ShouldNotContain(r => r.Category != null && r.Category.StartsWith("Polly", StringComparison.Ordinal), Describe(records));
        var loud = records.Where(r => r.Level >= LogLevel.Warning).ToList();
        loud.Count.ShouldBe(1, Describe(records));
        loud[0].Category.ShouldBe(typeof(PollService).FullName);
        loud[0].Message.ShouldContain(SourceId);
        loud[0].Exception.ShouldBeNull();
    }

    [Fact]
    public async Task Poll_UnreachableSiteUnderDebugLogging_PollyEventsAndRepeatsAreShown()
    {
        await using var app = Build(LogLevel.Debug);

        await PollThreeTimesAsync(app);

        var records = _logs.GetSnapshot();
        records.ShouldContain(r => r.Category != null && r.Category.StartsWith("Polly", StringComparison.Ordinal), Describe(records));
        records.Count(r => r.Category == typeof(PollService).FullName && r.Level == LogLevel.Warning).ShouldBe(1, Describe(records));
        records.Count(r => r.Category == typeof(PollService).FullName && r.Level == LogLevel.Debug && r.Message.Contains("still unhealthy", StringComparison.Ordinal))
            .ShouldBe(2, Describe(records));
    }

    private Microsoft.AspNetCore.Builder.WebApplication Build(LogLevel level)
    {
        // A port that was just free and is closed again: every connection is refused at once, no waiting on a timeout.
        var closed = FreePort();
        var app = EmbeddedHost.Build(new EmbeddedHostSettings(_data.Path, FreePort())
        {
            BackgroundLoops = false,
            MinimumLogLevel = level,
            Configuration = new Dictionary<string, string?>
            {
                [$"Sources:{SourceId}:BaseUrl"] = $"http://127.0.0.1:{closed}",
                [$"Sources:{SourceId}:MaxRetries"] = "1",
                [$"Sources:{SourceId}:RetryBaseDelay"] = "00:00:00",
            },
        });
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(new FakeLoggerProvider(_logs));
        return app;
    }

    private static async Task PollThreeTimesAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var polls = app.Services.GetRequiredService<PollService>();
        for (var i = 0; i < 3; i++)
        {
            var report = await polls.PollAsync(SourceId, PollOptions.Default, CancellationToken.None);
            report.Outcome.ShouldBe(FetchOutcome.Connection);
        }
    }

    private static string Describe(IReadOnlyList<FakeLogRecord> records) =>
        string.Join("\n", records.Select(r => $"{r.Level} {r.Category}: {r.Message}"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
