using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Changes;

/// <summary>Issue 15 item 7: one warning per source per change of health, not one per failed poll.</summary>
public sealed class PollHealthLoggingTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeNoticeSource _site = new();
    private readonly FakeLogger<PollService> _logger = new();
    private readonly PollService _service;

    public PollHealthLoggingTests()
    {
        _site.Publish(new NoticeBuilder()
            .WithKey("cn-mofcom:2026:1")
            .With(n => n with { Title = "商务部公告2026年第1号", Urls = ["https://fake.example/art/2026/1.html"] })
            .Build());
        _service = new PollService(new FakeSourceCatalog(_site), new InMemorySnapshotStore(), new InMemoryChangeBus(_clock), _site, _clock, _logger);
    }

    private async Task PollTimesAsync(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await _service.PollAsync(FakeNoticeSource.DefaultId, PollOptions.Default, CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(10));
        }
    }

    private List<FakeLogRecord> At(LogLevel level) => _logger.Collector.GetSnapshot().Where(r => r.Level == level).ToList();

    [Fact]
    public async Task PollAsync_SourceFailsThreePollsInARow_WarnsOnce()
    {
        await PollTimesAsync(1);
        _site.FailWith = FetchOutcome.Connection;

        await PollTimesAsync(3);

        At(LogLevel.Warning).Count.ShouldBe(1);
        At(LogLevel.Warning)[0].Message.ShouldContain("connection");
    }

    [Fact]
    public async Task PollAsync_FailureClassChanges_WarnsAgain()
    {
        await PollTimesAsync(1);
        _site.FailWith = FetchOutcome.Connection;
        await PollTimesAsync(2);
        _site.FailWith = FetchOutcome.Blocked;

        await PollTimesAsync(2);

        At(LogLevel.Warning).Count.ShouldBe(2);
    }

    [Fact]
    public async Task PollAsync_SourceRecovers_SaysSoOnceWithoutAWarning()
    {
        await PollTimesAsync(1);
        _site.FailWith = FetchOutcome.Connection;
        await PollTimesAsync(2);
        _site.FailWith = null;

        await PollTimesAsync(2);

        At(LogLevel.Warning).Count.ShouldBe(1);
        _logger.Collector.GetSnapshot().Count(r => r.Message.Contains("recovered", StringComparison.Ordinal)).ShouldBe(1);
    }
}
