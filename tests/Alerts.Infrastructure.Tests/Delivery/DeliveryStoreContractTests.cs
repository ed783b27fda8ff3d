using Alerts.Core.Alerts;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Testing;
using Alerts.Testing.Azurite;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>The same behaviour from the SQLite and the Table storage adapters.</summary>
public abstract class DeliveryStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);

    protected abstract IAlertStore Alerts { get; }

    protected abstract IDeliveryLedger Ledger { get; }

    protected abstract IDigestCursorStore Cursors { get; }

    /// <summary>Each test gets its own company id, so a shared Azurite holds no leftovers that matter.</summary>
    private readonly string _company = "co-" + Guid.CreateVersion7().ToString("N")[..12];

    [Fact]
    public async Task AlertStore_UpsertSameAlertTwice_KeepsOneWithTheFirstCreatedAt()
    {
        var alert = DeliveryAlerts.Sample(_company, createdAt: T0);

        await Alerts.UpsertAsync([alert], CancellationToken.None);
        await Alerts.UpsertAsync([alert with { CreatedAt = T0.AddHours(5), Severity = Severity.Critical }], CancellationToken.None);

        var found = await Alerts.QueryAsync(new AlertQuery { CompanyId = _company }, CancellationToken.None);
        found.ShouldHaveSingleItem().CreatedAt.ShouldBe(T0);
        found[0].Severity.ShouldBe(Severity.Critical);
        (await Alerts.GetAsync(alert.AlertId, CancellationToken.None)).ShouldNotBeNull().Title.ShouldBe(alert.Title);
    }

    [Fact]
    public async Task AlertStore_Query_FiltersBySeverityCategoryAndHalfOpenPeriodNewestFirst()
    {
        var a = DeliveryAlerts.Sample(_company, Severity.Low, T0, "a");
        var b = DeliveryAlerts.Sample(_company, Severity.High, T0.AddHours(1), "b");
        var c = DeliveryAlerts.Sample(_company, Severity.Critical, T0.AddHours(2), "c") with { Categories = ["drones"] };
        await Alerts.UpsertAsync([a, b, c], CancellationToken.None);

        (await Alerts.QueryAsync(new AlertQuery { CompanyId = _company }, CancellationToken.None)).Select(x => x.Title).ShouldBe(["c", "b", "a"]);
        (await Alerts.QueryAsync(new AlertQuery { CompanyId = _company, MinSeverity = Severity.High }, CancellationToken.None)).Count.ShouldBe(2);
        (await Alerts.QueryAsync(new AlertQuery { CompanyId = _company, Category = "drones" }, CancellationToken.None)).Single().Title.ShouldBe("c");
        (await Alerts.QueryAsync(new AlertQuery { CompanyId = _company, Since = T0.AddHours(1), Until = T0.AddHours(2) }, CancellationToken.None)).Single().Title.ShouldBe("b");
        (await Alerts.QueryAsync(new AlertQuery { CompanyId = _company, Limit = 1 }, CancellationToken.None)).Single().Title.ShouldBe("c");
    }

    [Fact]
    public async Task AlertStore_UnknownId_IsNull()
    {
        (await Alerts.GetAsync("nope" + _company, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Ledger_SentRecorded_IsSentForThatRecipientOnly()
    {
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0), CancellationToken.None);

        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeTrue();
        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "b@x.example", CancellationToken.None)).ShouldBeFalse();
        (await Ledger.WasSentAsync(_company, DeliveryChannel.Teams, "a@x.example", CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task Ledger_RetryingThenSent_IsSentAndRetryingNeverOverwritesSent()
    {
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Retrying, T0), CancellationToken.None);
        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeFalse();

        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Retrying, T0), CancellationToken.None);

        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Ledger_SendingRecorded_IsNotSentAndReadsBackAsSending()
    {
        (await Ledger.GetOutcomeAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeNull();

        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sending, T0), CancellationToken.None);

        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeFalse();
        (await Ledger.GetOutcomeAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Sending);
    }

    [Fact]
    public async Task Ledger_SendingThenSent_IsSent()
    {
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sending, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0), CancellationToken.None);

        (await Ledger.WasSentAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBeTrue();
        (await Ledger.GetOutcomeAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Sent);
    }

    [Fact]
    public async Task Ledger_SendingAfterSentOrFailed_NeverOverwritesTheFinalOutcome()
    {
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "b@x.example", DeliveryOutcome.Failed, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sending, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "b@x.example", DeliveryOutcome.Sending, T0), CancellationToken.None);

        (await Ledger.GetOutcomeAsync(_company, DeliveryChannel.Email, "a@x.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Sent);
        (await Ledger.GetOutcomeAsync(_company, DeliveryChannel.Email, "b@x.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Failed);
    }

    [Fact]
    public async Task Ledger_Count_TeamsCardsForCompaniesWithoutAWebhook_AreNotDeliveries()
    {
        var since = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(1_000_000));
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Teams, WebhookIdentity.Hash(null), DeliveryOutcome.Sent, since), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Teams, WebhookIdentity.Hash("https://example.webhook.office.com/x"), DeliveryOutcome.Sent, since), CancellationToken.None);

        var stats = await Ledger.CountAsync(since, CancellationToken.None);

        stats.Where(s => s.Channel == DeliveryChannel.Teams && s.Outcome == DeliveryOutcome.Sent).Sum(s => s.Count).ShouldBe(1);
    }

    [Fact]
    public async Task Ledger_ListByAlert_GivesItsFinalRowsWithDetailByChannelThenRecipientAndNoOtherAlerts()
    {
        var other = _company + "-other";
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Teams, "hook", DeliveryOutcome.Failed, T0) { Detail = "HTTP 400" }, CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "b@x.example", DeliveryOutcome.Retrying, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "b@x.example", DeliveryOutcome.Sent, T0.AddMinutes(2)) { Detail = "sg-message-2" }, CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0.AddMinutes(1)) { Detail = "sg-message-1" }, CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(other, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0), CancellationToken.None);

        var rows = await Ledger.ListAsync(_company, CancellationToken.None);

        rows.Select(r => (r.Channel, r.Recipient, r.Outcome, r.At, r.Detail)).ShouldBe(
        [
            (DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0.AddMinutes(1), "sg-message-1"),
            (DeliveryChannel.Email, "b@x.example", DeliveryOutcome.Sent, T0.AddMinutes(2), "sg-message-2"),
            (DeliveryChannel.Teams, "hook", DeliveryOutcome.Failed, T0, "HTTP 400"),
        ]);
    }

    [Fact]
    public async Task Ledger_SentWithProviderMessageId_ListsTheId()
    {
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sending, T0), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, T0.AddSeconds(1)) { ProviderMessageId = "14c5d75ce93.dfd.64b469.filter-1" }, CancellationToken.None);

        (await Ledger.ListAsync(_company, CancellationToken.None)).ShouldHaveSingleItem().ProviderMessageId.ShouldBe("14c5d75ce93.dfd.64b469.filter-1");
    }

    [Fact]
    public async Task Ledger_Count_GroupsByChannelAndOutcomeSince()
    {
        var since = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(Random.Shared.Next(1_000_000));
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "a", DeliveryOutcome.Sent, since), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "b", DeliveryOutcome.Sent, since.AddMinutes(1)), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Teams, "c", DeliveryOutcome.Failed, since.AddMinutes(1)), CancellationToken.None);
        await Ledger.RecordAsync(new DeliveryRecord(_company, DeliveryChannel.Email, "d", DeliveryOutcome.Sent, since.AddMinutes(-1)), CancellationToken.None);

        var stats = await Ledger.CountAsync(since, CancellationToken.None);

        stats.ShouldContain(new DeliveryStat(DeliveryChannel.Email, DeliveryOutcome.Sent, 2));
        stats.ShouldContain(new DeliveryStat(DeliveryChannel.Teams, DeliveryOutcome.Failed, 1));
    }

    [Fact]
    public async Task Cursors_SetThenGet_RoundTripsAndOverwrites()
    {
        (await Cursors.GetAsync(_company, "exec@x.example", CancellationToken.None)).ShouldBeNull();

        await Cursors.SetAsync(new DigestCursor(_company, "exec@x.example", T0, "daily:2026-01-06"), CancellationToken.None);
        await Cursors.SetAsync(new DigestCursor(_company, "exec@x.example", T0.AddDays(1), "daily:2026-01-07"), CancellationToken.None);

        (await Cursors.GetAsync(_company, "exec@x.example", CancellationToken.None)).ShouldBe(new DigestCursor(_company, "exec@x.example", T0.AddDays(1), "daily:2026-01-07"));
    }
}

public sealed class SqliteDeliveryStoreTests : DeliveryStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new("delivery-sqlite");

    public SqliteDeliveryStoreTests()
    {
        var database = new SqliteDatabase(_directory.Combine("alerts.db"));
        Alerts = new SqliteAlertStore(database);
        Ledger = new SqliteDeliveryLedger(database);
        Cursors = new SqliteDigestCursorStore(database);
    }

    protected override IAlertStore Alerts { get; }

    protected override IDeliveryLedger Ledger { get; }

    protected override IDigestCursorStore Cursors { get; }

    [Fact]
    public async Task Ledger_TableWrittenBeforeProviderMessageIds_GainsTheColumnAndKeepsItsRows()
    {
        var path = _directory.Combine("old.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE delivery_ledger (key TEXT PRIMARY KEY, alert_id TEXT NOT NULL, channel TEXT NOT NULL, recipient TEXT NOT NULL,
                    outcome TEXT NOT NULL, at INTEGER NOT NULL, detail TEXT);
                INSERT INTO delivery_ledger VALUES ('k-old', 'alert-old', 'Email', 'a@x.example', 'Sent', 0, NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var ledger = new SqliteDeliveryLedger(new SqliteDatabase(path));
        await ledger.RecordAsync(new DeliveryRecord("alert-new", DeliveryChannel.Email, "a@x.example", DeliveryOutcome.Sent, new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero)) { ProviderMessageId = "m-1" }, CancellationToken.None);

        (await ledger.ListAsync("alert-old", CancellationToken.None)).ShouldHaveSingleItem().ProviderMessageId.ShouldBeNull();
        (await ledger.ListAsync("alert-new", CancellationToken.None)).ShouldHaveSingleItem().ProviderMessageId.ShouldBe("m-1");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableDeliveryStoreTests : DeliveryStoreContractTests
{
    public TableDeliveryStoreTests(AzuriteFixture azurite)
    {
        var tables = new DeliveryTableClients(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString), Options.Create(new TableStorageOptions { TablePrefix = "dlvtest" }));
        Alerts = new TableAlertStore(tables);
        Ledger = new TableDeliveryLedger(tables);
        Cursors = new TableDigestCursorStore(tables);
    }

    protected override IAlertStore Alerts { get; }

    protected override IDeliveryLedger Ledger { get; }

    protected override IDigestCursorStore Cursors { get; }
}
