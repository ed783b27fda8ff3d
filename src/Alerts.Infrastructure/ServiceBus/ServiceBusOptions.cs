using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>
/// Section <c>ServiceBus</c> (Azure mode): a namespace with a managed identity, or a connection string.
/// <code>{ "ServiceBus": { "FullyQualifiedNamespace": "alerts-prod.servicebus.windows.net" } }</code>
/// Both topics need duplicate detection on: <c>changes</c> with subscription <c>alerts</c>, <c>alerts-raised</c> with
/// one subscription per channel (<c>email</c>, <c>teams</c>).
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string SectionName = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    public string? ConnectionString { get; set; }

    [Required]
    public string TopicName { get; set; } = Core.Messaging.Subscriptions.Topic;

    /// <summary>The topic the <c>alerts</c> drain announces stored alerts on; the channels' subscriptions are on it.</summary>
    [Required]
    public string AlertsRaisedTopicName { get; set; } = Core.Messaging.Subscriptions.AlertsRaisedTopic;

    /// <summary>How many dead letters a replay searches through to find the one asked for.</summary>
    [Range(1, 10_000)]
    public int ReplaySearchLimit { get; set; } = 500;

    /// <summary>
    /// The longest a drain waits for messages when its subscription is empty. The drains are timers (every minute): a
    /// long wait on an empty subscription is billed execution time for nothing, so the drainer's own wait is capped here.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MaxReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A received message's lock is renewed this long before it runs out, for as long as the drain holds the message
    /// (the subscription's lock is 5 minutes; a drain's budget is longer), and no longer than <see cref="MaxLockHold"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan LockRenewalMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a message is held by renewing its lock: past it, the lock runs out and the message is redelivered.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan MaxLockHold { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(FullyQualifiedNamespace) == string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "set exactly one of FullyQualifiedNamespace (managed identity) or ConnectionString.",
                [nameof(FullyQualifiedNamespace), nameof(ConnectionString)]);
        }
    }
}
