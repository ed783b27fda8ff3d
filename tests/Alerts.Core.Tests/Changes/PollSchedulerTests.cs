using Alerts.Core.Changes;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Changes;

public sealed class PollSchedulerTests
{
    [Fact]
    public void NextOccurrence_SecondsSchedule_IsTheNextMatchingTime()
    {
        var next = PollScheduler.NextOccurrence("30 */15 * * * *", new DateTimeOffset(2026, 11, 28, 8, 1, 0, TimeSpan.Zero));

        next.ShouldBe(new DateTimeOffset(2026, 11, 28, 8, 15, 30, TimeSpan.Zero));
    }

    [Fact]
    public void NextOccurrence_Invalid_IsNull() => PollScheduler.NextOccurrence("every day", DateTimeOffset.UnixEpoch).ShouldBeNull();

    [Fact]
    public async Task ExecuteAsync_ScheduleFires_PollsTheSource()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero));
        var site = new FakeNoticeSource();
        site.Publish(new NoticeBuilder().Build());
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.DuringPoll = () =>
        {
            polled.TrySetResult();
            return Task.CompletedTask;
        };
        var catalog = new FakeSourceCatalog(site);
        var store = new InMemorySnapshotStore();
        var polls = new PollService(catalog, store, new InMemoryChangeBus(clock), site, clock, NullLogger<PollService>.Instance);
        using var scheduler = new PollScheduler(catalog, polls, clock, NullLogger<PollScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        // The scheduler's timer is registered on another thread: advance in steps until the poll has happened.
        for (var step = 0; step < 200 && !polled.Task.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            try
            {
                await polled.Task.WaitAsync(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            }
            catch (TimeoutException)
            {
                // not yet: advance again
            }
        }

        await scheduler.StopAsync(CancellationToken.None);
        polled.Task.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task ExecuteAsync_AtStartUp_PollsEachSourceBeforeItsSchedule()
    {
        // 08:00:01 with a daily schedule: without the start-up poll nothing would happen for a day.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero));
        var site = new FakeNoticeSource();
        site.Publish(new NoticeBuilder().Build());
        var polled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.DuringPoll = () =>
        {
            polled.TrySetResult();
            return Task.CompletedTask;
        };
        var catalog = new FakeSourceCatalog(site);
        var polls = new PollService(catalog, new InMemorySnapshotStore(), new InMemoryChangeBus(clock), site, clock, NullLogger<PollService>.Instance);
        using var scheduler = new PollScheduler(catalog, polls, clock, NullLogger<PollScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await polled.Task.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System);
        await scheduler.StopAsync(CancellationToken.None);

        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2026, 11, 28, 8, 0, 1, TimeSpan.Zero));
    }
}
