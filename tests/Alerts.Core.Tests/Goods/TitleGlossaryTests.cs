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

    [Theory]
    [InlineData("商务部 海关总署公告2023年第23号 关于对镓、锗相关物项实施出口管制的公告", "MOFCOM GACC Announcement No. 23 of 2023: Announcement on export controls on gallium, germanium related items")]
    [InlineData("關于對鎵、鍺相關物項實施出口管制的公告", "Announcement on export controls on gallium, germanium related items")]
    [InlineData("商务部公告2025年第1号 公布将28家美国实体列入出口管制管控名单", "MOFCOM Announcement No. 1 of 2025: Decision to add 28 United States entities to the Export Control List")]
    [InlineData("商务部 海关总署公告2025年第10号 公布对钨、碲、铋、钼、铟相关物项 实施出口管制的决定", "MOFCOM GACC Announcement No. 10 of 2025: Decision on export controls on tungsten, tellurium, bismuth, molybdenum, indium related items")]
    [InlineData("商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告", "MOFCOM Announcement No. 1 of 2026: Announcement on strengthening export controls on dual-use items to Japan")]
    public void Gloss_StandardTitleForms_ReadAsEnglishSentences(string title, string expected)
    {
        TitleGlossary.Default.Gloss(title).ShouldBe(expected);
    }

    [Fact]
    public void Gloss_TitleForm_IsNotTheWordByWordGloss()
    {
        // Issue 16: the word-by-word gloss read "on on gallium, germanium related items imposing export control Announcement".
        TitleGlossary.Default.Gloss("关于对镓、锗相关物项实施出口管制的公告")!.ShouldNotContain("on on");
    }

    [Fact]
    public void Gloss_EnglishTitle_IsNull()
    {
        TitleGlossary.Default.Gloss("MOFCOM announces export controls").ShouldBeNull();
    }
}
