using Alerts.Core.Changes;

namespace Alerts.Core.Messaging;

/// <summary>
/// The two topics and their subscriptions. <c>changes</c> has one subscription, <c>alerts</c>, which matches each change
/// once and stores its alerts; <c>alerts-raised</c> has one per channel, which delivers the stored alerts. Subscription
/// names are unique across both topics, so a name alone (drains, dead-letter ids) says which topic it belongs to.
/// </summary>
public static class Subscriptions
{
    public const string Topic = "changes";
    public const string AlertsRaisedTopic = "alerts-raised";
    public const string Alerts = "alerts";
    public const string Email = "email";
    public const string Teams = "teams";

    /// <summary>The subscriptions of <see cref="AlertsRaisedTopic"/>: one per delivery channel.</summary>
    public static IReadOnlyList<string> Channels { get; } = [Email, Teams];

    /// <summary>In drain order: <c>alerts</c> first, so a one-pass run (<c>alerts demo</c>) stores before it delivers.</summary>
    public static IReadOnlyList<string> All { get; } = [Alerts, .. Channels];

    /// <summary>The subscriptions a message published to <paramref name="topic"/> is copied to.</summary>
    public static IReadOnlyList<string> Of(string topic) => topic == AlertsRaisedTopic ? Channels : ChangeSubscriptions;

    private static IReadOnlyList<string> ChangeSubscriptions { get; } = [Alerts];

    /// <summary>The topic a subscription belongs to.</summary>
    public static string TopicOf(string subscription) => Channels.Contains(subscription, StringComparer.Ordinal) ? AlertsRaisedTopic : Topic;
}

/// <summary>A message received under a lock from one subscription.</summary>
/// <param name="MessageId">The change id, or <c>{changeId}:replay:{n}</c> for a replayed dead letter.</param>
/// <param name="LockToken">Opaque; settles this delivery only.</param>
public sealed record ReceivedMessage(
    string MessageId,
    string Subscription,
    string Body,
    int DeliveryCount,
    string LockToken,
    DateTimeOffset EnqueuedAt)
{
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// PeekLock consumer of one topic's subscriptions. A message neither completed nor dead-lettered becomes receivable
/// again when its lock expires, with its delivery count one higher; past the maximum it is dead-lettered.
/// </summary>
public interface IChangeConsumer
{
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken);

    Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Leaves the message locked and unsettled: lock expiry is the back-off.</summary>
    Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken);

    Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken);
}

/// <summary>A dead-lettered message as ops see it.</summary>
public sealed record DeadLetter(
    string Id,
    string Subscription,
    string MessageId,
    string Reason,
    string Description,
    int DeliveryCount,
    DateTimeOffset DeadLetteredAt,
    string Body);

/// <summary>Dead-letter queues of every subscription: list, show, replay (a clone with a new message id).</summary>
public interface IDeadLetterQueue
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Returns the new message id, or null when no such dead letter exists.</summary>
    Task<string?> ReplayAsync(string id, CancellationToken cancellationToken);

    /// <summary>Active and dead-lettered counts per subscription, for the status page.</summary>
    Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken);
}

/// <summary>Messages waiting and dead-lettered in one subscription; null counts are unknown (the bus would not say: no Manage right).</summary>
public sealed record QueueDepth(string Subscription, long? Active, long? DeadLettered);
