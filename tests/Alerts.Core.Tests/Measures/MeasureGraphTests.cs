using Alerts.Core.Measures;
using Alerts.Core.Notices;
using Alerts.Testing;

namespace Alerts.Core.Tests.Measures;

/// <summary>The state rules of <see cref="MeasureGraph"/> on small built notices (the real chains are in MeasureChainsOverRealTextsTests).</summary>
public sealed class MeasureGraphTests
{
    private static readonly DateOnly Published = new(2025, 10, 9);
    private static readonly DateOnly Effective = new(2025, 11, 8);

    private static Notice Controlled(string key) =>
        new NoticeBuilder().WithKey(key).WithEffective(Effective).With(n => n with { Number = key, Published = Published, Measure = global::Alerts.Core.Notices.Measure.LicensingRequirement }).Build();

    private static Notice Acting(string key, DateOnly published, NoticeRelation relation, MeasureWindow? window = null) =>
        new NoticeBuilder().WithKey(key).With(n => n with
        {
            Number = key,
            Published = published,
            Effective = published,
            Measure = global::Alerts.Core.Notices.Measure.Suspension,
            Relations = [relation],
            Windows = window is null ? [] : [window],
        }).Build();

    private static MeasureLine Line(IEnumerable<Notice> notices, string key, DateOnly at) =>
        MeasureGraph.Build(notices.Select(n => new KnownNotice(n))).StatesAt(at).Single(l => l.Key == key && l.Clause is null);

    [Fact]
    public void StatesAt_BeforeTheEffectiveDate_IsAnnouncedUntilTheDayBefore()
    {
        var line = Line([Controlled("cn-mofcom:2025:56")], "cn-mofcom:2025:56", new DateOnly(2025, 10, 20));

        line.State.ShouldBe(MeasureState.Announced);
        line.Since.ShouldBe(Published);
        line.Until.ShouldBe(new DateOnly(2025, 11, 7));
    }

    [Fact]
    public void StatesAt_BeforePublication_LeavesTheMeasureOut()
    {
        MeasureGraph.Build([new KnownNotice(Controlled("cn-mofcom:2025:56"))]).StatesAt(new DateOnly(2025, 10, 1)).ShouldBeEmpty();
    }

    [Fact]
    public void StatesAt_AfterALift_IsLiftedSinceTheLiftingNotice()
    {
        var lift = Acting("cn-mofcom:2026:3", new DateOnly(2026, 2, 1), new NoticeRelation("lifts", "cn-mofcom:2025:56")) with { Measure = global::Alerts.Core.Notices.Measure.Lifting };

        var line = Line([Controlled("cn-mofcom:2025:56"), lift], "cn-mofcom:2025:56", new DateOnly(2026, 3, 1));

        line.State.ShouldBe(MeasureState.Lifted);
        line.Since.ShouldBe(new DateOnly(2026, 2, 1));
        line.Relations.ShouldContain(new MeasureLink("lifted-by", "cn-mofcom:2026:3"));
    }

    [Fact]
    public void StatesAt_BeforeTheSuspendingNoticeIsPublished_IgnoresIt()
    {
        var suspension = Acting("cn-mofcom:2025:70", new DateOnly(2025, 11, 7), new NoticeRelation("suspends", "cn-mofcom:2025:56"), new MeasureWindow("suspended-until", null, new DateOnly(2026, 11, 10)));

        Line([Controlled("cn-mofcom:2025:56"), suspension], "cn-mofcom:2025:56", new DateOnly(2025, 11, 6)).State.ShouldBe(MeasureState.Announced);
    }

    [Fact]
    public void StatesAt_OnTheLastDayOfAWindow_IsStillSuspended()
    {
        var suspension = Acting("cn-mofcom:2025:70", new DateOnly(2025, 11, 7), new NoticeRelation("suspends", "cn-mofcom:2025:56"), new MeasureWindow("suspended-until", null, new DateOnly(2026, 11, 10)));

        var line = Line([Controlled("cn-mofcom:2025:56"), suspension], "cn-mofcom:2025:56", new DateOnly(2026, 11, 10));

        line.State.ShouldBe(MeasureState.Suspended);
        line.Since.ShouldBe(new DateOnly(2025, 11, 7));
    }
}
