using Alerts.Core.Ops;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Ops;

public sealed class HealthServiceTests
{
    private sealed class FixedReader(params SourceHealthSummary[] sources) : ISourceHealthReader
    {
        public Task<IReadOnlyList<SourceHealthSummary>> ReadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SourceHealthSummary>>(sources);
    }

    [Fact]
    public async Task CheckAsync_NoSources_IsOk()
    {
        var sut = new HealthService(new FakeTimeProvider(), []);

        (await sut.CheckAsync(CancellationToken.None)).Status.ShouldBe("ok");
    }

    [Fact]
    public async Task CheckAsync_BlockedSource_IsDegradedAndListsIt()
    {
        var sut = new HealthService(new FakeTimeProvider(), [new FixedReader(
            new SourceHealthSummary("jp-meti-press", "blocked", null),
            new SourceHealthSummary("cn-mofcom-announcements", "ok", null))]);

        var report = await sut.CheckAsync(CancellationToken.None);

        report.Status.ShouldBe("degraded");
        report.Sources.Select(s => s.Id).ShouldContain("jp-meti-press");
    }

    [Fact]
    public async Task CheckAsync_StampsTheInjectedTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 24, 9, 30, 0, TimeSpan.Zero));

        (await new HealthService(clock, []).CheckAsync(CancellationToken.None)).CheckedAt.ShouldBe(clock.GetUtcNow());
    }
}
