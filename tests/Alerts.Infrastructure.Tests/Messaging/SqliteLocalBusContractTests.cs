using Alerts.Core.Messaging;
using BusSubscriptions = Alerts.Core.Messaging.Subscriptions;
using Alerts.Infrastructure.LocalBus;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Alerts.Core.Changes;

namespace Alerts.Infrastructure.Tests.Messaging;

public sealed class SqliteLocalBusContractTests : ChangeConsumerContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override (IChangePublisher, IChangeConsumer, IDeadLetterQueue) CreateBus(bool reopen = false)
    {
        var bus = new SqliteLocalBus(
            new SqliteDatabase(_directory.Combine("alerts.db")),
            Options.Create(new LocalBusOptions { MaxDeliveryCount = MaxDeliveryCount, LockDuration = LockDuration }),
            Clock);
        return (bus, bus, bus);
    }

    [Fact]
    public async Task Receive_AfterRestart_StillDeliversWhatWasPublished()
    {
        var (publisher, _, _) = CreateBus();
        await publisher.PublishAsync([Core.Changes.ChangeEvent.From(new NoticeBuilder().Build(), Core.Changes.ChangeKind.Added, "h", Clock.GetUtcNow())], CancellationToken.None);

        var (_, consumer, _) = CreateBus(reopen: true);

        (await consumer.ReceiveAsync(BusSubscriptions.Alerts, 10, TimeSpan.Zero, CancellationToken.None)).Count.ShouldBe(1);
    }

    public void Dispose() => _directory.Dispose();
}
