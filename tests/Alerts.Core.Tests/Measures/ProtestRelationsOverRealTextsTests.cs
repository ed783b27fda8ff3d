using Alerts.Core.Measures;
using Alerts.Core.Notices;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;

namespace Alerts.Core.Tests.Measures;

/// <summary>
/// Issue 17 <c>responds-to</c>: Japan's protests (MOFA, real texts of tests/fixtures/real) name the Chinese measure by
/// what it does, not by number; they respond to the Chinese measures aimed at Japan known in the three days up to them.
/// The protests print no date: they are known from the day they were stored, as a poll would have first seen them.
/// </summary>
public sealed class ProtestRelationsOverRealTextsTests
{
    private const string No1 = "cn-mofcom:2026:1";
    private const string No11 = "cn-mofcom:2026:11";

    private static readonly (string File, DateOnly FirstSeen)[] s_texts =
    [
        ("cn-mofcom-2026-001-japan-military-users-news-zh-hant.txt", new(2026, 1, 6)),
        ("jp-mofa-2026-01-06-protest.txt", new(2026, 1, 6)),
        ("cn-mofcom-2026-011-control-list.txt", new(2026, 2, 24)),
        ("jp-mofa-2026-02-24-protest-entity-listing.txt", new(2026, 2, 24)),
    ];

    private static readonly Lazy<MeasureGraph> s_graph = new(() => Graph(s_texts));

    private static Notice Read(string file) => RealCorpusFidelityTests.Read(RealCorpus.Documents.Single(d => d.Label.File == file));

    private static string KeyOf(string file) => Read(file).Key;

    private static MeasureGraph Graph(IEnumerable<(string File, DateOnly FirstSeen)> texts) =>
        MeasureGraph.Build(texts.Select(t => new KnownNotice(Read(t.File), t.FirstSeen)));

    private static MeasureLine LineOf(MeasureGraph graph, string key, DateOnly at) =>
        graph.StatesAt(at).Single(l => l.Key == key && l.Clause is null);

    [Fact]
    public void StatesAt_No1AfterTheJanuaryProtest_IsRespondedToByIt()
    {
        LineOf(s_graph.Value, No1, new DateOnly(2026, 1, 7)).Relations
            .ShouldContain(new MeasureLink("responded-to-by", KeyOf("jp-mofa-2026-01-06-protest.txt")));
    }

    [Fact]
    public void StatesAt_No11AfterTheEntityListingProtest_IsRespondedToByIt()
    {
        LineOf(s_graph.Value, No11, new DateOnly(2026, 2, 25)).Relations
            .ShouldContain(new MeasureLink("responded-to-by", KeyOf("jp-mofa-2026-02-24-protest-entity-listing.txt")));
    }

    [Fact]
    public void StatesAt_No1_IsNotRespondedToByTheLaterEntityListingProtest()
    {
        LineOf(s_graph.Value, No1, new DateOnly(2026, 3, 1)).Relations
            .ShouldNotContain(new MeasureLink("responded-to-by", KeyOf("jp-mofa-2026-02-24-protest-entity-listing.txt")));
    }

    [Fact]
    public void StatesAt_ProtestSeenMoreThanThreeDaysAfterTheMeasure_IsNotLinked()
    {
        var graph = Graph([("cn-mofcom-2026-001-japan-military-users-news-zh-hant.txt", new(2026, 1, 6)), ("jp-mofa-2026-01-06-protest.txt", new(2026, 1, 12))]);

        LineOf(graph, No1, new DateOnly(2026, 1, 20)).Relations.ShouldNotContain(l => l.Kind == "responded-to-by");
    }

    [Theory]
    [InlineData("2026-01-07", false)]
    [InlineData("2026-01-08", true)]
    public void StatesAt_ProtestSeenTwoDaysLater_IsLinkedFromItsOwnDayOn(string date, bool linked)
    {
        var graph = Graph([("cn-mofcom-2026-001-japan-military-users-news-zh-hant.txt", new(2026, 1, 6)), ("jp-mofa-2026-01-06-protest.txt", new(2026, 1, 8))]);

        LineOf(graph, No1, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Relations.Any(l => l.Kind == "responded-to-by").ShouldBe(linked);
    }

    [Fact]
    public void StatesAt_Protest_IsNotListedAsAMeasure()
    {
        s_graph.Value.StatesAt(new DateOnly(2026, 3, 1)).ShouldNotContain(l => l.Key == KeyOf("jp-mofa-2026-01-06-protest.txt"));
    }
}
