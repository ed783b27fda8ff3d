using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Outbox;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>The embedded default end to end: SQLite ledger and alert store, outbox senders, a bus that redelivers.</summary>
public sealed class EmbeddedDeliveryEndToEndTests : IDisposable
{
    private readonly TempDirectory _data = new("delivery-e2e");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryRedeliveringConsumer _bus = new() { RedeliverCompleted = true };
    private readonly FakeChangeArchive _archive = new();
    private readonly FakeCompanyStore _companies = new(
        new CompanyBuilder().WithId("acme").WithRecipients(
            new Recipient { Email = "a@acme.example" },
            new Recipient { Email = "b@acme.example" }).Build(),
        new CompanyBuilder().WithId("globex").WithRecipients(new Recipient { Email = "c@globex.example" }).Build());

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private string Outbox => Path.Combine(_data.Path, "outbox");

    /// <summary>A fresh process: new stores over the same database file and outbox folder.</summary>
    private SubscriptionDrainer Process()
    {
        var database = new SqliteDatabase(Path.Combine(_data.Path, "alerts.db"));
        var hosting = Options.Create(new HostingOptions { DataDirectory = _data.Path });
        return DeliveryComposition.Drainer(_bus, _bus, _archive, _companies, new DeliveryStubMatcher(Severity.High, _time), new SqliteAlertStore(database), new SqliteDeliveryLedger(database),
            new OutboxEmailSender(hosting, Options.Create(new SendGridOptions()), _time), new OutboxTeamsSender(hosting), new DeliveryOptions(), _time);
    }

    [Fact]
    public async Task NewNotice_DrainedRestartedAndRedelivered_WritesEachEmlAndCardOnce()
    {
        var notice = new NoticeBuilder().Build();
        var change = DeliveryAlerts.Change(notice);
        _archive.Add(new ChangeRecord(change, notice, null, null));
        _bus.Enqueue(Subs.Alerts, change);

        foreach (var subscription in Subs.All)
        {
            await Process().DrainAsync(subscription, CancellationToken.None);
        }

        var first = Directory.GetFiles(Outbox).Select(f => (Path.GetFileName(f), File.GetLastWriteTimeUtc(f))).Order().ToList();

        // Restart, and the bus hands every message back (completion lost).
        _bus.ExpireLocks();
        foreach (var subscription in Subs.All)
        {
            await Process().DrainAsync(subscription, CancellationToken.None);
        }

        first.Count(f => f.Item1.EndsWith(".eml")).ShouldBe(3);
        first.Count(f => f.Item1.StartsWith("teams-")).ShouldBe(2);
        Directory.GetFiles(Outbox).Select(f => (Path.GetFileName(f), File.GetLastWriteTimeUtc(f))).Order().ShouldBe(first);
    }
}
