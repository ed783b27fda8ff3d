using Alerts.Core.Dashboard;

namespace Alerts.Core.Tests.Dashboard;

public sealed class InlineDiffTests
{
    [Fact]
    public void Compute_ChineseDateChange_MarksOnlyTheChangedCharacters()
    {
        var segments = InlineDiff.Compute("自2025年11月10日起正式实施", "自2025年11月27日起正式实施");

        segments.Where(s => s.Op == DiffOp.Deleted).Select(s => s.Text).ShouldBe(["10"]);
        segments.Where(s => s.Op == DiffOp.Inserted).Select(s => s.Text).ShouldBe(["27"]);
    }

    [Fact]
    public void Compute_JapaneseWordSwap_IsCharacterLevel()
    {
        var segments = InlineDiff.Compute("懸念を表明した", "遺憾の意を表明した");

        string.Concat(segments.Where(s => s.Op != DiffOp.Inserted).Select(s => s.Text)).ShouldBe("懸念を表明した");
        string.Concat(segments.Where(s => s.Op != DiffOp.Deleted).Select(s => s.Text)).ShouldBe("遺憾の意を表明した");
        segments.ShouldContain(s => s.Op == DiffOp.Same && s.Text == "を表明した");
    }

    [Fact]
    public void Compute_EnglishWords_AreWholeTokens()
    {
        var segments = InlineDiff.Compute("effective on Monday", "effective on Friday");

        segments.ShouldBe([new DiffSegment(DiffOp.Same, "effective on "), new DiffSegment(DiffOp.Deleted, "Monday"), new DiffSegment(DiffOp.Inserted, "Friday")]);
    }

    [Fact]
    public void Parse_WdiffMarkers_BecomeSegments()
    {
        var segments = InlineDiff.Parse("生效[-10-]{+27+}日");

        segments.ShouldBe([new DiffSegment(DiffOp.Same, "生效"), new DiffSegment(DiffOp.Deleted, "10"), new DiffSegment(DiffOp.Inserted, "27"), new DiffSegment(DiffOp.Same, "日")]);
    }

    [Fact]
    public void Parse_UnifiedLines_BecomeWholeLineSegments()
    {
        var segments = InlineDiff.Parse("same\n- old line\n+ new line");

        segments.ShouldBe([new DiffSegment(DiffOp.Same, "same\n"), new DiffSegment(DiffOp.Deleted, "old line\n"), new DiffSegment(DiffOp.Inserted, "new line")]);
    }
}
