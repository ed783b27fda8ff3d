using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Alerts.Core.Common;

/// <summary>
/// The one <see cref="ActivitySource"/> and <see cref="Meter"/> of Alerts, both named <c>"Alerts"</c>. The Functions
/// host subscribes to them (<c>AddSource("Alerts")</c>, <c>AddMeter("Alerts")</c>) and exports to Azure Monitor;
/// without a listener every call here costs next to nothing. Instrument and tag names are a contract with the
/// Azure Monitor alerts in <c>infra/modules/alerts.bicep</c> and the dashboard queries in <c>docs/operations.md</c>:
/// keep them stable. It sits in Common, under every layer that records: its enum parameters are generic and named by
/// <see cref="WireNames"/> (<c>ChangeKind.MirrorConflict</c> → <c>mirror-conflict</c>), as in JSON.
/// <list type="table">
/// <item><term><c>alerts.polls</c></term><description>counter; tags <c>source</c>, <c>outcome</c> (<see cref="RecordPoll(string, string, TimeSpan?)"/>)</description></item>
/// <item><term><c>alerts.poll.duration</c></term><description>histogram, seconds; tags <c>source</c>, <c>outcome</c></description></item>
/// <item><term><c>alerts.changes</c></term><description>counter; tags <c>source</c>, <c>kind</c> (<see cref="RecordChange"/>)</description></item>
/// <item><term><c>alerts.alerts</c></term><description>counter; tag <c>severity</c> (<see cref="RecordAlert"/>)</description></item>
/// <item><term><c>alerts.deliveries</c></term><description>counter; tags <c>channel</c>, <c>outcome</c> (<see cref="RecordDelivery"/>)</description></item>
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
    public static void RecordPoll<TOutcome>(string source, TOutcome outcome, TimeSpan? duration = null)
        where TOutcome : struct, Enum =>
        RecordPoll(source, outcome.WireName(), duration);

    /// <summary>One finished poll with a free-form outcome (prefer the <c>FetchOutcome</c> overload).</summary>
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
    public static void RecordChange<TKind>(string source, TKind kind)
        where TKind : struct, Enum =>
        ChangeCounter.Add(1, new KeyValuePair<string, object?>(Tags.Source, source), new KeyValuePair<string, object?>(Tags.Kind, kind.WireName()));

    /// <summary>One alert raised for one company.</summary>
    public static void RecordAlert<TSeverity>(TSeverity severity)
        where TSeverity : struct, Enum =>
        AlertCounter.Add(1, new KeyValuePair<string, object?>(Tags.Severity, severity.WireName()));

    /// <summary>One delivery attempt to one recipient (or one batch call when <paramref name="count"/> &gt; 1).</summary>
    public static void RecordDelivery<TChannel, TOutcome>(TChannel channel, TOutcome outcome, long count = 1)
        where TChannel : struct, Enum
        where TOutcome : struct, Enum =>
        DeliveryCounter.Add(count, new KeyValuePair<string, object?>(Tags.Channel, channel.WireName()), new KeyValuePair<string, object?>(Tags.Outcome, outcome.WireName()));

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

    private static IEnumerable<Measurement<double>> ObserveUnhealthyMinutes() =>
        UnhealthyMinutes.Select(pair => new Measurement<double>(pair.Value, new KeyValuePair<string, object?>(Tags.Source, pair.Key)));
}
