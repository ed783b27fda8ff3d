using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Infrastructure.ServiceBus;
using Alerts.Testing;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Microsoft.Extensions.Time.Testing;
using Azure.Messaging.ServiceBus.Administration;

namespace Alerts.Infrastructure.Tests.Messaging;

public sealed class ServiceBusChangeBusTests
{
    private readonly ServiceBusClient _client = Substitute.For<ServiceBusClient>();
    private readonly ServiceBusSender _sender = Substitute.For<ServiceBusSender>();
    private readonly ServiceBusReceiver _receiver = Substitute.For<ServiceBusReceiver>();
    private readonly List<List<ServiceBusMessage>> _sentBatches = [];

    public ServiceBusChangeBusTests()
    {
        _client.CreateSender("changes").Returns(_sender);
        _client.CreateReceiver("changes", Arg.Any<string>(), Arg.Any<ServiceBusReceiverOptions>()).Returns(_receiver);
        _client.CreateReceiver("alerts-raised", Arg.Any<string>(), Arg.Any<ServiceBusReceiverOptions>()).Returns(_receiver);
    }

    [Theory]
    [InlineData("alerts", "changes")]
    [InlineData("email", "alerts-raised")]
    [InlineData("teams", "alerts-raised")]
    public async Task ReceiveAsync_Subscription_ReceivesFromTheTopicItBelongsTo(string subscription, string topic)
    {
        _receiver.ReceiveMessagesAsync(Arg.Any<int>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns([]);

        await Bus().ReceiveAsync(subscription, 10, TimeSpan.FromSeconds(1), CancellationToken.None);

        _client.Received(1).CreateReceiver(topic, subscription, Arg.Any<ServiceBusReceiverOptions>());
    }

    private ServiceBusChangeBus Bus() => new(_client, Options.Create(new ServiceBusOptions { ConnectionString = "x" }));

    private static ChangeEvent Change(int n) => ChangeEvent.From(
        new NoticeBuilder().WithKey($"cn-mofcom:2026:{n}").Build(), ChangeKind.Amended, $"h{n}", new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Batches that hold <paramref name="capacity"/> messages each; sends are recorded.</summary>
    private void BatchesOf(int capacity)
    {
        _sender.CreateMessageBatchAsync(Arg.Any<CancellationToken>()).Returns(_ =>
        {
            var store = new List<ServiceBusMessage>();
            _sentBatches.Add(store);
            return ServiceBusModelFactory.ServiceBusMessageBatch(1024, store, tryAddCallback: _ => store.Count < capacity);
        });
    }

    [Fact]
    public async Task PublishAsync_Change_SetsIdSubjectPropertiesAndContentType()
    {
        BatchesOf(10);

        await Bus().PublishAsync([Change(1)], CancellationToken.None);

        var message = _sentBatches.Single().Single();
        message.MessageId.ShouldBe(Change(1).ChangeId);
        message.ContentType.ShouldBe("application/json");
        message.Subject.ShouldStartWith("amended: ");
        message.ApplicationProperties["source"].ShouldBe("cn-mofcom-announcements");
        message.ApplicationProperties["kind"].ShouldBe("amended");
        message.ApplicationProperties["noticeKey"].ShouldBe("cn-mofcom:2026:1");
        message.ApplicationProperties["schemaVersion"].ShouldBe("1");
    }

    [Fact]
    public async Task PublishAsync_MoreThanABatchHolds_SplitsIntoSeveralSends()
    {
        BatchesOf(2);

        await Bus().PublishAsync([Change(1), Change(2), Change(3), Change(4), Change(5)], CancellationToken.None);

        await _sender.Received(3).SendMessagesAsync(Arg.Any<ServiceBusMessageBatch>(), Arg.Any<CancellationToken>());
        _sentBatches.SelectMany(b => b).Select(m => m.MessageId).ShouldBe([.. Enumerable.Range(1, 5).Select(n => Change(n).ChangeId)]);
    }

    [Fact]
    public async Task PublishAsync_MessageLargerThanAnEmptyBatch_Throws()
    {
        BatchesOf(0);

        await Should.ThrowAsync<InvalidOperationException>(() => Bus().PublishAsync([Change(1)], CancellationToken.None));
    }

    private async Task<(ServiceBusChangeBus Bus, ReceivedMessage Message, ServiceBusReceivedMessage Raw)> ReceiveOneAsync()
    {
        var raw = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"),
            messageId: "abc",
            lockTokenGuid: Guid.Parse("11111111-1111-1111-1111-111111111111"),
            deliveryCount: 2,
            properties: new Dictionary<string, object> { ["kind"] = "added" });
        _receiver.ReceiveMessagesAsync(Arg.Any<int>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns([raw]);
        var bus = Bus();
        var message = (await bus.ReceiveAsync(Core.Messaging.Subscriptions.Email, 10, TimeSpan.FromSeconds(1), CancellationToken.None)).Single();
        return (bus, message, raw);
    }

    [Fact]
    public async Task ReceiveAsync_Message_MapsIdCountAndProperties()
    {
        var (_, message, _) = await ReceiveOneAsync();

        message.MessageId.ShouldBe("abc");
        message.DeliveryCount.ShouldBe(2);
        message.Properties["kind"].ShouldBe("added");
        message.Subscription.ShouldBe(Core.Messaging.Subscriptions.Email);
    }

    [Fact]
    public async Task CompleteAsync_Received_CompletesOnTheReceiver()
    {
        var (bus, message, raw) = await ReceiveOneAsync();

        await bus.CompleteAsync(message, CancellationToken.None);

        await _receiver.Received(1).CompleteMessageAsync(raw, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DeadLetterAsync_Received_PassesReasonAndDescription()
    {
        var (bus, message, raw) = await ReceiveOneAsync();

        await bus.DeadLetterAsync(message, "InvalidPayload", "no body", CancellationToken.None);

        await _receiver.Received(1).DeadLetterMessageAsync(raw, "InvalidPayload", "no body", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task LeaveForRetryAsync_Received_DoesNotAbandon()
    {
        var (bus, message, _) = await ReceiveOneAsync();

        await bus.LeaveForRetryAsync(message, CancellationToken.None);

        await _receiver.DidNotReceiveWithAnyArgs().AbandonMessageAsync(default!, default, default);
    }

    [Fact]
    public async Task CompleteAsync_LockLost_ThrowsMessageLockLost()
    {
        var (bus, message, raw) = await ReceiveOneAsync();
        _receiver.CompleteMessageAsync(raw, Arg.Any<CancellationToken>())
            .ThrowsAsync(new ServiceBusException("lock lost", ServiceBusFailureReason.MessageLockLost));

        await Should.ThrowAsync<MessageLockLostException>(() => bus.CompleteAsync(message, CancellationToken.None));
    }

    [Theory]
    [InlineData("abc", "abc:replay:1")]
    [InlineData("abc:replay:1", "abc:replay:2")]
    public void ReplayId_Always_CountsUp(string id, string expected) => ServiceBusChangeBus.ReplayId(id).ShouldBe(expected);

    [Fact]
    public async Task ReceiveAsync_DrainAsksToWaitLong_WaitsAtMostMaxReceiveWait()
    {
        _receiver.ReceiveMessagesAsync(Arg.Any<int>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns([]);

        await Bus().ReceiveAsync(Core.Messaging.Subscriptions.Email, 10, TimeSpan.FromSeconds(5), CancellationToken.None);

        await _receiver.Received(1).ReceiveMessagesAsync(10, TimeSpan.FromSeconds(1), Arg.Any<CancellationToken>());
    }

    private (ServiceBusChangeBus Bus, FakeTimeProvider Time, TaskCompletionSource Renewed) HeldMessageBus()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
        var raw = ServiceBusModelFactory.ServiceBusReceivedMessage(
            body: BinaryData.FromString("{}"),
            messageId: "abc",
            lockTokenGuid: Guid.Parse("22222222-2222-2222-2222-222222222222"),
            lockedUntil: time.GetUtcNow().AddMinutes(5));
        _receiver.ReceiveMessagesAsync(Arg.Any<int>(), Arg.Any<TimeSpan?>(), Arg.Any<CancellationToken>()).Returns([raw]);
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiver.RenewMessageLockAsync(raw, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            renewed.TrySetResult();
            return Task.CompletedTask;
        });
        return (new ServiceBusChangeBus(_client, Options.Create(new ServiceBusOptions { ConnectionString = "x" }), null, time), time, renewed);
    }

    [Fact]
    public async Task ReceiveAsync_MessageHeldPastItsLock_RenewsTheLockBeforeItRunsOut()
    {
        var (bus, time, renewed) = HeldMessageBus();
        await bus.ReceiveAsync(Core.Messaging.Subscriptions.Email, 10, TimeSpan.FromSeconds(1), CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(31));

        await renewed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CompleteAsync_AfterCompletion_NoMoreRenewals()
    {
        var (bus, time, _) = HeldMessageBus();
        var message = (await bus.ReceiveAsync(Core.Messaging.Subscriptions.Email, 10, TimeSpan.FromSeconds(1), CancellationToken.None)).Single();

        await bus.CompleteAsync(message, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(20));

        await _receiver.DidNotReceiveWithAnyArgs().RenewMessageLockAsync(default(ServiceBusReceivedMessage)!, default);
    }

    [Fact]
    public async Task LeaveForRetryAsync_StopsRenewingSoTheLockExpiryIsTheBackOff()
    {
        var (bus, time, _) = HeldMessageBus();
        var message = (await bus.ReceiveAsync(Core.Messaging.Subscriptions.Email, 10, TimeSpan.FromSeconds(1), CancellationToken.None)).Single();

        await bus.LeaveForRetryAsync(message, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(20));

        await _receiver.DidNotReceiveWithAnyArgs().RenewMessageLockAsync(default(ServiceBusReceivedMessage)!, default);
    }

    [Fact]
    public async Task GetDepthsAsync_NoManageRight_SaysUnknownInsteadOfFailing()
    {
        var administration = Substitute.For<ServiceBusAdministrationClient>();
        administration.GetSubscriptionRuntimePropertiesAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new UnauthorizedAccessException("Manage,EntityRead claims required for this operation."));
        var bus = new ServiceBusChangeBus(_client, Options.Create(new ServiceBusOptions { ConnectionString = "x" }), administration);

        var depths = await bus.GetDepthsAsync(CancellationToken.None);

        depths.Select(d => d.Subscription).ShouldBe(Core.Messaging.Subscriptions.All);
        depths.ShouldAllBe(d => d.Active == null && d.DeadLettered == null);
    }
}
