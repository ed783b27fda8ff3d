using Alerts.Core.Delivery;
using Alerts.Core.Delivery.Reminders;
using Alerts.Core.Matching;
using Alerts.Core.Measures;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Delivery.Reminders;

/// <summary>The digest's "measures changing" section, from the same state as the reminders, over the real No.46 → No.72 texts.</summary>
public sealed class DigestUpcomingMeasuresTests
{
    private const string No46Clause2Line = "- 2026-11-28 MOFCOM 2024 No.46 clause 2: suspension ends 2026-11-27, applies again";

    private static readonly DigestOptions s_options = new() { UpcomingDays = 30 };

    private static DigestService Digests(ReminderWorld world, FakeAlertStore? alerts = null) => new(
        world.Companies,
        alerts ?? new FakeAlertStore(),
        new FakeDigestCursorStore(),
        world.Ledger,
        world.Email,
        new DigestRenderer(Options.Create(new DeliveryOptions()), Options.Create(s_options)),
        Options.Create(s_options),
        world.Time,
        NullLogger<DigestService>.Instance,
        new UpcomingMeasures(new MeasureService(world.Snapshots, world.Companies, new NoticeMatcher(), world.Time)));

    private static async Task<string> PreviewTextAsync(ReminderWorld world, string companyId, DateOnly day, FakeAlertStore? alerts = null)
    {
        world.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        var preview = await Digests(world, alerts).PreviewAsync(companyId, null, null, CancellationToken.None);
        return preview.ShouldNotBeNull().Email.Text;
    }

    [Fact]
    public async Task PreviewAsync_QuietPeriodBeforeTheNo72WindowEnds_ListsNo46Clause2ApplyingAgain()
    {
        var text = await PreviewTextAsync(new ReminderWorld(), ReminderWorld.GalliumUs, new DateOnly(2026, 11, 15));

        text.ShouldContain("Nothing new for gallium-us");
        text.ShouldContain(No46Clause2Line);
    }

    [Fact]
    public async Task PreviewAsync_PeriodWithAlerts_ListsTheMeasuresAfterTheAlerts()
    {
        var alerts = new FakeAlertStore();
        var world = new ReminderWorld();
        await alerts.UpsertAsync([DeliveryAlerts.Sample(ReminderWorld.GalliumUs, createdAt: new DateTimeOffset(2026, 11, 15, 1, 0, 0, TimeSpan.Zero))], CancellationToken.None);

        var text = await PreviewTextAsync(world, ReminderWorld.GalliumUs, new DateOnly(2026, 11, 15), alerts);

        text.ShouldContain("Top items:");
        text.IndexOf(No46Clause2Line, StringComparison.Ordinal).ShouldBeGreaterThan(text.IndexOf("Top items:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreviewAsync_WindowEndBeyondTheUpcomingDays_IsNotListed()
    {
        var text = await PreviewTextAsync(new ReminderWorld(), ReminderWorld.GalliumUs, new DateOnly(2026, 10, 1));

        text.ShouldNotContain("No.46 clause 2");
    }

    [Fact]
    public async Task PreviewAsync_CompanyNotConcerned_KeepsTheOneLineDigest()
    {
        var text = await PreviewTextAsync(new ReminderWorld(), ReminderWorld.DronesJp, new DateOnly(2026, 11, 15));

        text.ShouldBe($"Nothing new for {ReminderWorld.DronesJp} in export controls (2026-11-14 – 2026-11-15).\n");
    }
}
