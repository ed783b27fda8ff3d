using System.Globalization;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Core.Common;

namespace Alerts.Testing;

/// <summary>
/// The bus in memory with the Service Bus semantics the adapters promise: duplicate detection by message id,
/// a copy per subscription, PeekLock with expiry on the injected clock (FakeTimeProvider), delivery counts,
/// dead letter past <see cref="MaxDeliveryCount"/>, replay as <c>{id}:replay:{n}</c>. Both topics: a change is copied
/// to <c>alerts</c>, an <see cref="AlertsRaised"/> to each channel's subscription.
/// </summary>
public sealed class InMemoryChangeBus(TimeProvider clock, int maxDeliveryCount = 10, TimeSpan? lockDuration = null)
    : IChangePublisher, IAlertsRaisedPublisher, IChangeConsumer, IDeadLetterQueue
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<Delivery> _deliveries = [];

    public int MaxDeliveryCount { get; } = maxDeliveryCount;

    public TimeSpan LockDuration { get; } = lockDuration ?? TimeSpan.FromMinutes(1);

    /// <summary>Every publish call's ids, duplicates included (what the bus was asked to send).</summary>
    public List<string> SendAttempts { get; } = [];

    /// <summary>Ids accepted once (what subscribers will see).</summary>
    public IReadOnlyList<string> Accepted
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    public Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            foreach (var change in changes)
            {
                SendAttempts.Add(change.ChangeId);
                Enqueue(change.ChangeId, ChangeMessages.Body(change), ChangeMessages.Properties(change), Subscriptions.Of(Subscriptions.Topic));
            }
        }

        return Task.CompletedTask;
    }

    public Task PublishAsync(IReadOnlyList<AlertsRaised> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        lock (_gate)
        {
            foreach (var raised in messages)
            {
                SendAttempts.Add(raised.MessageId);
                Enqueue(raised.MessageId, AlertsRaisedMessages.Body(raised), AlertsRaisedMessages.Properties(raised), Subscriptions.Of(Subscriptions.AlertsRaisedTopic));
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var received = new List<ReceivedMessage>();
        lock (_gate)
        {
            foreach (var d in _deliveries.Where(d => d.Subscription == subscription && !d.Dead && (d.LockedUntil is null || d.LockedUntil <= now)).ToList())
            {
                if (received.Count >= maxMessages)
                {
                    break;
                }

                if (d.DeliveryCount >= MaxDeliveryCount)
                {
                    d.Dead = true;
                    d.Reason = "MaxDeliveryCountExceeded";
                    d.Description = $"Delivered {d.DeliveryCount} times without being settled.";
                    d.DeadAt = now;
                    d.LockedUntil = null;
                    continue;
                }

                d.DeliveryCount++;
                d.LockedUntil = now + LockDuration;
                d.LockToken = ContentHash.Short(subscription, d.MessageId, d.DeliveryCount.ToString(CultureInfo.InvariantCulture), now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                received.Add(new ReceivedMessage(d.MessageId, subscription, d.Body, d.DeliveryCount, d.LockToken, d.EnqueuedAt) { Properties = d.Properties });
            }
        }

        return Task.FromResult<IReadOnlyList<ReceivedMessage>>(received);
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _deliveries.Remove(Locked(message));
        }

        return Task.CompletedTask;
    }

    public Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var d = Locked(message);
            d.Dead = true;
            d.Reason = reason;
            d.Description = description;
            d.DeadAt = clock.GetUtcNow();
            d.LockedUntil = null;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(_deliveries.Where(d => d.Dead && (subscription is null || d.Subscription == subscription)).Select(ToDeadLetter).ToList());
        }
    }

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deliveries.Where(d => d.Dead && Id(d) == Canonical(id)).Select(ToDeadLetter).FirstOrDefault());
        }
    }

    public Task<string?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var d = _deliveries.FirstOrDefault(x => x.Dead && Id(x) == Canonical(id));
            if (d is null)
            {
                return Task.FromResult<string?>(null);
            }

            var marker = d.MessageId.IndexOf(":replay:", StringComparison.Ordinal);
            var original = marker > 0 ? d.MessageId[..marker] : d.MessageId;
            var n = 1;
            while (_seen.Contains($"{original}:replay:{n}"))
            {
                n++;
            }

            var newId = $"{original}:replay:{n}";
            Enqueue(newId, d.Body, d.Properties, [d.Subscription]);
            _deliveries.Remove(d);
            return Task.FromResult<string?>(newId);
        }
    }

    public Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QueueDepth>>(Subscriptions.All
                .Select(s => new QueueDepth(s, _deliveries.Count(d => d.Subscription == s && !d.Dead), _deliveries.Count(d => d.Subscription == s && d.Dead)))
                .ToList());
        }
    }

    private static string Id(Delivery d) => DeadLetterIds.Format(d.Subscription, d.MessageId);

    private static string Canonical(string id) => DeadLetterIds.TrySplit(id, out var subscription, out var local) ? DeadLetterIds.Format(subscription, local) : id;

    private static DeadLetter ToDeadLetter(Delivery d) =>
        new(Id(d), d.Subscription, d.MessageId, d.Reason ?? "", d.Description ?? "", d.DeliveryCount, d.DeadAt ?? default, d.Body);

    private void Enqueue(string messageId, string body, IReadOnlyDictionary<string, string> properties, IReadOnlyList<string> subscriptions)
    {
        if (!_seen.Add(messageId))
        {
            return;
        }

        foreach (var subscription in subscriptions)
        {
            _deliveries.Add(new Delivery(subscription, messageId, body, properties, clock.GetUtcNow()));
        }
    }

    private Delivery Locked(ReceivedMessage message)
    {
        var now = clock.GetUtcNow();
        return _deliveries.FirstOrDefault(d => d.Subscription == message.Subscription && d.MessageId == message.MessageId && !d.Dead && d.LockToken == message.LockToken && d.LockedUntil > now)
            ?? throw new MessageLockLostException($"The lock on {message.MessageId} in {message.Subscription} expired or was settled already.");
    }

    private sealed class Delivery(string subscription, string messageId, string body, IReadOnlyDictionary<string, string> properties, DateTimeOffset enqueuedAt)
    {
        public string Subscription { get; } = subscription;

        public string MessageId { get; } = messageId;

        public string Body { get; } = body;

        public IReadOnlyDictionary<string, string> Properties { get; } = properties;

        public DateTimeOffset EnqueuedAt { get; } = enqueuedAt;

        public int DeliveryCount { get; set; }

        public DateTimeOffset? LockedUntil { get; set; }

        public string? LockToken { get; set; }

        public bool Dead { get; set; }

        public string? Reason { get; set; }

        public string? Description { get; set; }

        public DateTimeOffset? DeadAt { get; set; }
    }
}
