using Alerts.Core.Notices;

namespace Alerts.Core.Tests.Notices;

public sealed class NoticeExtractionTests
{
    [Theory]
    [InlineData("商务部公告2026年第1号", "cn-mofcom:2026:1")]
    [InlineData("商务部 海关总署公告2025年第18号", "cn-mofcom-customs:2025:18")]
    [InlineData("商务部 海关总署公告2025年第58", "cn-mofcom-customs:2025:58")]
    [InlineData("不可靠实体清单工作机制公告〔2025〕7号", "cn-uel:2025:7")]
    [InlineData("商务部 工业和信息化部 海关总署 国家密码局公告2024年第51号", "cn-mofcom-customs-miit-crypto:2024:51")]
    [InlineData("海关总署公告2026年第3号", "cn-customs:2026:3")]
    public void FindNumber_PrintedNumber_GivesKey(string text, string key)
    {
        NoticeExtraction.FindNumber(text)!.Key.ShouldBe(key);
    }

    // A ministry order (Anti-Foreign Sanctions Law countermeasures) is keyed as the corpus labels it; the year is
    // printed with 〇 or, on many pages, with ○ (U+25CB). Real forms: 商务部令二〇二五年第5号 (2025 No.5, EU banks),
    // 暂停商务部令二○二五年第6号 (Ta Kung Pao, 2025-11-11, the Hanwha suspension).
    [Theory]
    [InlineData("商务部令二〇二六年第1号", "cn-mofcom-order:2026:1")]
    [InlineData("中华人民共和国商务部令二〇二五年第5号 关于对欧盟两家金融机构采取反制措施的决定", "cn-mofcom-order:2025:5")]
    [InlineData("商务部令二○二五年第6号", "cn-mofcom-order:2025:6")]
    [InlineData("商务部令2025年第6号", "cn-mofcom-order:2025:6")]
    public void FindNumber_MinistryOrder_GivesOrderKey(string text, string key)
    {
        NoticeExtraction.FindNumber(text)!.Key.ShouldBe(key);
    }

    [Fact]
    public void FindNumbers_OrderCitedBySuspension_IsFoundAsAnotherNotices()
    {
        var folded = NoticeExtraction.Fold("中方决定自北京时间2025年11月10日起，暂停商务部令二○二五年第6号(《关于对韩华海洋株式会社5家美国相关子公司采取反制措施的决定》)相关措施一年。");

        NoticeExtraction.FindOwnNumber("中方暂停对韩华海洋5家美国相关子公司反制措施一年", folded).ShouldBeNull();
        NoticeExtraction.FindNumbers(folded).Select(n => n.Key).ShouldBe(["cn-mofcom-order:2025:6"]);
    }

    // 中新网 copy of MOFCOM 2005 No.37 as a mirror prints it, readings after characters
    // (http://m.fraudsandswindlers.com/news/2005/2005-07-22/26/602704.shtml).
    [Fact]
    public void StripReadings_MirrorCopyWithPinyin_ReadsTheWords()
    {
        const string Line = "2005年7月22日,商務(wù)部發(fā)布2005年第37號公告,公布了對原產(chǎn)于俄羅斯和日本的進(jìn)口三氯乙烯反傾銷調查的最終裁定。";

        NoticeExtraction.HasReadings(Line).ShouldBeTrue();
        NoticeExtraction.StripReadings(Line).ShouldBe("2005年7月22日,商務部發布2005年第37號公告,公布了對原產于俄羅斯和日本的進口三氯乙烯反傾銷調查的最終裁定。");
    }

    [Fact]
    public void HasReadings_LowerCaseWordInBrackets_IsNoReading()
    {
        NoticeExtraction.HasReadings("韩华海洋株式会社(hanwha)及其子公司").ShouldBeFalse();
    }

    [Theory]
    [InlineData("【发文日期】2025年04月04日", 2025, 4, 4)]
    [InlineData("发文日期：2026年1月6日", 2026, 1, 6)]
    [InlineData("【发文日期】20251009", 2025, 10, 9)]
    public void FindIssueDate_Variants_AreRead(string text, int y, int m, int d)
    {
        NoticeExtraction.FindIssueDate(text).ShouldBe(new DateOnly(y, m, d));
    }

    [Fact]
    public void FindEffectiveDate_ExplicitClause_IsThatDate()
    {
        NoticeExtraction.FindEffectiveDate("本公告自2025年11月8日起正式实施。", new DateOnly(2025, 10, 9)).ShouldBe(new DateOnly(2025, 11, 8));
    }

    [Fact]
    public void FindEffectiveDate_OnPublication_IsPublished()
    {
        NoticeExtraction.FindEffectiveDate("本公告自公布之日起正式实施。", new DateOnly(2026, 1, 6)).ShouldBe(new DateOnly(2026, 1, 6));
    }

    [Fact]
    public void FindEffectiveDate_JapaneseEra_IsConverted()
    {
        NoticeExtraction.FindEffectiveDate("本改正は令和8年1月6日から施行します。", null).ShouldBe(new DateOnly(2026, 1, 6));
    }

    [Theory]
    [InlineData("商务部公告2026年第11号 公布将20家日本实体列入出口管制管控名单的决定", Measure.ControlListAddition)]
    [InlineData("商务部公告2026年第12号 公布将20家日本实体列入关注名单的决定", Measure.WatchListAddition)]
    [InlineData("不可靠实体清单工作机制公告〔2025〕7号 关于将14家外国实体列入不可靠实体清单的决定", Measure.UnreliableEntityAddition)]
    [InlineData("商务部 海关总署公告2025年第70号 关于暂停实施第55号等公告的公告", Measure.Suspension)]
    [InlineData("关于将部分实体移出关注名单的公告", Measure.Removal)]
    [InlineData("关于公布《两用物项和技术进出口许可证管理目录》的公告", Measure.CatalogueChange)]
    [InlineData("公布对部分中重稀土相关物项实施出口管制的决定", Measure.LicensingRequirement)]
    [InlineData("关于对原产于加拿大的进口豌豆淀粉反倾销调查的初步裁定", Measure.TradeRemedy)]
    [InlineData("关于《两用物项出口管制条例（征求意见稿）》公开征求意见的通知", Measure.Consultation)]
    public void ClassifyMeasure_Title_GivesMeasure(string title, Measure expected)
    {
        NoticeExtraction.ClassifyMeasure(title, "").ShouldBe(expected);
    }

    [Fact]
    public void ClassifyMeasure_TitleSilent_FallsBackToBody()
    {
        NoticeExtraction.ClassifyMeasure("关于加强两用物项对日本出口管制的公告", "一、禁止向日本军事用户出口两用物项。").ShouldBe(Measure.ExportBan);
    }

    [Fact]
    public void FindDestinations_ChineseText_MapsToIso()
    {
        NoticeExtraction.FindDestinations("关于加强两用物项对日本出口管制的公告", "对美国和欧盟", "zh-Hans").ShouldBe(["JP", "US", "EU"]);
    }

    [Fact]
    public void FindEntities_AnnexLinesWithAddress_AreParsed()
    {
        var entities = NoticeExtraction.FindEntities(["1.防卫研究所（National Institute for Defense Studies）", "地 址：日本东京都新宿区市谷本村町5番1号", "邮编：162-8808", "2. 日兴特机株式会社 (NIKKO TOKKI Co., Ltd.)"]);
        entities.ShouldBe([
            new ListedEntity("防卫研究所", "National Institute for Defense Studies", "日本东京都新宿区市谷本村町5番1号", "162-8808"),
            new ListedEntity("日兴特机株式会社", "NIKKO TOKKI Co., Ltd."),
        ]);
    }

    [Fact]
    public void FindEntities_NumberedClauseWithoutEnglishName_IsNotAnEntity()
    {
        NoticeExtraction.FindEntities(["1.禁止出口经营者向上述实体出口两用物项（含技术）。"]).ShouldBeEmpty();
    }

    [Fact]
    public void FindControlCodes_NextToChinese_AreFound()
    {
        NoticeExtraction.FindControlCodes("物项编码1C902.a和2B902.z，以及3C901.a.1；不是A1C902").ShouldBe(["1C902.a", "2B902.z", "3C901.a.1"]);
    }

    [Fact]
    public void FindNumber_LeadIssuerTogetherWithCoIssuers_KeysAsTheNoticeItself()
    {
        // A news copy of MOFCOM's answer on the dual-use list (2024-11-15): 商务部会同…发布2024年第51号公告.
        var news = NoticeExtraction.FindNumber("中国商务部会同工业和信息化部、海关总署、国家密码局发布2024年第51号公告，公布《清单》");
        var notice = NoticeExtraction.FindNumber("商务部 工业和信息化部 海关总署 国家密码管理局公告2024年第51号");

        news!.Key.ShouldBe(notice!.Key);
    }

    [Fact]
    public void FindControlCodes_PrintedOnlyAsAnExclusion_AreNotTheNoticesCodes()
    {
        // 2025 No.10: "非1C226、1C241项下管制的钨…" — tungsten not controlled under 1C226 or 1C241; those entries are
        // named to say what the item is not, so a watcher of 1C226 is not told its code is controlled.
        NoticeExtraction.FindControlCodes("a．非1C226、1C241项下管制的钨及钨合金；b．1C117.c所列的钨粉").ShouldBe(["1C117.c"]);
    }

    [Fact]
    public void FindControlCodes_ExcludedInOneClauseAndControlledInAnother_IsKept()
    {
        NoticeExtraction.FindControlCodes("非1C226项下管制的碳化钨；1C226所列的钨部件").ShouldBe(["1C226"]);
    }

    [Fact]
    public void FindHsCodes_TenEightAndDotted_AreDigits()
    {
        NoticeExtraction.FindHsCodes("参考海关商品编号：2805301910、3824999922。参考税则号列：85076000，8507.60.00，2846.9019.93").ShouldBe(["2805301910", "3824999922", "85076000", "2846901993"]);
    }

    [Fact]
    public void FindHsCodes_UnlabelledTariffNumber_IsIgnored()
    {
        NoticeExtraction.FindHsCodes("该产品归在《中华人民共和国进出口税则》：11081900。").ShouldBeEmpty();
    }

    [Fact]
    public void FindStatedEntityCount_Title_IsRead()
    {
        NoticeExtraction.FindStatedEntityCount("公布将20家日本实体列入关注名单的决定", "").ShouldBe(20);
    }

    [Theory]
    [InlineData("令和8年1月6日", 2026, 1, 6)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("平成31年4月30日", 2019, 4, 30)]
    public void JapaneseDatesParse_Era_IsConverted(string text, int y, int m, int d)
    {
        JapaneseDates.Parse(text).ShouldBe(new DateOnly(y, m, d));
    }

    [Fact]
    public void FromMonthDay_DecemberReadInJanuary_IsPreviousYear()
    {
        JapaneseDates.FromMonthDay(12, 26, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2025, 12, 26));
    }

    [Fact]
    public void FromMonthDay_SameMonth_IsCurrentYear()
    {
        JapaneseDates.FromMonthDay(1, 2, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 1, 2));
    }
}
