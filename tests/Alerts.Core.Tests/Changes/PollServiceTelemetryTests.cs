using System.Diagnostics.Metrics;
using Alerts.Core.Changes;
using Alerts.Core.Ops;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Changes;

public sealed class PollServiceTelemetryTests
{
    [Fact]
    public async Task PollAsync_RecordsThePollAndItsChangesOnTheAlertsMeter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var site = new FakeNoticeSource();
        site.Publish(new NoticeBuilder().Build());
        var polls = new PollService(new FakeSourceCatalog(site), new InMemorySnapshotStore(), new InMemoryChangeBus(clock), site, clock, NullLogger<PollService>.Instance);
        var measurements = new List<(string Instrument, object? Source)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AlertsTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            // Other tests poll in parallel: keep only this test's source.
            var source = tags.ToArray().FirstOrDefault(t => t.Key == AlertsTelemetry.Tags.Source).Value;
            lock (measurements)
            {
                measurements.Add((instrument.Name, source));
            }
        });
        listener.Start();

        await polls.PollAsync(FakeNoticeSource.DefaultId, PollOptions.Default, CancellationToken.None);

        lock (measurements)
        {
            measurements.ShouldContain((AlertsTelemetry.Instruments.Polls, (object?)FakeNoticeSource.DefaultId));
            measurements.ShouldContain((AlertsTelemetry.Instruments.Changes, (object?)FakeNoticeSource.DefaultId));
        }
    }
}
