using Alerts.Core.Goods;

namespace Alerts.Core.Tests.Goods;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("ＧａＮ", "gan")]
    [InlineData("鎵、鍺、銻", "镓、锗、锑")]
    [InlineData("兩用物項", "两用物项")]
    [InlineData("軍民両用", "军民两用")]
    [InlineData("ﾄﾞﾛｰﾝ", "ドローン")]
    [InlineData("どろーん", "ドローン")]
    [InlineData("2805.30", "280530")]
    [InlineData("2805 30 19 10", "2805301910")]
    [InlineData("dual-use items", "dual use items")]
    [InlineData("稀 土", "稀土")]
    [InlineData("rare   earth", "rare earth")]
    public void Normalize_Variants_FoldToOneSpelling(string input, string expected)
    {
        TextNormalizer.Normalize(input).Text.ShouldBe(expected);
    }

    [Fact]
    public void Snippet_AfterFolding_ReturnsTheOriginalTextAroundTheHit()
    {
        var original = new string('x', 50) + "對鎵、鍺相關物項" + new string('y', 50);
        var normalized = TextNormalizer.Normalize(original);
        var at = normalized.Text.IndexOf('镓');

        var snippet = normalized.Snippet(at, 1);

        snippet.ShouldContain("對鎵、鍺");
        snippet.Length.ShouldBe(81);
    }

    [Fact]
    public void Snippet_HitNearTheStart_IsClippedToTheText()
    {
        var normalized = TextNormalizer.Normalize("稀土永磁");

        normalized.Snippet(0, 2).ShouldBe("稀土永磁");
    }
}
