using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Outbox;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>
/// Issue 12 item 4: crashes and stops in the middle of e-mail delivery, over the embedded default (SQLite ledger, real
/// outbox sender). Sends are counted per (alert, recipient) from the outbox's write events (each completed rename),
/// not from file names, which a second write would only replace.
/// </summary>
public sealed class DeliveryCrashTests
{
    public enum CrashPoint
    {
        /// <summary>The process dies half-way through writing a recipient's file (a <c>.eml.tmp</c> is left): between recipients.</summary>
        BetweenRecipients,

        /// <summary>The outbox accepted (file renamed into place), then the process dies before the ledger write.</summary>
        AfterAcceptBeforeLedger,

        /// <summary>SIGINT right after a successful send: the host's token is cancelled, the process goes on shutting down.</summary>
        StopAfterSend,
    }

    private const int Trials = 20;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 0; seed < Trials; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task DrainAsync_CrashOrStopAtASeededPoint_RedeliveryLosesNoneAndDuplicatesNone(int seed)
    {
        var point = (CrashPoint)(seed % 3);
        using var world = new CrashWorld();
        var expected = world.PublishAll();
        var crashAt = new Random(seed).Next(1, expected.Count + 1);

        using (var stop = new CancellationTokenSource())
        {
            var first = world.Process(new CrashPlan(point, crashAt, stop));
            await first.DrainAsync(Subs.Email, stop.Token);
        }

        for (var restart = 0; restart < 5 && world.HasWork; restart++)
        {
            OutboxTemporaryCleaner.Clean(world.Outbox);
            world.Bus.ExpireLocks();
            using var stop = new CancellationTokenSource();
            await world.Process(null).DrainAsync(Subs.Email, stop.Token);
        }

        var counts = world.Writes.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        expected.Where(e => !counts.ContainsKey(e)).ShouldBeEmpty($"lost ({point} at send {crashAt})");
        counts.Where(c => c.Value > 1).Select(c => c.Key).ShouldBeEmpty($"duplicated ({point} at send {crashAt})");
        counts.Keys.Except(expected).ShouldBeEmpty();
        Directory.GetFiles(world.Outbox, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public void Clean_StaleTemporaryFiles_RemovesOnlyThisAppsOwn()
    {
        using var data = new TempDirectory("outbox-clean");
        File.WriteAllText(data.Combine("alert-acme-c1_acme-0123456789ab.eml.tmp"), "half");
        File.WriteAllText(data.Combine("digest-acme-daily_2026-01-06-0123456789ab.eml.tmp"), "half");
        File.WriteAllText(data.Combine("teams-acme-abcdef.json.tmp"), "half");
        File.WriteAllText(data.Combine("alert-acme-c1_acme-0123456789ab.eml"), "whole");
        File.WriteAllText(data.Combine("notes.tmp"), "someone else's");
        File.WriteAllText(data.Combine("alert-acme.eml.tmp"), "not our pattern");

        OutboxTemporaryCleaner.Clean(data.Path).ShouldBe(3);

        Directory.GetFiles(data.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["alert-acme-c1_acme-0123456789ab.eml", "alert-acme.eml.tmp", "notes.tmp"]);
    }

    private sealed record CrashPlan(CrashPoint Point, int AtSend, CancellationTokenSource Stop);

    /// <summary>One data folder and bus that outlive the simulated processes.</summary>
    private sealed class CrashWorld : IDisposable
    {
        private readonly TempDirectory _data = new("delivery-crash");
        private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
        private readonly FakeChangeArchive _archive = new();
        private static readonly Company[] Tenants =
        [
            new CompanyBuilder().WithId("acme").WithRecipients(Recipients("acme", 4)).Build(),
            new CompanyBuilder().WithId("globex").WithRecipients(Recipients("globex", 3)).Build(),
            new CompanyBuilder().WithId("initech").WithRecipients(Recipients("initech", 2)).Build(),
        ];

        private readonly FakeCompanyStore _companies = new(Tenants);

        private readonly DeliveryRedeliveringConsumer _changes = new();

        public DeliveryRedeliveringConsumer Bus { get; } = new() { RedeliverCompleted = true };

        /// <summary>(alert, recipient) once per completed outbox write, across every process.</summary>
        public List<(string AlertId, string Recipient)> Writes { get; } = [];

        public string Outbox => Path.Combine(_data.Path, "outbox");

        public bool HasWork => Bus.Pending > 0 || Bus.LeftForRetry.Count > 0 || Bus.Completed.Count > 0;

        private static Recipient[] Recipients(string company, int count) =>
            [.. Enumerable.Range(1, count).Select(i => new Recipient { Email = $"r{i}@{company}.example" })];

        /// <summary>Four changes matched and stored, raised to the <c>email</c> subscription; returns every (alert, recipient) that must get one e-mail.</summary>
        public List<(string, string)> PublishAll()
        {
            var expected = new List<(string, string)>();
            for (var i = 0; i < 4; i++)
            {
                var notice = new NoticeBuilder().WithKey($"k{i}").WithTitle($"Announcement {i}").Build();
                var change = DeliveryAlerts.Change(notice);
                _archive.Add(new ChangeRecord(change, notice, null, null));
                _changes.Enqueue(Subs.Alerts, change);
                foreach (var company in Tenants)
                {
                    expected.AddRange(company.Recipients.Select(r => (Core.Alerts.Alert.IdFor(change.ChangeId, company.Id), r.Email)));
                }
            }

            // Matched once and stored before any e-mail process runs; only the alerts-raised messages reach Bus.
            Bus.RaisedTo = [Subs.Email];
            var database = new SqliteDatabase(Path.Combine(_data.Path, "alerts.db"));
            var hosting = Options.Create(new HostingOptions { DataDirectory = _data.Path });
            DeliveryComposition.Drainer(_changes, Bus, _archive, _companies, new DeliveryStubMatcher(Severity.High, _time), new SqliteAlertStore(database),
                new SqliteDeliveryLedger(database), new OutboxEmailSender(hosting, Options.Create(new SendGridOptions()), _time), new OutboxTeamsSender(hosting),
                new DeliveryOptions(), _time).DrainAsync(Subs.Alerts, CancellationToken.None).GetAwaiter().GetResult();
            return expected;
        }

        /// <summary>A fresh process over the same database file and outbox; with a plan, it dies or is stopped once.</summary>
        public SubscriptionDrainer Process(CrashPlan? plan)
        {
            var database = new SqliteDatabase(Path.Combine(_data.Path, "alerts.db"));
            var hosting = Options.Create(new HostingOptions { DataDirectory = _data.Path });
            var delivery = Options.Create(new DeliveryOptions());
            var life = new ProcessLife();
            var sender = new CrashingSender(new OutboxEmailSender(hosting, Options.Create(new SendGridOptions()), _time), hosting.Value.OutboxDirectory, plan, life, Writes);
            return DeliveryComposition.Drainer(new DyingConsumer(Bus, life), Bus, _archive, _companies, new DeliveryStubMatcher(Severity.High, _time),
                new SqliteAlertStore(database), new DyingLedger(new SqliteDeliveryLedger(database), life), sender, new OutboxTeamsSender(hosting),
                delivery.Value, _time);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _data.Dispose();
        }
    }

    /// <summary>Once dead, a process writes nothing more: no ledger rows, no settlements, no sends.</summary>
    private sealed class ProcessLife
    {
        public bool Dead { get; set; }

        public void ThrowIfDead()
        {
            if (Dead)
            {
                throw new IOException("the process is dead");
            }
        }
    }

    private sealed class CrashingSender(IEmailSender outbox, string directory, CrashPlan? plan, ProcessLife life, List<(string, string)> writes) : IEmailSender
    {
        private int _sends;

        public async Task<IReadOnlyList<EmailRecipientResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            life.ThrowIfDead();
            var number = ++_sends;
            if (plan is { Point: CrashPoint.BetweenRecipients } && number == plan.AtSend)
            {
                // Killed while writing: only the temporary file exists.
                Directory.CreateDirectory(directory);
                await File.WriteAllTextAsync(Path.Combine(directory, OutboxEmailSender.FileName(message, message.Recipients[0]) + ".tmp"), "half", cancellationToken);
                life.Dead = true;
                throw new IOException("killed mid-write");
            }

            var results = await outbox.SendAsync(message, cancellationToken);
            writes.AddRange(results.Where(r => r.Result.Status == SendStatus.Sent).Select(r => (message.Key, r.Recipient)));
            if (plan is { Point: CrashPoint.AfterAcceptBeforeLedger } && number == plan.AtSend)
            {
                life.Dead = true;
                throw new IOException("killed after the outbox accepted");
            }

            if (plan is { Point: CrashPoint.StopAfterSend } && number == plan.AtSend)
            {
                await plan.Stop.CancelAsync();
            }

            return results;
        }

        public Task<bool> WasDeliveredAsync(EmailMessage message, string recipient, CancellationToken cancellationToken) =>
            outbox.WasDeliveredAsync(message, recipient, cancellationToken);
    }

    private sealed class DyingLedger(IDeliveryLedger inner, ProcessLife life) : IDeliveryLedger
    {
        public Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken) =>
            inner.WasSentAsync(alertId, channel, recipient, cancellationToken);

        public Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
        {
            life.ThrowIfDead();
            return inner.GetOutcomeAsync(alertId, channel, recipient, cancellationToken);
        }

        public Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
        {
            life.ThrowIfDead();
            return inner.RecordAsync(record, cancellationToken);
        }

        public Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken) => inner.CountAsync(since, cancellationToken);
        public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken) => inner.ListAsync(alertId, cancellationToken);
    }

    private sealed class DyingConsumer(DeliveryRedeliveringConsumer inner, ProcessLife life) : IChangeConsumer
    {
        public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            life.ThrowIfDead();
            return inner.ReceiveAsync(subscription, maxMessages, maxWait, cancellationToken);
        }

        public async Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
        {
            await LockExpiresIfDeadAsync(message, cancellationToken);
            await inner.CompleteAsync(message, cancellationToken);
        }

        public Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken) => inner.LeaveForRetryAsync(message, cancellationToken);

        public async Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
        {
            await LockExpiresIfDeadAsync(message, cancellationToken);
            await inner.DeadLetterAsync(message, reason, description, cancellationToken);
        }

        /// <summary>A dead process settles nothing: its lock expires and the bus hands the message back.</summary>
        private async Task LockExpiresIfDeadAsync(ReceivedMessage message, CancellationToken cancellationToken)
        {
            if (life.Dead)
            {
                await inner.LeaveForRetryAsync(message, cancellationToken);
                life.ThrowIfDead();
            }
        }
    }
}
