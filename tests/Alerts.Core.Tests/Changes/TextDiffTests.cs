using Alerts.Core.Changes;

namespace Alerts.Core.Tests.Changes;

public sealed class TextDiffTests
{
    [Fact]
    public void Render_Chinese_DiffsCharacters()
    {
        var diff = TextDiff.Render("本公告自2026年11月10日起施行。", "本公告自2026年11月27日起施行。");

        diff.ShouldBe("本公告自2026年11月[-10-]{+27+}日起施行。");
    }

    [Fact]
    public void Render_English_DiffsWords()
    {
        var diff = TextDiff.Render("The measure takes effect on 10 November.", "The measure takes effect on 27 November.");

        diff.ShouldBe("The measure takes effect on [-10-]{+27+} November.");
    }

    [Fact]
    public void Render_EqualTexts_IsEmpty() => TextDiff.Render("同じ", "同じ").ShouldBeEmpty();

    [Fact]
    public void Compute_Segments_RebuildBothTexts()
    {
        const string before = "a b c d e f g";
        const string after = "a x c d y f g z";

        var segments = TextDiff.Compute(before, after);

        string.Concat(segments.Where(s => s.Operation != DiffOperation.Insert).Select(s => s.Text)).ShouldBe(before);
        string.Concat(segments.Where(s => s.Operation != DiffOperation.Delete).Select(s => s.Text)).ShouldBe(after);
    }

    [Fact]
    public void Compute_ChineseDateChange_MarksOnlyTheChangedCharacters()
    {
        var segments = TextDiff.Compute("自2025年11月10日起正式实施", "自2025年11月27日起正式实施");

        segments.Where(s => s.Operation == DiffOperation.Delete).Select(s => s.Text).ShouldBe(["10"]);
        segments.Where(s => s.Operation == DiffOperation.Insert).Select(s => s.Text).ShouldBe(["27"]);
    }

    [Fact]
    public void Compute_JapaneseWordSwap_IsCharacterLevel()
    {
        var segments = TextDiff.Compute("懸念を表明した", "遺憾の意を表明した");

        string.Concat(segments.Where(s => s.Operation != DiffOperation.Insert).Select(s => s.Text)).ShouldBe("懸念を表明した");
        string.Concat(segments.Where(s => s.Operation != DiffOperation.Delete).Select(s => s.Text)).ShouldBe("遺憾の意を表明した");
        segments.ShouldContain(s => s.Operation == DiffOperation.Equal && s.Text == "を表明した");
    }

    [Fact]
    public void Compute_EnglishWords_AreWholeTokens()
    {
        var segments = TextDiff.Compute("effective on Monday", "effective on Friday");

        segments.ShouldBe([new DiffSegment(DiffOperation.Equal, "effective on "), new DiffSegment(DiffOperation.Delete, "Monday"), new DiffSegment(DiffOperation.Insert, "Friday")]);
    }
}
