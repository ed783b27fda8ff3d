using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using BusSubscriptions = Alerts.Core.Messaging.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Infrastructure.Tests.Messaging;

/// <summary>One behaviour for every bus: the local SQLite bus and the in-memory fake run these same tests.</summary>
public abstract class ChangeConsumerContract
{
    protected const int MaxDeliveryCount = 3;

    protected static readonly TimeSpan LockDuration = TimeSpan.FromMinutes(1);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A bus over fresh storage (or the same storage when <paramref name="reopen"/> simulates a restart).</summary>
    protected abstract (IChangePublisher Publisher, IChangeConsumer Consumer, IDeadLetterQueue DeadLetters) CreateBus(bool reopen = false);

    private static ChangeEvent Change(int n) => ChangeEvent.From(
        new NoticeBuilder().WithKey($"cn-mofcom:2026:{n}").Build(), ChangeKind.Added, $"hash{n}", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    private static AlertsRaised Raised(int n) => AlertsRaised.For(Change(n).ChangeId, [$"{Change(n).ChangeId}.acme"]).Single();

    /// <summary>Both topics: every bus here is also the publisher of <c>alerts-raised</c>.</summary>
    private static Task RaiseAsync(IChangePublisher publisher, params AlertsRaised[] raised) =>
        ((IAlertsRaisedPublisher)publisher).PublishAsync(raised, CancellationToken.None);

    [Fact]
    public async Task Publish_OneChange_CopiesItToTheAlertsSubscriptionOnly()
    {
        var (publisher, consumer, _) = CreateBus();

        await publisher.PublishAsync([Change(1)], CancellationToken.None);

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 10, TimeSpan.Zero, CancellationToken.None)).Single().MessageId.ShouldBe(Change(1).ChangeId);
        foreach (var channel in BusSubscriptions.Channels)
        {
            (await consumer.ReceiveAsync(channel, 10, TimeSpan.Zero, CancellationToken.None)).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task PublishRaised_OneMessage_CopiesItToEveryChannelAndNotToAlerts()
    {
        var (publisher, consumer, _) = CreateBus();

        await RaiseAsync(publisher, Raised(1));

        foreach (var channel in BusSubscriptions.Channels)
        {
            var received = (await consumer.ReceiveAsync(channel, 10, TimeSpan.Zero, CancellationToken.None)).Single();
            received.MessageId.ShouldBe(Raised(1).MessageId);
            received.Properties["changeId"].ShouldBe(Change(1).ChangeId);
        }

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 10, TimeSpan.Zero, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Publish_SameIdTwice_DeliversOnce()
    {
        var (publisher, consumer, _) = CreateBus();

        await publisher.PublishAsync([Change(1)], CancellationToken.None);
        await publisher.PublishAsync([Change(1)], CancellationToken.None);

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 10, TimeSpan.Zero, CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task PublishRaised_SameIdTwice_DeliversOnce()
    {
        var (publisher, consumer, _) = CreateBus();

        await RaiseAsync(publisher, Raised(1));
        await RaiseAsync(publisher, Raised(1));

        (await consumer.ReceiveAsync(BusSubscriptions.Email, 10, TimeSpan.Zero, CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Receive_Message_CarriesBodyAndProperties()
    {
        var (publisher, consumer, _) = CreateBus();
        await publisher.PublishAsync([Change(1)], CancellationToken.None);

        var message = (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).Single();

        ChangeMessages.Parse(message.Body)!.NoticeKey.ShouldBe("cn-mofcom:2026:1");
        message.Properties["kind"].ShouldBe("added");
        message.Properties["schemaVersion"].ShouldBe("1");
        message.DeliveryCount.ShouldBe(1);
    }

    [Fact]
    public async Task Receive_WhileLocked_ReturnsNothing()
    {
        var (publisher, consumer, _) = CreateBus();
        await publisher.PublishAsync([Change(1)], CancellationToken.None);
        await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None);

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LeaveForRetry_AfterLockExpiry_RedeliversWithHigherCount()
    {
        var (publisher, consumer, _) = CreateBus();
        await publisher.PublishAsync([Change(1)], CancellationToken.None);
        var first = (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).Single();
        await consumer.LeaveForRetryAsync(first, CancellationToken.None);

        Clock.Advance(LockDuration + TimeSpan.FromSeconds(1));
        var second = (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).Single();

        second.DeliveryCount.ShouldBe(2);
    }

    [Fact]
    public async Task Complete_RemovesTheMessage()
    {
        var (publisher, consumer, _) = CreateBus();
        await publisher.PublishAsync([Change(1)], CancellationToken.None);
        var message = (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).Single();

        await consumer.CompleteAsync(message, CancellationToken.None);
        Clock.Advance(LockDuration * 2);

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Complete_AfterLockExpired_ThrowsLockLost()
    {
        var (publisher, consumer, _) = CreateBus();
        await publisher.PublishAsync([Change(1)], CancellationToken.None);
        var message = (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 1, TimeSpan.Zero, CancellationToken.None)).Single();
        Clock.Advance(LockDuration + TimeSpan.FromSeconds(1));

        await Should.ThrowAsync<MessageLockLostException>(() => consumer.CompleteAsync(message, CancellationToken.None));
    }

    [Fact]
    public async Task Receive_PastMaxDeliveryCount_DeadLetters()
    {
        var (publisher, consumer, deadLetters) = CreateBus();
        await RaiseAsync(publisher, Raised(1));
        for (var i = 0; i < MaxDeliveryCount; i++)
        {
            (await consumer.ReceiveAsync(BusSubscriptions.Teams, 1, TimeSpan.Zero, CancellationToken.None)).Count.ShouldBe(1);
            Clock.Advance(LockDuration + TimeSpan.FromSeconds(1));
        }

        (await consumer.ReceiveAsync(BusSubscriptions.Teams, 1, TimeSpan.Zero, CancellationToken.None)).ShouldBeEmpty();

        var dead = (await deadLetters.ListAsync(BusSubscriptions.Teams, CancellationToken.None)).Single();
        dead.Reason.ShouldBe("MaxDeliveryCountExceeded");
        dead.DeliveryCount.ShouldBe(MaxDeliveryCount);
    }

    [Fact]
    public async Task DeadLetter_WithReason_IsListedAndReplayedUnderANewId()
    {
        var (publisher, consumer, deadLetters) = CreateBus();
        await RaiseAsync(publisher, Raised(1));
        var message = (await consumer.ReceiveAsync(BusSubscriptions.Email, 1, TimeSpan.Zero, CancellationToken.None)).Single();
        await consumer.DeadLetterAsync(message, "InvalidPayload", "no recipients", CancellationToken.None);

        var dead = (await deadLetters.ListAsync(null, CancellationToken.None)).Single();
        dead.Description.ShouldBe("no recipients");
        var replayId = await deadLetters.ReplayAsync(dead.Id, CancellationToken.None);

        replayId.ShouldBe($"{message.MessageId}:replay:1");
        (await consumer.ReceiveAsync(BusSubscriptions.Email, 1, TimeSpan.Zero, CancellationToken.None)).Single().MessageId.ShouldBe(replayId);
        (await deadLetters.ListAsync(null, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DeadLetter_Id_IsOneUrlSegmentAndAlsoReplaysInTheOldSlashForm()
    {
        var (publisher, consumer, deadLetters) = CreateBus();
        await RaiseAsync(publisher, Raised(1));
        var message = (await consumer.ReceiveAsync(BusSubscriptions.Email, 1, TimeSpan.Zero, CancellationToken.None)).Single();
        await consumer.DeadLetterAsync(message, "InvalidPayload", "no recipients", CancellationToken.None);

        var dead = (await deadLetters.ListAsync(null, CancellationToken.None)).Single();

        dead.Id.ShouldNotContain('/');
        dead.Id.ShouldStartWith(BusSubscriptions.Email + ":");
        (await deadLetters.GetAsync(dead.Id, CancellationToken.None)).ShouldNotBeNull();
        (await deadLetters.ReplayAsync(dead.Id.Replace(':', '/'), CancellationToken.None)).ShouldBe($"{message.MessageId}:replay:1");
    }

    [Fact]
    public async Task Replay_UnknownId_ReturnsNull()
    {
        var (_, _, deadLetters) = CreateBus();

        (await deadLetters.ReplayAsync("email/nope", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task GetDepths_CountsActiveAndDeadPerSubscription()
    {
        var (publisher, consumer, deadLetters) = CreateBus();
        await publisher.PublishAsync([Change(1), Change(2)], CancellationToken.None);
        await RaiseAsync(publisher, Raised(1), Raised(2));
        var message = (await consumer.ReceiveAsync(BusSubscriptions.Email, 1, TimeSpan.Zero, CancellationToken.None)).Single();
        await consumer.DeadLetterAsync(message, "x", "y", CancellationToken.None);

        var depths = await deadLetters.GetDepthsAsync(CancellationToken.None);

        depths.Single(d => d.Subscription == BusSubscriptions.Email).ShouldBe(new QueueDepth(BusSubscriptions.Email, 1, 1));
        depths.Single(d => d.Subscription == BusSubscriptions.Alerts).ShouldBe(new QueueDepth(BusSubscriptions.Alerts, 2, 0));
    }
}

public sealed class InMemoryChangeBusContractTests : ChangeConsumerContract
{
    private InMemoryChangeBus? _bus;

    protected override (IChangePublisher, IChangeConsumer, IDeadLetterQueue) CreateBus(bool reopen = false)
    {
        _bus = reopen && _bus is not null ? _bus : new InMemoryChangeBus(Clock, MaxDeliveryCount, LockDuration);
        return (_bus, _bus, _bus);
    }
}
