using Alerts.Functions.Polling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Alerts.Functions.Tests;

public sealed class PollSourcesFunctionTests
{
    [Fact]
    public async Task Run_PastDue_LogsAWarning()
    {
        var logger = new FakeLogger<PollSourcesFunction>();
        var sut = new PollSourcesFunction(logger);

        await sut.Run(new TimerInfo { IsPastDue = true }, CancellationToken.None);

        logger.Collector.GetSnapshot().ShouldContain(r => r.Level == LogLevel.Warning && r.Message.Contains("past due"));
    }

    [Fact]
    public async Task Run_Cancelled_Throws()
    {
        var sut = new PollSourcesFunction(new FakeLogger<PollSourcesFunction>());

        await Should.ThrowAsync<OperationCanceledException>(() => sut.Run(new TimerInfo(), new CancellationToken(canceled: true)));
    }
}
