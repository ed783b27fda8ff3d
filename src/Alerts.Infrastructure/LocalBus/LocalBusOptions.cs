using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.LocalBus;

/// <summary>
/// Section <c>LocalBus</c> (embedded mode): <code>{ "LocalBus": { "MaxDeliveryCount": 10, "LockDuration": "00:01:00" } }</code>
/// The defaults mirror the Service Bus subscriptions' settings so both buses behave alike.
/// </summary>
public sealed class LocalBusOptions
{
    public const string SectionName = "LocalBus";

    [Range(1, 1000)]
    public int MaxDeliveryCount { get; set; } = 10;

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);
}
