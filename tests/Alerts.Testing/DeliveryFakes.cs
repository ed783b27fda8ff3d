using Alerts.Core;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using System.Text.Json;
using Alerts.Core.Common;
using Alerts.Core.Matching;

namespace Alerts.Testing;

/// <summary>Alerts in memory (upsert by id keeps the first CreatedAt, like the real stores).</summary>
public sealed class FakeAlertStore : IAlertStore
{
    public Dictionary<string, Alert> Alerts { get; } = [];

    public int Upserts { get; private set; }

    public Task UpsertAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        foreach (var alert in alerts)
        {
            Upserts++;
            Alerts[alert.AlertId] = Alerts.TryGetValue(alert.AlertId, out var old) ? alert with { CreatedAt = old.CreatedAt } : alert;
        }

        return Task.CompletedTask;
    }

    public Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken) => Task.FromResult(Alerts.GetValueOrDefault(alertId));

    public Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Alert>>(Alerts.Values
            .Where(a => query.CompanyId is null || a.CompanyId == query.CompanyId)
            .Where(a => query.MinSeverity is null || a.Severity >= query.MinSeverity)
            .Where(a => query.Category is null || a.Categories.Contains(query.Category))
            .Where(a => query.Since is null || a.CreatedAt >= query.Since)
            .Where(a => query.Until is null || a.CreatedAt < query.Until)
            .OrderByDescending(a => a.CreatedAt).Take(query.Limit).ToList());
}

/// <summary>A ledger in memory (thread-safe: <c>alerts run</c> drains subscriptions concurrently); final outcomes (sent, failed) count as sent.</summary>
public sealed class FakeDeliveryLedger : IDeliveryLedger
{
    public Dictionary<string, DeliveryRecord> Records { get; } = [];

    public Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        lock (Records)
        {
            return Task.FromResult(Records.TryGetValue(new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key, out var r) && IsFinal(r.Outcome));
        }
    }

    public Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        lock (Records)
        {
            return Task.FromResult(Records.TryGetValue(new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key, out var r) ? r.Outcome : (DeliveryOutcome?)null);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken)
    {
        lock (Records)
        {
            return Task.FromResult<IReadOnlyList<DeliveryRecord>>([.. Records.Values
                .Where(r => r.AlertId == alertId)
                .OrderBy(r => r.Channel.ToString(), StringComparer.Ordinal)
                .ThenBy(r => r.Recipient, StringComparer.Ordinal)]);
        }
    }

    public Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        // Like the SQLite and Table ledgers: a cancelled token writes nothing (so a write on the host's stop token is lost).
        cancellationToken.ThrowIfCancellationRequested();
        lock (Records)
        {
            if (!Records.TryGetValue(record.Key, out var old) || !IsFinal(old.Outcome))
            {
                Records[record.Key] = record;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (Records)
        {
            return Task.FromResult<IReadOnlyList<DeliveryStat>>(Records.Values.Where(r => r.At >= since).GroupBy(r => (r.Channel, r.Outcome))
                .Select(g => new DeliveryStat(g.Key.Channel, g.Key.Outcome, g.Count())).ToList());
        }
    }

    private static bool IsFinal(DeliveryOutcome outcome) => outcome is DeliveryOutcome.Sent or DeliveryOutcome.Failed;
}

public sealed class FakeDigestCursorStore : IDigestCursorStore
{
    public Dictionary<(string, string), DigestCursor> Cursors { get; } = [];

    public Task<DigestCursor?> GetAsync(string companyId, string email, CancellationToken cancellationToken) =>
        Task.FromResult(Cursors.GetValueOrDefault((companyId, email)));

    public Task SetAsync(DigestCursor cursor, CancellationToken cancellationToken)
    {
        Cursors[(cursor.CompanyId, cursor.Email)] = cursor;
        return Task.CompletedTask;
    }
}

/// <summary>Matches every company, with a fixed severity and one term reason: the delivery tests don't test matching.</summary>
public sealed class DeliveryStubMatcher(Severity severity = Severity.High, TimeProvider? time = null) : INoticeMatcher
{
    public IReadOnlyList<Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies) =>
        companies.Select(c => DeliveryAlerts.For(change, c.Id, severity, (time ?? TimeProvider.System).GetUtcNow())).ToList();
}

public static class DeliveryAlerts
{
    public static ChangeEvent Change(Notice notice, DateTimeOffset? at = null) =>
        ChangeEvent.From(notice, ChangeKind.Added, ContentHash.Short(notice.Key, notice.Title), at ?? new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public static Alert For(ChangeEvent change, string companyId, Severity severity, DateTimeOffset createdAt) => new()
    {
        AlertId = Alert.IdFor(change.ChangeId, companyId),
        ChangeId = change.ChangeId,
        CompanyId = companyId,
        Severity = severity,
        Reasons = [new AlertReason(ReasonKind.Destination, "JP", "对日本出口管制")],
        Categories = ["rare-earths"],
        NoticeKey = change.NoticeKey,
        SourceId = change.SourceId,
        Title = change.Title,
        TitleGloss = "MOFCOM Announcement 2026 No. 1: export controls on dual-use items to Japan",
        Number = change.Number,
        Url = change.Url,
        Published = change.Published,
        Effective = change.Effective,
        Measure = change.Measure.ToWire(),
        Destinations = change.Destinations,
        CreatedAt = createdAt,
    };

    public static Alert Sample(string companyId = "acme-trading", Severity severity = Severity.High, DateTimeOffset? createdAt = null, string? title = null)
    {
        var notice = title is null ? new NoticeBuilder().Build() : new NoticeBuilder().WithTitle(title).WithKey("k:" + title).Build();
        return For(Change(notice), companyId, severity, createdAt ?? new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    }
}

/// <summary>
/// A PeekLock consumer in memory: what is neither completed nor dead-lettered comes back on a later receive with its
/// delivery count one higher (lock expiry), so tests see redelivery. As the <c>alerts-raised</c> publisher it
/// enqueues each message to every channel's subscription (or to <see cref="RaisedTo"/>), without duplicate detection,
/// so a re-publish is seen as a redelivery.
/// </summary>
public sealed class DeliveryRedeliveringConsumer : IChangeConsumer, IAlertsRaisedPublisher
{
    /// <summary>The channel subscriptions an <see cref="AlertsRaised"/> is copied to.</summary>
    public IReadOnlyList<string> RaisedTo { get; set; } = Alerts.Core.Messaging.Subscriptions.Channels;

    /// <summary>Every <see cref="AlertsRaised"/> published, in order.</summary>
    public List<AlertsRaised> Raised { get; } = [];

    public Task PublishAsync(IReadOnlyList<AlertsRaised> messages, CancellationToken cancellationToken)
    {
        foreach (var raised in messages)
        {
            lock (_queue)
            {
                Raised.Add(raised);
            }

            foreach (var subscription in RaisedTo)
            {
                Enqueue(subscription, raised);
            }
        }

        return Task.CompletedTask;
    }

    public void Enqueue(string subscription, AlertsRaised raised) => Enqueue(subscription, raised.MessageId, AlertsRaisedMessages.Body(raised));

    private readonly List<ReceivedMessage> _queue = [];
    private int _lock;

    public List<ReceivedMessage> Completed { get; } = [];

    public List<ReceivedMessage> LeftForRetry { get; } = [];

    public List<(ReceivedMessage Message, string Reason, string Description)> DeadLettered { get; } = [];

    /// <summary>Redeliver even completed messages (a lost completion, or the bus delivering twice).</summary>
    public bool RedeliverCompleted { get; set; }

    public void Enqueue(string subscription, ChangeEvent change) => Enqueue(subscription, change.ChangeId, JsonSerializer.Serialize(change, AlertsJson.Web));

    public void Enqueue(string subscription, string messageId, string body)
    {
        lock (_queue)
        {
            _queue.Add(new ReceivedMessage(messageId, subscription, body, 0, "", DateTimeOffset.UnixEpoch));
        }
    }

    public int Pending => _queue.Count;

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        // Locked: alerts run drains the subscriptions concurrently over one bus.
        lock (_queue)
        {
            var batch = _queue.Where(m => m.Subscription == subscription).Take(maxMessages).ToList();
            foreach (var message in batch)
            {
                _queue.Remove(message);
            }

            return Task.FromResult<IReadOnlyList<ReceivedMessage>>(batch.Select(m => m with { DeliveryCount = m.DeliveryCount + 1, LockToken = $"lock-{++_lock}" }).ToList());
        }
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a settlement on a cancelled token does not reach the bus
        lock (_queue)
        {
            Completed.Add(message);
        }

        return Task.CompletedTask;
    }

    public Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a settlement on a cancelled token does not reach the bus
        lock (_queue)
        {
            LeftForRetry.Add(message);
        }

        return Task.CompletedTask;
    }

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested(); // a settlement on a cancelled token does not reach the bus
        lock (_queue)
        {
            DeadLettered.Add((message, reason, description));
        }

        return Task.CompletedTask;
    }

    /// <summary>Lock expiry: unsettled (and, if asked, completed) messages become receivable again.</summary>
    public void ExpireLocks()
    {
        _queue.AddRange(LeftForRetry);
        LeftForRetry.Clear();
        if (RedeliverCompleted)
        {
            _queue.AddRange(Completed);
            Completed.Clear();
        }
    }
}
