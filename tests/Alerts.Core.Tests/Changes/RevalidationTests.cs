using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Testing;

namespace Alerts.Core.Tests.Changes;

/// <summary>Which known notices a revalidation re-reads, and when it is due (issue 17).</summary>
public sealed class RevalidationTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 2, 3, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 7, 2);

    private static NoticeState State(string key, DateOnly published, DateOnly? effective = null, params MeasureWindow[] windows) =>
        new(new NoticeBuilder().WithKey(key).WithEffective(effective ?? published).With(n => n with { Published = published, Windows = windows }).Build(),
            "v-" + key, Now.AddDays(-200), Now.AddDays(-1));

    [Fact]
    public void IsLive_PublishedTwentyNineDaysAgo_IsLive() =>
        Revalidation.IsLive(State("a", Today.AddDays(-29)), Today).ShouldBeTrue();

    [Fact]
    public void IsLive_PublishedThirtyDaysAgoAndInForce_IsNotLive() =>
        Revalidation.IsLive(State("a", Today.AddDays(-30)), Today).ShouldBeFalse();

    [Fact]
    public void IsLive_OldButNotYetInForce_IsLive() =>
        Revalidation.IsLive(State("a", Today.AddDays(-90), Today.AddDays(10)), Today).ShouldBeTrue();

    [Fact]
    public void IsLive_OldWithASuspensionWindowStillOpen_IsLive() =>
        Revalidation.IsLive(State("a", Today.AddDays(-200), Today.AddDays(-199), new MeasureWindow("suspends", Today.AddDays(-100), new DateOnly(2026, 11, 27))), Today).ShouldBeTrue();

    [Fact]
    public void IsLive_OldWithAWindowThatEnded_IsNotLive() =>
        Revalidation.IsLive(State("a", Today.AddDays(-200), Today.AddDays(-199), new MeasureWindow("suspends", Today.AddDays(-100), Today.AddDays(-1))), Today).ShouldBeFalse();

    [Fact]
    public void Targets_MixedNotices_TakesLiveOnesNewestFirstUpToTheCap()
    {
        var snapshot = new SourceSnapshot("s")
        {
            Notices = new Dictionary<string, NoticeState>
            {
                ["old"] = State("old", Today.AddDays(-90)),
                ["recent"] = State("recent", Today.AddDays(-3)),
                ["newest"] = State("newest", Today.AddDays(-1)),
                ["gone"] = State("gone", Today.AddDays(-1)) with { Withdrawn = true },
                ["middle"] = State("middle", Today.AddDays(-10)),
            },
        };

        Revalidation.Targets(snapshot, Now, 2).Select(n => n.Key).ShouldBe(["newest", "recent"]);
    }

    [Fact]
    public void IsDue_ScheduleFiredSinceTheLastRevalidation_IsDue() =>
        Revalidation.IsDue(new SourceSnapshot("s") { LastRevalidated = Now.AddHours(-7) }, "0 0 */6 * * *", Now).ShouldBeTrue();

    [Fact]
    public void IsDue_ScheduleNotFiredYet_IsNotDue() =>
        Revalidation.IsDue(new SourceSnapshot("s") { LastRevalidated = Now.AddMinutes(-30) }, "0 0 */6 * * *", Now).ShouldBeFalse();

    [Fact]
    public void IsDue_CadenceNotStarted_IsNotDue() =>
        Revalidation.IsDue(new SourceSnapshot("s"), "0 0 */6 * * *", Now).ShouldBeFalse();
}
