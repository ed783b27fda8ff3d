using Alerts.Core.Api;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Dashboard;

public sealed record DayCount(DateOnly Day, int Count);

/// <summary>Everything the ops dashboard shows, gathered from the ports at one instant.</summary>
public sealed record DashboardModel(DateTimeOffset GeneratedAt)
{
    public const int ChangeDays = 14;
    public const int AlertDays = 30;

    /// <summary>A healthy source with no successful poll for this many of its scheduled intervals is stale: its poller stopped.</summary>
    public const int StaleFactor = 3;

    public IReadOnlyList<SourceStatus> Sources { get; init; } = [];

    /// <summary>E-mail and Teams: unhealthy while a rejection retrying cannot fix stands (issue 14).</summary>
    public IReadOnlyList<Ops.ChannelHealthSummary> Channels { get; init; } = [];

    /// <summary>Oldest first, one entry per UTC day, zeros included.</summary>
    public IReadOnlyList<DayCount> ChangesPerDay { get; init; } = [];

    /// <summary>Alerts created in the last <see cref="AlertDays"/> days, every severity present (zeros included).</summary>
    public IReadOnlyDictionary<Severity, int> AlertsBySeverity { get; init; } = new Dictionary<Severity, int>();

    public IReadOnlyList<DeliveryStat> Deliveries24Hours { get; init; } = [];

    public IReadOnlyList<DeliveryStat> Deliveries7Days { get; init; } = [];

    public IReadOnlyList<QueueDepth> Queues { get; init; } = [];

    public IReadOnlyList<DeadLetter> DeadLetters { get; init; } = [];

    public IReadOnlyList<ChangeEvent> RecentChanges { get; init; } = [];

    /// <summary>A one-line notice after an action ("Replayed …").</summary>
    public string? Flash { get; init; }
}
