using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Fetching;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Ops;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of Alerts, both named <c>"Alerts"</c>. The Functions
/// host subscribes to them (<c>AddSource("Alerts")</c>, <c>AddMeter("Alerts")</c>) and exports to Azure Monitor;
/// without a listener every call here costs next to nothing. Instrument and tag names are a contract with the
/// Azure Monitor alerts in <c>infra/modules/alerts.bicep</c> and the dashboard queries in <c>docs/operations.md</c>:
/// keep them stable.
/// <list type="table">
/// <item><term><c>alerts.polls</c></term><description>counter; tags <c>source</c>, <c>outcome</c> (<see cref="RecordPoll(string, FetchOutcome, TimeSpan?)"/>)</description></item>
/// <item><term><c>alerts.poll.duration</c></term><description>histogram, seconds; tags <c>source</c>, <c>outcome</c></description></item>
/// <item><term><c>alerts.changes</c></term><description>counter; tags <c>source</c>, <c>kind</c> (<see cref="RecordChange(string, ChangeKind)"/>)</description></item>
/// <item><term><c>alerts.alerts</c></term><description>counter; tag <c>severity</c> (<see cref="RecordAlert(Severity)"/>)</description></item>
/// <item><term><c>alerts.deliveries</c></term><description>counter; tags <c>channel</c>, <c>outcome</c> (<see cref="RecordDelivery(DeliveryChannel, DeliveryOutcome)"/>)</description></item>
/// <item><term><c>alerts.bus.drain_lag</c></term><description>histogram, seconds from enqueue to handling; tag <c>subscription</c> (<see cref="RecordDrainLag"/>)</description></item>
/// <item><term><c>alerts.bus.dead_lettered</c></term><description>counter; tags <c>subscription</c>, <c>reason</c> (<see cref="RecordDeadLetter"/>)</description></item>
/// <item><term><c>alerts.source.unhealthy_minutes</c></term><description>observable gauge; tag <c>source</c>; 0 when healthy (<see cref="ReportSourceHealth"/>)</description></item>
/// </list>
/// </summary>
public static class AlertsTelemetry
{
    /// <summary>Name of the activity source and of the meter.</summary>
    public const string Name = "Alerts";

    /// <summary>Tag names used on every instrument and activity.</summary>
    public static class Tags
    {
        public const string Source = "source";
        public const string Outcome = "outcome";
        public const string Kind = "kind";
        public const string Severity = "severity";
        public const string Channel = "channel";
        public const string Subscription = "subscription";
        public const string Reason = "reason";
    }

    /// <summary>Instrument names (see the class summary).</summary>
    public static class Instruments
    {
        public const string Polls = "alerts.polls";
        public const string PollDuration = "alerts.poll.duration";
        public const string Changes = "alerts.changes";
        public const string Alerts = "alerts.alerts";
        public const string Deliveries = "alerts.deliveries";
        public const string DrainLag = "alerts.bus.drain_lag";
        public const string DeadLettered = "alerts.bus.dead_lettered";
        public const string SourceUnhealthyMinutes = "alerts.source.unhealthy_minutes";
    }

    private static readonly string Version =
        typeof(AlertsTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    // Last reported unhealthy minutes per source, observed by the gauge on each collection. Per process: after a
    // cold start a source reports again on its next poll.
    private static readonly ConcurrentDictionary<string, double> UnhealthyMinutes = new(StringComparer.Ordinal);

    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    public static Meter Meter { get; } = new(Name, Version);

    private static readonly Counter<long> PollCounter =
        Meter.CreateCounter<long>(Instruments.Polls, unit: "{poll}", description: "Polls of a source by outcome.");

    private static readonly Histogram<double> PollDurationHistogram =
        Meter.CreateHistogram<double>(Instruments.PollDuration, unit: "s", description: "Duration of one poll of a source.");

    private static readonly Counter<long> ChangeCounter =
        Meter.CreateCounter<long>(Instruments.Changes, unit: "{change}", description: "Detected changes by kind.");

    private static readonly Counter<long> AlertCounter =
        Meter.CreateCounter<long>(Instruments.Alerts, unit: "{alert}", description: "Alerts raised by severity.");

    private static readonly Counter<long> DeliveryCounter =
        Meter.CreateCounter<long>(Instruments.Deliveries, unit: "{delivery}", description: "Deliveries by channel and outcome.");

    private static readonly Histogram<double> DrainLagHistogram =
        Meter.CreateHistogram<double>(Instruments.DrainLag, unit: "s", description: "Time from enqueue on the bus to handling by a drain.");

    private static readonly Counter<long> DeadLetterCounter =
        Meter.CreateCounter<long>(Instruments.DeadLettered, unit: "{message}", description: "Messages dead-lettered by a drain, by reason.");

    private static readonly ObservableGauge<double> SourceUnhealthyGauge =
        Meter.CreateObservableGauge(
            Instruments.SourceUnhealthyMinutes,
            ObserveUnhealthyMinutes,
            unit: "min",
            description: "Minutes since the last healthy poll of a source; 0 when its last poll was healthy.");

    /// <summary>One finished poll of <paramref name="source"/> (a source id such as <c>cn-mofcom-announcements</c>).</summary>
    public static void RecordPoll(string source, FetchOutcome outcome, TimeSpan? duration = null) =>
        RecordPoll(source, outcome.ToWire(), duration);

    /// <summary>One finished poll with a free-form outcome (prefer the <see cref="FetchOutcome"/> overload).</summary>
    public static void RecordPoll(string source, string outcome, TimeSpan? duration = null)
    {
        var tags = new TagList { { Tags.Source, source }, { Tags.Outcome, outcome } };
        PollCounter.Add(1, tags);
        if (duration is { } elapsed)
        {
            PollDurationHistogram.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>One detected change of a notice of <paramref name="source"/>.</summary>
    public static void RecordChange(string source, ChangeKind kind) =>
        ChangeCounter.Add(1, new KeyValuePair<string, object?>(Tags.Source, source), new KeyValuePair<string, object?>(Tags.Kind, ToWire(kind)));

    /// <summary>One alert raised for one company.</summary>
    public static void RecordAlert(Severity severity) =>
        AlertCounter.Add(1, new KeyValuePair<string, object?>(Tags.Severity, ToWire(severity)));

    /// <summary>One delivery attempt to one recipient (or one batch call when <paramref name="count"/> &gt; 1).</summary>
    public static void RecordDelivery(DeliveryChannel channel, DeliveryOutcome outcome, long count = 1) =>
        DeliveryCounter.Add(count, new KeyValuePair<string, object?>(Tags.Channel, ToWire(channel)), new KeyValuePair<string, object?>(Tags.Outcome, ToWire(outcome)));

    /// <summary>
    /// How long a message waited on the bus: handling time minus its enqueued time (both from the caller's clock and
    /// the broker). Negative lags (clock skew) are recorded as 0.
    /// </summary>
    public static void RecordDrainLag(string subscription, TimeSpan lag) =>
        DrainLagHistogram.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>(Tags.Subscription, subscription));

    /// <summary>
    /// One message dead-lettered by a drain. <paramref name="reason"/> must be a short, fixed code
    /// (<c>InvalidPayload</c>, <c>MaxDeliveryCountExceeded</c>), never a message text: it becomes a metric dimension.
    /// </summary>
    public static void RecordDeadLetter(string subscription, string reason) =>
        DeadLetterCounter.Add(1, new KeyValuePair<string, object?>(Tags.Subscription, subscription), new KeyValuePair<string, object?>(Tags.Reason, reason));

    /// <summary>
    /// The health of a source after a poll: <paramref name="unhealthyFor"/> is the time since its last healthy poll
    /// (<see cref="TimeSpan.Zero"/> when this poll was healthy). The gauge <c>alerts.source.unhealthy_minutes</c>
    /// reports it; Azure Monitor alerts above 120 minutes.
    /// </summary>
    public static void ReportSourceHealth(string source, TimeSpan unhealthyFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        UnhealthyMinutes[source] = Math.Max(0, unhealthyFor.TotalMinutes);
    }

    /// <summary>Starts the span of one poll of a source (null when nobody listens).</summary>
    public static Activity? StartPoll(string source) =>
        ActivitySource.StartActivity("poll " + source, ActivityKind.Internal)?.SetTag(Tags.Source, source);

    /// <summary>Starts the span of one drain of a Service Bus subscription (null when nobody listens).</summary>
    public static Activity? StartDrain(string subscription) =>
        ActivitySource.StartActivity("drain " + subscription, ActivityKind.Consumer)?.SetTag(Tags.Subscription, subscription);

    internal static string ToWire(ChangeKind kind) => kind switch
    {
        ChangeKind.Baseline => "baseline",
        ChangeKind.Added => "added",
        ChangeKind.Amended => "amended",
        ChangeKind.Withdrawn => "withdrawn",
        ChangeKind.MirrorConflict => "mirror-conflict",
        _ => "unknown",
    };

    internal static string ToWire(Severity severity) => severity switch
    {
        Severity.Low => "low",
        Severity.Medium => "medium",
        Severity.High => "high",
        Severity.Critical => "critical",
        _ => "unknown",
    };

    internal static string ToWire(DeliveryChannel channel) => channel switch
    {
        DeliveryChannel.Email => "email",
        DeliveryChannel.Teams => "teams",
        DeliveryChannel.Digest => "digest",
        _ => "unknown",
    };

    internal static string ToWire(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Sent => "sent",
        DeliveryOutcome.Failed => "failed",
        DeliveryOutcome.Retrying => "retrying",
        DeliveryOutcome.Sending => "sending",
        _ => "unknown",
    };

    private static IEnumerable<Measurement<double>> ObserveUnhealthyMinutes() =>
        UnhealthyMinutes.Select(pair => new Measurement<double>(pair.Value, new KeyValuePair<string, object?>(Tags.Source, pair.Key)));
}
