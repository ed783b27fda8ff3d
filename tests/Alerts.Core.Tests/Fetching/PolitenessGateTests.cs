using Alerts.Core.Fetching;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Fetching;

public sealed class PolitenessGateTests
{
    private static readonly Uri Meti = new("https://www.meti.go.jp/press/index.html");

    [Fact]
    public async Task WaitTurnAsync_SecondRequestToSameHost_WaitsForTheDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 7, 0, 0, 0, TimeSpan.Zero));
        var gate = new PolitenessGate(time);
        await gate.WaitTurnAsync(Meti, TimeSpan.FromSeconds(5), CancellationToken.None);
        var second = gate.WaitTurnAsync(Meti, TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        second.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        second.IsCompletedSuccessfully.ShouldBeTrue();
    }

    [Fact]
    public async Task WaitTurnAsync_OtherHost_DoesNotWait()
    {
        var time = new FakeTimeProvider();
        var gate = new PolitenessGate(time);
        await gate.WaitTurnAsync(Meti, TimeSpan.FromSeconds(5), CancellationToken.None);
        var other = gate.WaitTurnAsync(new Uri("https://www.mofa.go.jp/"), TimeSpan.FromSeconds(5), CancellationToken.None);
        other.IsCompletedSuccessfully.ShouldBeTrue();
    }
}
