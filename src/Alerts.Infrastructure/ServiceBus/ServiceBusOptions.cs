using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>
/// Section <c>ServiceBus</c> (Azure mode): a namespace with a managed identity, or a connection string.
/// <code>{ "ServiceBus": { "FullyQualifiedNamespace": "alerts-prod.servicebus.windows.net" } }</code>
/// The topic <c>changes</c> needs duplicate detection on; subscriptions <c>alerts</c>, <c>email</c>, <c>teams</c>.
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string SectionName = "ServiceBus";

    public string? FullyQualifiedNamespace { get; set; }

    public string? ConnectionString { get; set; }

    [Required]
    public string TopicName { get; set; } = Core.Messaging.Subscriptions.Topic;

    /// <summary>How many dead letters a replay searches through to find the one asked for.</summary>
    [Range(1, 10_000)]
    public int ReplaySearchLimit { get; set; } = 500;

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
