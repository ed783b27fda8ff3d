using Alerts.Core.Goods;

namespace Alerts.Core.Tests.Goods;

public sealed class TitleGlossaryTests
{
    [Theory]
    [InlineData("商务部公告2026年第12号 关于将20家日本实体列入关注名单的公告", "Watch List")]
    [InlineData("商务部公告2026年第11号 关于将20家日本实体列入出口管制管控名单的公告", "Export Control List")]
    [InlineData("不可靠实体清单工作机制公告", "Unreliable Entity List")]
    [InlineData("外国ユーザーリストの改正について", "End User List")]
    [InlineData("关于对镓、锗相关物项实施出口管制的公告", "gallium")]
    [InlineData("商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告", "No. 1 of 2026")]
    public void Gloss_KnownPhrases_AreInEnglish(string title, string expected)
    {
        TitleGlossary.Default.Gloss(title)!.ShouldContain(expected);
    }

    [Fact]
    public void Gloss_EnglishTitle_IsNull()
    {
        TitleGlossary.Default.Gloss("MOFCOM announces export controls").ShouldBeNull();
    }
}
