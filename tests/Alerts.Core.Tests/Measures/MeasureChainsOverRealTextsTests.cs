using Alerts.Core.Changes;
using Alerts.Core.Matching;
using Alerts.Core.Measures;
using Alerts.Core.Notices;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Measures;

/// <summary>
/// Issue 17 acceptance: the 2024 No.46 → 2025 No.72 chain (clause 2 suspended 自即日起至2026年11月27日) and the 2025
/// No.55–62 → No.70 chain (six October 2025 notices suspended until 2026-11-10), read from the real texts of
/// tests/fixtures/real, give the right state before, inside and after each window. Every date is explicit.
/// </summary>
public sealed class MeasureChainsOverRealTextsTests
{
    // The news copies of No.72 and No.70 print no date of their own: they are known from the day their pages were
    // stored (worldjournal stories of 2025-11-10 and 2025-11-08), as a poll would have first seen them.
    private static readonly (string File, DateOnly FirstSeen)[] s_chain =
    [
        ("cn-mofcom-2024-046-us-dual-use.txt", new(2024, 12, 3)),
        ("cn-mofcom-2025-072-suspension-news-zh-hant.txt", new(2025, 11, 10)),
        ("cn-mofcom-customs-2025-070-suspension-news-zh-hant.txt", new(2025, 11, 8)),
        ("cn-mofcom-customs-2025-056-rare-earth-equipment.txt", new(2025, 10, 9)),
        ("cn-mofcom-customs-2025-058-lithium-batteries-graphite-anode.txt", new(2025, 10, 9)),
        ("cn-mofcom-customs-2025-058-lithium-batteries-graphite-anode-zh-hant.txt", new(2025, 10, 10)),
        ("cn-mofcom-2025-062-rare-earth-technologies.txt", new(2025, 10, 9)),
    ];

    private static readonly Lazy<MeasureGraph> s_graph = new(() => MeasureGraph.Build(Known()));

    internal static IEnumerable<KnownNotice> Known() =>
        s_chain.Select(c => new KnownNotice(RealCorpusFidelityTests.Read(RealCorpus.Documents.Single(d => d.Label.File == c.File)), c.FirstSeen));

    private static MeasureLine? LineOf(string key, string? clause, DateOnly at) =>
        s_graph.Value.StatesAt(at).SingleOrDefault(l => l.Key == key && l.Clause == clause);

    [Fact]
    public void No46Clause2_BeforeNo72_IsInForceAndNotYetSplit()
    {
        var at = new DateOnly(2025, 6, 1);

        LineOf("cn-mofcom:2024:46", null, at).ShouldNotBeNull().State.ShouldBe(MeasureState.InForce);
        LineOf("cn-mofcom:2024:46", "2", at).ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-11-10")]
    [InlineData("2026-03-01")]
    [InlineData("2026-11-27")]
    public void No46Clause2_InsideTheNo72Window_IsSuspendedUntil20261127(string date)
    {
        var line = LineOf("cn-mofcom:2024:46", "2", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).ShouldNotBeNull();

        line.State.ShouldBe(MeasureState.Suspended);
        line.Until.ShouldBe(new DateOnly(2026, 11, 27));
        line.Relations.ShouldContain(r => r.Kind == "suspended-by");
    }

    [Fact]
    public void No46_InsideTheNo72Window_StaysInForceAsAWhole()
    {
        var line = LineOf("cn-mofcom:2024:46", null, new DateOnly(2026, 1, 15)).ShouldNotBeNull();

        line.State.ShouldBe(MeasureState.InForce);
        line.Since.ShouldBe(new DateOnly(2024, 12, 3));
    }

    [Fact]
    public void No46Clause2_AfterTheNo72Window_IsInForceAgainFrom20261128()
    {
        var line = LineOf("cn-mofcom:2024:46", "2", new DateOnly(2026, 11, 28)).ShouldNotBeNull();

        line.State.ShouldBe(MeasureState.InForce);
        line.Since.ShouldBe(new DateOnly(2026, 11, 28));
    }

    [Theory]
    [InlineData("cn-mofcom-customs:2025:55")]
    [InlineData("cn-mofcom-customs:2025:56")]
    [InlineData("cn-mofcom-customs:2025:57")]
    [InlineData("cn-mofcom-customs:2025:58")]
    [InlineData("cn-mofcom:2025:61")]
    [InlineData("cn-mofcom:2025:62")]
    public void OctoberNotices_InsideTheNo70Window_AreSuspendedUntil20261110(string key)
    {
        var line = LineOf(key, null, new DateOnly(2026, 5, 1)).ShouldNotBeNull();

        line.State.ShouldBe(MeasureState.Suspended);
        line.Until.ShouldBe(new DateOnly(2026, 11, 10));
        line.Relations.ShouldContain(new MeasureLink("suspended-by", "cn-mofcom-customs:2025:70"));
    }

    [Theory]
    [InlineData("cn-mofcom-customs:2025:55")]
    [InlineData("cn-mofcom-customs:2025:58")]
    [InlineData("cn-mofcom:2025:62")]
    public void OctoberNotices_AfterTheNo70Window_AreInForceAgainFrom20261111(string key)
    {
        var line = LineOf(key, null, new DateOnly(2026, 11, 11)).ShouldNotBeNull();

        line.State.ShouldBe(MeasureState.InForce);
        line.Since.ShouldBe(new DateOnly(2026, 11, 11));
    }

    [Fact]
    public void No58_BeforeNo70_IsInForce()
    {
        LineOf("cn-mofcom-customs:2025:58", null, new DateOnly(2025, 10, 20)).ShouldNotBeNull().State.ShouldBe(MeasureState.InForce);
    }

    [Fact]
    public void No58_TwoCopies_JoinAsOneMeasure()
    {
        s_graph.Value.StatesAt(new DateOnly(2025, 10, 20)).Count(l => l.Key == "cn-mofcom-customs:2025:58" && l.Clause is null).ShouldBe(1);
    }

    [Fact]
    public void No55_KnownOnlyBecauseNo70NamesIt_IsListed()
    {
        var line = LineOf("cn-mofcom-customs:2025:55", null, new DateOnly(2026, 5, 1)).ShouldNotBeNull();

        line.Title.ShouldBeNull();
        line.Number.ShouldBeNull();
    }

    [Fact]
    public async Task ListAsync_ForAGalliumWatcherToTheUs_KeepsNo46AndLeavesOutRareEarthEquipment()
    {
        var snapshots = new InMemorySnapshotStore();
        var notices = Known().ToList();
        var snapshot = new SourceSnapshot("real") with
        {
            Notices = notices.GroupBy(k => k.Notice.Key).ToDictionary(
                g => g.Key,
                g => new NoticeState(g.First().Notice, "v", Instant(g.First().FirstSeen!.Value), Instant(g.First().FirstSeen!.Value)),
                StringComparer.Ordinal),
        };
        await snapshots.SaveAsync(snapshot, [], CancellationToken.None);
        var companies = new InMemoryCompanyStoreForApi();
        var watcher = RealCorpusWatchers.All.Single(c => c.Id == "cat-gallium");
        await companies.UpsertAsync(watcher, CancellationToken.None);
        var service = new MeasureService(snapshots, companies, new NoticeMatcher(), new FakeTimeProvider(Instant(new DateOnly(2026, 1, 1))));

        var lines = (await service.ListAsync(watcher.Id, new DateOnly(2026, 1, 15), CancellationToken.None)).ShouldNotBeNull();

        lines.ShouldContain(l => l.Key == "cn-mofcom:2024:46" && l.Clause == "2" && l.State == MeasureState.Suspended);
        lines.ShouldNotContain(l => l.Key == "cn-mofcom-customs:2025:56");
    }

    [Fact]
    public async Task ListAsync_UnknownCompany_IsNull()
    {
        var service = new MeasureService(new InMemorySnapshotStore(), new InMemoryCompanyStoreForApi(), new NoticeMatcher(), new FakeTimeProvider());

        (await service.ListAsync("nobody", new DateOnly(2026, 1, 15), CancellationToken.None)).ShouldBeNull();
    }

    private static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
