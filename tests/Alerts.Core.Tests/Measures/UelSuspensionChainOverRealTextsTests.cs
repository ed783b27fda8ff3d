using System.Globalization;
using Alerts.Core.Measures;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;

namespace Alerts.Core.Tests.Measures;

/// <summary>
/// Issue 17 继续暂停 chain, over the real texts of tests/fixtures/real/cn-lists: UEL 2025 No.7 suspended for 90 days
/// from 2025-05-14, the suspension continued (继续暂停) for 90 days from 2025-08-12 and for a year (1年) from
/// 2025-11-10; No.8 suspended on 2025-05-14 and stopped (停止) on 2025-08-12; No.5 and No.6 stopped from 2025-11-10.
/// </summary>
public sealed class UelSuspensionChainOverRealTextsTests
{
    private static readonly string[] s_files =
    [
        "cn-uel-2025-007-addition.txt", "cn-uel-2025-008-addition.txt", "cn-mofcom-2025-05-14-uel-spokesperson.txt",
        "cn-mofcom-2025-08-12-uel-spokesperson.txt", "cn-mofcom-2025-11-05-uel-spokesperson.txt",
    ];

    private static readonly Lazy<MeasureGraph> s_graph = new(() =>
        MeasureGraph.Build(s_files.Select(f => new KnownNotice(RealCorpusFidelityTests.Read(RealCorpus.Documents.Single(d => d.Label.File == f))))));

    private static MeasureLine LineOf(string key, string date) =>
        s_graph.Value.StatesAt(DateOnly.Parse(date, CultureInfo.InvariantCulture)).Single(l => l.Key == key && l.Clause is null);

    [Theory]
    [InlineData("2025-06-01", "2025-05-14", "2025-08-12")]
    [InlineData("2025-09-01", "2025-08-12", "2025-11-10")]
    [InlineData("2026-06-01", "2025-11-10", "2026-11-10")]
    public void No7_InEachContinuedSuspension_IsSuspendedForThatWindow(string at, string since, string until)
    {
        var line = LineOf("cn-uel:2025:7", at);

        line.State.ShouldBe(MeasureState.Suspended);
        (line.Since, line.Until).ShouldBe((DateOnly.Parse(since, CultureInfo.InvariantCulture), DateOnly.Parse(until, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void No7_BeforeTheFirstSuspension_IsInForce()
    {
        LineOf("cn-uel:2025:7", "2025-04-10").State.ShouldBe(MeasureState.InForce);
    }

    [Fact]
    public void No8_StoppedOn20250812_IsLiftedNotSuspended()
    {
        var line = LineOf("cn-uel:2025:8", "2025-09-01");

        line.State.ShouldBe(MeasureState.Lifted);
        line.Since.ShouldBe(new DateOnly(2025, 8, 12));
    }

    [Fact]
    public void No8_BetweenItsSuspensionAndItsStop_IsSuspendedWithNoEnd()
    {
        var line = LineOf("cn-uel:2025:8", "2025-06-01");

        line.State.ShouldBe(MeasureState.Suspended);
        line.Until.ShouldBeNull();
    }

    [Theory]
    [InlineData("cn-uel:2025:5")]
    [InlineData("cn-uel:2025:6")]
    public void No5AndNo6_StoppedFrom20251110_AreLifted(string key)
    {
        var line = LineOf(key, "2025-11-12");

        line.State.ShouldBe(MeasureState.Lifted);
        line.Since.ShouldBe(new DateOnly(2025, 11, 10));
    }

    [Fact]
    public void No7_AfterTheOneYearContinuation_IsInForceAgain()
    {
        var line = LineOf("cn-uel:2025:7", "2026-11-11");

        line.State.ShouldBe(MeasureState.InForce);
        line.Since.ShouldBe(new DateOnly(2026, 11, 11));
    }
}
