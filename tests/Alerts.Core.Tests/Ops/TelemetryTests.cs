using System.Diagnostics;
using System.Diagnostics.Metrics;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Fetching;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Ops;

public sealed class TelemetryTests
{
    [Fact]
    public void RecordPoll_WithOutcome_CountsOnePollTaggedBySourceAndOutcome()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordPoll("test-poll-source", FetchOutcome.LayoutChanged);

        var poll = recorder.Single(AlertsTelemetry.Instruments.Polls, "source", "test-poll-source");
        poll.Value.ShouldBe(1);
        poll.Tags["outcome"].ShouldBe("layout-changed");
    }

    [Fact]
    public void RecordPoll_WithDuration_RecordsSecondsOnTheDurationHistogram()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordPoll("test-duration-source", FetchOutcome.Ok, TimeSpan.FromMilliseconds(1500));

        var duration = recorder.Single(AlertsTelemetry.Instruments.PollDuration, "source", "test-duration-source");
        duration.Value.ShouldBe(1.5);
        duration.Tags["outcome"].ShouldBe("ok");
    }

    [Fact]
    public void RecordPoll_WithoutDuration_RecordsNoDuration()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordPoll("test-no-duration-source", FetchOutcome.NotModified);

        recorder.All(AlertsTelemetry.Instruments.PollDuration, "source", "test-no-duration-source").ShouldBeEmpty();
    }

    [Fact]
    public void RecordChange_Amended_CountsChangeTaggedBySourceAndKind()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordChange("test-change-source", ChangeKind.MirrorConflict);

        var change = recorder.Single(AlertsTelemetry.Instruments.Changes, "source", "test-change-source");
        change.Value.ShouldBe(1);
        change.Tags["kind"].ShouldBe("mirror-conflict");
    }

    [Fact]
    public void RecordAlert_Critical_CountsAlertTaggedBySeverity()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordAlert(Severity.Critical);

        recorder.All(AlertsTelemetry.Instruments.Alerts, "severity", "critical").Sum(m => m.Value).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void RecordDelivery_BatchOfTeamsFailures_CountsAllTaggedByChannelAndOutcome()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordDelivery(DeliveryChannel.Teams, DeliveryOutcome.Retrying, count: 7);

        var deliveries = recorder.All(AlertsTelemetry.Instruments.Deliveries, "channel", "teams")
            .Where(m => Equals(m.Tags["outcome"], "retrying"))
            .ToList();
        deliveries.ShouldContain(m => m.Value == 7);
    }

    [Fact]
    public void RecordDrainLag_PositiveLag_RecordsSecondsTaggedBySubscription()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordDrainLag("test-lag-subscription", TimeSpan.FromSeconds(42));

        recorder.Single(AlertsTelemetry.Instruments.DrainLag, "subscription", "test-lag-subscription").Value.ShouldBe(42);
    }

    [Fact]
    public void RecordDrainLag_NegativeLagFromClockSkew_RecordsZero()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordDrainLag("test-skew-subscription", TimeSpan.FromSeconds(-3));

        recorder.Single(AlertsTelemetry.Instruments.DrainLag, "subscription", "test-skew-subscription").Value.ShouldBe(0);
    }

    [Fact]
    public void RecordDeadLetter_InvalidPayload_CountsTaggedBySubscriptionAndReason()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.RecordDeadLetter("test-dlq-subscription", "InvalidPayload");

        var deadLetter = recorder.Single(AlertsTelemetry.Instruments.DeadLettered, "subscription", "test-dlq-subscription");
        deadLetter.Value.ShouldBe(1);
        deadLetter.Tags["reason"].ShouldBe("InvalidPayload");
    }

    [Fact]
    public void ReportSourceHealth_UnhealthyForThreeHours_GaugeObservesMinutes()
    {
        using var recorder = new MetricRecorder();

        AlertsTelemetry.ReportSourceHealth("test-unhealthy-source", TimeSpan.FromHours(3));
        recorder.Observe();

        recorder.Single(AlertsTelemetry.Instruments.SourceUnhealthyMinutes, "source", "test-unhealthy-source").Value.ShouldBe(180);
    }

    [Fact]
    public void ReportSourceHealth_HealthyAgain_GaugeObservesZero()
    {
        using var recorder = new MetricRecorder();
        AlertsTelemetry.ReportSourceHealth("test-recovered-source", TimeSpan.FromHours(3));

        AlertsTelemetry.ReportSourceHealth("test-recovered-source", TimeSpan.Zero);
        recorder.Observe();

        recorder.Single(AlertsTelemetry.Instruments.SourceUnhealthyMinutes, "source", "test-recovered-source").Value.ShouldBe(0);
    }

    [Fact]
    public void ReportSourceHealth_BlankSource_Throws() =>
        Should.Throw<ArgumentException>(() => AlertsTelemetry.ReportSourceHealth(" ", TimeSpan.Zero));

    [Fact]
    public void StartPoll_WithListener_StartsActivityTaggedBySource()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AlertsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        using var activity = AlertsTelemetry.StartPoll("test-activity-source");

        activity.ShouldNotBeNull();
        activity.Source.Name.ShouldBe("Alerts");
        activity.GetTagItem("source").ShouldBe("test-activity-source");
    }

    [Fact]
    public void Meter_And_ActivitySource_AreNamedAlerts()
    {
        AlertsTelemetry.Meter.Name.ShouldBe("Alerts");
        AlertsTelemetry.ActivitySource.Name.ShouldBe("Alerts");
    }

    /// <summary>Collects every measurement of the "Alerts" meter while alive. Tests filter by a tag value of their own,
    /// because the meter is static and other tests may record in parallel.</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly List<Recorded> recorded = [];
        private readonly Lock gate = new();

        public MetricRecorder()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AlertsTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
            listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
            listener.Start();
        }

        public void Observe() => listener.RecordObservableInstruments();

        public List<Recorded> All(string instrument, string tag, string value)
        {
            lock (gate)
            {
                return recorded.Where(r => r.Instrument == instrument && r.Tags.TryGetValue(tag, out var v) && Equals(v, value)).ToList();
            }
        }

        public Recorded Single(string instrument, string tag, string value) => All(instrument, tag, value).ShouldHaveSingleItem();

        public void Dispose() => listener.Dispose();

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (gate)
            {
                recorded.Add(new Recorded(instrument.Name, value, copy));
            }
        }
    }

    private sealed record Recorded(string Instrument, double Value, Dictionary<string, object?> Tags);
}
