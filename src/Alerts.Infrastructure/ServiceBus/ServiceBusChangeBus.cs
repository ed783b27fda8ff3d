using System.Collections.Concurrent;
using System.Globalization;
using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Options;
using BusSubscriptions = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>
/// The Service Bus topic behind the bus ports. MessageId = change id, so the topic's duplicate detection drops the
/// re-send that follows a crash between publish and save. Receivers use PeekLock without prefetch; "leave for retry"
/// does not abandon (an abandon makes the message receivable at once and burns its delivery count): the lock expiry
/// is the back-off. The consumer side serves both topics: each subscription is received from the topic it belongs to.
/// </summary>
internal sealed class ServiceBusChangeBus(
    ServiceBusClient client,
    IOptions<ServiceBusOptions> options,
    ServiceBusAdministrationClient? administration = null,
    TimeProvider? time = null)
    : IChangePublisher, IChangeConsumer, IDeadLetterQueue, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ServiceBusReceiver> _receivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceBusReceivedMessage> _locked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _renewals = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, ServiceBusSender> _replaySenders = new(StringComparer.Ordinal);
    private ServiceBusSender? _sender;

    private string Topic => options.Value.TopicName;

    private ServiceBusSender Sender => _sender ??= client.CreateSender(Topic);

    /// <summary>
    /// <c>alerts</c> is a subscription of <c>changes</c>; the channels' (<c>email</c>, <c>teams</c>) are of
    /// <c>alerts-raised</c>, which <see cref="ServiceBusAlertsRaisedPublisher"/> sends to.
    /// </summary>
    internal string TopicOf(string subscription) =>
        BusSubscriptions.TopicOf(subscription) == BusSubscriptions.AlertsRaisedTopic ? options.Value.AlertsRaisedTopicName : Topic;

    public static ServiceBusMessage ToMessage(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ServiceBusBatches.Message(ChangeMessages.Body(change), change.ChangeId, ChangeMessages.Subject(change), ChangeMessages.Properties(change));
    }

    public async Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await ServiceBusBatches.SendAsync(Sender, changes.Select(ToMessage), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var receiver = Receiver(subscription, deadLetters: false);
        var wait = maxWait < options.Value.MaxReceiveWait ? maxWait : options.Value.MaxReceiveWait;
        var messages = await receiver.ReceiveMessagesAsync(maxMessages, wait, cancellationToken).ConfigureAwait(false);
        var received = new List<ReceivedMessage>(messages.Count);
        foreach (var message in messages)
        {
            _locked[message.LockToken] = message;
            StartRenewing(receiver, message);
            received.Add(new ReceivedMessage(message.MessageId, subscription, message.Body.ToString(), message.DeliveryCount, message.LockToken, message.EnqueuedTime)
            {
                Properties = Properties(message),
            });
        }

        return received;
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        SettleAsync(message, (receiver, m) => receiver.CompleteMessageAsync(m, cancellationToken));

    public Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _locked.TryRemove(message.LockToken, out _);

        // Stop renewing: the lock's expiry is the back-off.
        StopRenewing(message.LockToken);
        return Task.CompletedTask;
    }

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken) =>
        SettleAsync(message, (receiver, m) => receiver.DeadLetterMessageAsync(m, reason, description, cancellationToken));

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken)
    {
        var list = new List<DeadLetter>();
        foreach (var sub in subscription is null ? BusSubscriptions.All : [subscription])
        {
            var messages = await Receiver(sub, deadLetters: true).PeekMessagesAsync(100, cancellationToken: cancellationToken).ConfigureAwait(false);
            list.AddRange(messages.Select(m => ToDeadLetter(sub, m)));
        }

        return list;
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var subscription, out var sequence))
        {
            return null;
        }

        var messages = await Receiver(subscription, deadLetters: true).PeekMessagesAsync(1, sequence, cancellationToken).ConfigureAwait(false);
        return messages is [var m] && m.SequenceNumber == sequence ? ToDeadLetter(subscription, m) : null;
    }

    public async Task<string?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var subscription, out var sequence))
        {
            return null;
        }

        var receiver = Receiver(subscription, deadLetters: true);
        var searched = 0;
        var passedOver = new List<ServiceBusReceivedMessage>();
        try
        {
            while (searched < options.Value.ReplaySearchLimit)
            {
                var batch = await receiver.ReceiveMessagesAsync(50, TimeSpan.FromSeconds(2), cancellationToken).ConfigureAwait(false);
                if (batch.Count == 0)
                {
                    return null;
                }

                searched += batch.Count;
                foreach (var message in batch)
                {
                    if (message.SequenceNumber != sequence)
                    {
                        passedOver.Add(message);
                        continue;
                    }

                    // A copy with the original id inside the duplicate window is silently dropped: give it a new one.
                    // To the topic the dead letter came from (its sibling subscriptions get a copy too; the stores and the
                    // ledger make that harmless).
                    var clone = new ServiceBusMessage(message) { MessageId = ReplayId(message.MessageId) };
                    var topic = TopicOf(subscription);
                    var sender = topic == Topic ? Sender : _replaySenders.GetOrAdd(topic, t => client.CreateSender(t));
                    await sender.SendMessageAsync(clone, cancellationToken).ConfigureAwait(false);
                    await receiver.CompleteMessageAsync(message, cancellationToken).ConfigureAwait(false);
                    return clone.MessageId;
                }
            }

            return null;
        }
        finally
        {
            foreach (var message in passedOver)
            {
                await receiver.AbandonMessageAsync(message, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken)
    {
        if (administration is null)
        {
            return [.. BusSubscriptions.All.Select(sub => new QueueDepth(sub, null, null))];
        }

        var depths = new List<QueueDepth>();
        foreach (var sub in BusSubscriptions.All)
        {
            try
            {
                var runtime = await administration.GetSubscriptionRuntimePropertiesAsync(TopicOf(sub), sub, cancellationToken).ConfigureAwait(false);
                depths.Add(new QueueDepth(sub, runtime.Value.ActiveMessageCount, runtime.Value.DeadLetterMessageCount));
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or Azure.RequestFailedException or ServiceBusException)
            {
                // Runtime properties need the Manage right; the app holds Data Sender/Receiver only (by design): unknown,
                // not a failed status page.
                depths.Add(new QueueDepth(sub, null, null));
            }
        }

        return depths;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var token in _renewals.Keys.ToList())
        {
            StopRenewing(token);
        }

        foreach (var receiver in _receivers.Values)
        {
            await receiver.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var sender in _replaySenders.Values)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
        }

        if (_sender is not null)
        {
            await _sender.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary><c>{id}</c> → <c>{id}:replay:1</c>, <c>{id}:replay:1</c> → <c>{id}:replay:2</c>.</summary>
    internal static string ReplayId(string messageId)
    {
        var marker = messageId.LastIndexOf(":replay:", StringComparison.Ordinal);
        if (marker > 0 && int.TryParse(messageId[(marker + 8)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{messageId[..marker]}:replay:{n + 1}");
        }

        return messageId + ":replay:1";
    }

    private static Dictionary<string, string> Properties(ServiceBusReceivedMessage message) =>
        message.ApplicationProperties.ToDictionary(p => p.Key, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);

    private static DeadLetter ToDeadLetter(string subscription, ServiceBusReceivedMessage m) => new(
        DeadLetterIds.Format(subscription, m.SequenceNumber.ToString(CultureInfo.InvariantCulture)),
        subscription,
        m.MessageId,
        m.DeadLetterReason ?? "",
        m.DeadLetterErrorDescription ?? "",
        m.DeliveryCount,
        m.EnqueuedTime,
        m.Body.ToString());

    private static bool TryParseId(string id, out string subscription, out long sequence)
    {
        sequence = 0;
        return DeadLetterIds.TrySplit(id, out subscription, out var local)
            && long.TryParse(local, NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>Keeps the message's lock alive while a drain holds it (a drain's budget is longer than the lock).</summary>
    private void StartRenewing(ServiceBusReceiver receiver, ServiceBusReceivedMessage message)
    {
        var stop = new CancellationTokenSource();
        _renewals[message.LockToken] = stop;
        _ = RenewUntilSettledAsync(receiver, message, stop.Token);
    }

    private void StopRenewing(string lockToken)
    {
        if (_renewals.TryRemove(lockToken, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    private async Task RenewUntilSettledAsync(ServiceBusReceiver receiver, ServiceBusReceivedMessage message, CancellationToken stop)
    {
        var settings = options.Value;
        var holdUntil = _time.GetUtcNow() + settings.MaxLockHold;
        var lockedUntil = message.LockedUntil;

        // A renewal extends the lock by the subscription's lock duration (the same as at receive).
        var lockDuration = lockedUntil - _time.GetUtcNow();
        if (lockDuration <= settings.LockRenewalMargin)
        {
            // A lock shorter than the margin (or already gone) cannot be kept alive this way.
            return;
        }

        try
        {
            while (!stop.IsCancellationRequested)
            {
                var renewAt = lockedUntil - settings.LockRenewalMargin;
                if (renewAt > holdUntil)
                {
                    return;
                }

                var wait = renewAt - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stop).ConfigureAwait(false);
                }

                await receiver.RenewMessageLockAsync(message, stop).ConfigureAwait(false);
                lockedUntil = message.LockedUntil > lockedUntil ? message.LockedUntil : _time.GetUtcNow() + lockDuration;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Settled, left for retry or disposed.
        }
        catch (ServiceBusException)
        {
            // The lock is lost (or the link closed): the settle that follows reports it as MessageLockLostException,
            // and the message is redelivered; the ledger makes that safe.
        }
    }

    private async Task SettleAsync(ReceivedMessage message, Func<ServiceBusReceiver, ServiceBusReceivedMessage, Task> settle)
    {
        ArgumentNullException.ThrowIfNull(message);
        StopRenewing(message.LockToken);
        if (!_locked.TryRemove(message.LockToken, out var received))
        {
            throw new MessageLockLostException($"{message.MessageId} was not received here or was settled already.");
        }

        try
        {
            await settle(Receiver(message.Subscription, deadLetters: false), received).ConfigureAwait(false);
        }
        catch (ServiceBusException ex) when (ex.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            throw new MessageLockLostException($"The lock on {message.MessageId} in {message.Subscription} expired.", ex);
        }
    }

    private ServiceBusReceiver Receiver(string subscription, bool deadLetters) =>
        _receivers.GetOrAdd(deadLetters ? subscription + "/$dlq" : subscription, _ => client.CreateReceiver(TopicOf(subscription), subscription, new ServiceBusReceiverOptions
        {
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            PrefetchCount = 0,
            SubQueue = deadLetters ? SubQueue.DeadLetter : SubQueue.None,
        }));
}
