using Alerts.Core.Messaging;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Ops;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Changes;

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

public sealed class HealthServiceChannelTests
{
    [Fact]
    public async Task CheckAsync_RejectedChannel_IsDegradedAndShowsTheReason()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 24, 9, 30, 0, TimeSpan.Zero));
        var channels = new ChannelHealth(clock);
        channels.ReportRejected(ChannelHealth.Email, "sendgrid", "SendGrid answered HTTP 403: the sender is not verified");

        var report = await new HealthService(clock, [], channels).CheckAsync(CancellationToken.None);

        report.Status.ShouldBe("degraded");
        var email = report.Channels.Single(c => c.Channel == ChannelHealth.Email);
        email.Status.ShouldBe(ChannelHealth.Unhealthy);
        email.Since.ShouldBe(clock.GetUtcNow());
        email.Problems.ShouldBe(["SendGrid answered HTTP 403: the sender is not verified"]);
        report.Channels.Single(c => c.Channel == ChannelHealth.Teams).Status.ShouldBe(ChannelHealth.Ok);
    }

    [Fact]
    public async Task CheckAsync_ChannelAcceptedAgain_IsOk()
    {
        var clock = new FakeTimeProvider();
        var channels = new ChannelHealth(clock);
        channels.ReportRejected(ChannelHealth.Teams, "wh-1", "webhook wh-1 answered HTTP 404");
        channels.ReportAccepted(ChannelHealth.Teams, "wh-1");

        (await new HealthService(clock, [], channels).CheckAsync(CancellationToken.None)).Status.ShouldBe("ok");
    }
}

/// <summary>Issue 15 item 8: health said <c>ok</c> while dead letters waited for a person.</summary>
public sealed class HealthServiceDeadLetterTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 24, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckAsync_DeadLettersWaiting_IsDegradedAndCountsThem()
    {
        var letters = new InMemoryDeadLetterQueueForApi();
        letters.Add(new DeadLetter("alerts:dl-1", "alerts", "change-1", "poison", "Unknown schema version 9", 10, Now, "{}"));

        var report = await new HealthService(new FakeTimeProvider(Now), [], deadLetters: letters).CheckAsync(CancellationToken.None);

        report.Status.ShouldBe("degraded");
        report.DeadLetters.ShouldBe(1);
    }

    [Fact]
    public async Task CheckAsync_NoDeadLetters_IsOk()
    {
        var report = await new HealthService(new FakeTimeProvider(Now), [], deadLetters: new InMemoryDeadLetterQueueForApi()).CheckAsync(CancellationToken.None);

        report.Status.ShouldBe("ok");
        report.DeadLetters.ShouldBe(0);
    }

    [Fact]
    public async Task CheckAsync_ComposedWithTheBus_CountsItsDeadLetters()
    {
        var world = new ApiTestWorld();
        using var services = world.BuildServices();

        var report = await services.GetRequiredService<HealthService>().CheckAsync(CancellationToken.None);

        report.DeadLetters.ShouldBe(2, "the world is seeded with two dead letters");
        report.Status.ShouldBe("degraded");
    }
}
