using Alerts.Core.Notices;

namespace Alerts.Core.Tests.Notices;

/// <summary>
/// Reading rules found on the held-out round of real texts (docs/fidelity.md, "Held-out rounds"): English copies of
/// Chinese measures (Xinhua, China Daily, Global Times, trade press), a co-issuer the key table lacked, and a
/// spokesperson's remark on a trade-remedy case. Each excerpt is from the real text named.
/// </summary>
public sealed class HeldOutReadingRulesTests
{
    // China Daily HK (Xinhua), 2025-01-15: the UEL listing of seven US companies (〔2025〕2号).
    private const string SevenUsCompanies = """
        China adds 7 US companies to unreliable entity list
        Published: 10:20, January 15, 2025
        By Xinhua
        BEIJING - China's Ministry of Commerce (MOC) said Tuesday that seven US companies have been added to the unreliable entity list for selling arms to China's Taiwan region.
        The companies in question are Inter-Coastal Electronics, System Studies & Simulation, IronMountain Solutions, Applied Technologies Group, Axient, Anduril Industries and Maritime Tactical Systems.
        In response to a media inquiry regarding the addition of the seven companies to the list, an MOC spokesperson said that the United States has recently been engaging in frequent weapon sales to China's Taiwan region.
        """;

    private static Notice Read(string text) =>
        NoticeReader.Read(NoticeText.FromPlainText("cn-mofcom-announcements", text, new Uri("https://example.invalid/notice")));

    [Fact]
    public void Read_TextWithoutHanOrKanaOnChineseSource_IsReadAsEnglish()
    {
        Read(SevenUsCompanies).Language.ShouldBe("en");
    }

    [Fact]
    public void ClassifyMeasure_EnglishAddedToUnreliableEntityList_IsUnreliableEntityAddition()
    {
        Read(SevenUsCompanies).Measure.ShouldBe(Measure.UnreliableEntityAddition);
    }

    // UPI, 2023-02-16: "said in a statement" attributes the news; it does not make the text a remark.
    [Fact]
    public void ClassifyMeasure_EnglishSaidInAStatement_IsNotARemark()
    {
        NoticeExtraction.ClassifyMeasure(
            "The Chinese government will sanction Lockheed Martin and the Missile and Defense subsidiary of Raytheon by adding them to the government's \"unreliable entities\" list, the Ministry of Commerce said in a statement Thursday.",
            "").ShouldBe(Measure.UnreliableEntityAddition);
    }

    // rawmaterials.net, 2024-12-03 (MOFCOM 2024 No.46).
    [Fact]
    public void ClassifyMeasure_EnglishExportsAreProhibited_IsExportBan()
    {
        NoticeExtraction.ClassifyMeasure(
            "Exports of so-called dual-use goods or items with civil and military applications are prohibited, effective immediately—specifically gallium, germanium, and antimony.",
            "").ShouldBe(Measure.ExportBan);
    }

    // An English translation of MOFCOM 2025 No.61; "listed on export control watchlists" names a class of users, not a listing.
    [Fact]
    public void ClassifyMeasure_EnglishMustObtainExportLicense_IsLicensingRequirement()
    {
        NoticeExtraction.ClassifyMeasure(
            "Translated",
            "I. Overseas organizations and individuals must obtain a dual-use items export license issued by the Ministry of Commerce of China prior to exporting the following items.\nII. Export applications to foreign military users, as well as to importers and end-users listed on export control watchlists and watchlists, shall in principle not be approved.")
            .ShouldBe(Measure.LicensingRequirement);
    }

    [Fact]
    public void FindTargets_EnglishUsCompaniesInLead_AreUs()
    {
        Read(SevenUsCompanies).Destinations.ShouldBe(["US"]);
    }

    // Global Times, 2025-01-09: a remark on the technology catalogue that recalls, further down, the 2 January listings.
    [Fact]
    public void FindTargets_EnglishListingRecalledAfterTheLead_IsContext()
    {
        var notice = Read("""
            Adjustments to China's tech export ban catalogue not aimed at any specific industry or country: MOFCOM
            Published: Jan 09, 2025 05:22 PM
            China's Ministry of Commerce (MOFCOM) said on Thursday that it is soliciting public feedback on proposed adjustments to a catalogue of technologies that are subject to export bans or restrictions, and the adjustment does not target any specific industry or country.
            He Yadong, the spokesperson of MOFCOM, stated that the adjustments are being conducted in compliance with the Foreign Trade Law.
            On January 2, the MOFCOM announced the inclusion of 28 US entities on the export control list, barring exports of dual-use items to the listed companies.
            """);

        notice.Destinations.ShouldBeEmpty();
    }

    [Fact]
    public void FindStatedEntityCount_EnglishHeadline_IsRead()
    {
        NoticeExtraction.FindStatedEntityCount("China adds three US firms on 'unreliable entity list' over Taiwan arms sales", "").ShouldBe(3);
    }

    [Fact]
    public void FindStatedEntityCount_EnglishCountOnlyInStoryBody_IsNotRead()
    {
        NoticeExtraction.FindStatedEntityCount("Adjustments to China's tech export ban catalogue", "On January 2, the MOFCOM announced the inclusion of 28 US entities on the export control list.")
            .ShouldBeNull();
    }

    // Global Times, 2025-09-25 (〔2025〕9号): commas before Inc. belong to the names.
    [Fact]
    public void FindEntities_EnglishSentenceListWithCorporateSuffixes_GivesEachParty()
    {
        var notice = Read("""
            China adds three US firms on 'unreliable entity list' over Taiwan arms sales
            China's Ministry of Commerce (MOFCOM) announced on Thursday that three US companies have been placed on its "unreliable entity list", effective immediately.
            The entities are Saronic Technologies, Inc., Aerkomm Inc., and Oceaneering International, Inc., according to a MOFCOM statement.
            """);

        notice.Entities.Select(e => e.Name).ShouldBe(["Saronic Technologies, Inc.", "Aerkomm Inc.", "Oceaneering International, Inc."]);
    }

    // 2023年第28号 (temporary controls on certain drones) is signed by four departments, 国家国防科工局 among them.
    [Fact]
    public void FindNumber_SastindCoIssuer_IsInTheKey()
    {
        NoticeExtraction.FindNumber("商务部 海关总署 国家国防科工局 中央军委装备发展部公告2023年第28号 关于对部分无人机实施临时出口管制的公告")!
            .Key.ShouldBe("cn-mofcom-customs-sastind-cmc-edd:2023:28");
    }

    // 中新网 (2024-05-23): the MOFCOM spokesperson on the POM copolymer anti-dumping case.
    [Fact]
    public void Read_RemarkOnTradeRemedyCase_IsTradeRemedyWithOrigins()
    {
        var notice = Read("""
            商务部介绍对原产于欧美等地的进口共聚聚甲醛进行反倾销立案调查情况
            中新网 5月23日电 商务部5月23日举行新闻发布会,介绍近期商务领域重点工作有关情况。谈及“近日宣布对原产于欧盟、美国、台湾地区和日本的进口共聚聚甲醛进行反倾销立案调查”,新闻发言人何亚东指出,此次调查是应中国大陆产业申请依法发起的。
            """);

        notice.Measure.ShouldBe(Measure.TradeRemedy);
        notice.Origins.Order(StringComparer.Ordinal).ShouldBe(["EU", "JP", "TW", "US"]);
    }

    // 商务部令二〇二五年第5号: the EU listed two Chinese banks "在第18轮对俄罗斯制裁中"; China's countermeasure is on two EU
    // financial institutions. Russia is where the EU's sanctions were aimed, not whom China's measure targets.
    [Fact]
    public void FindTargets_CountermeasureOnEuFinancialInstitutions_TargetsTheEuNotTheCountryItsSanctionsWereAbout()
    {
        var notice = Read("""
            中华人民共和国商务部令二〇二五年第5号 关于对欧盟两家金融机构采取反制措施的决定
            为反制欧盟制裁两家中国金融机构，经国家反外国制裁工作协调机制批准，现公布《关于对欧盟两家金融机构采取反制措施的决定》，自2025年8月13日起施行。
            2025年7月18日，欧盟在第18轮对俄罗斯制裁中将两家中国金融机构列入制裁名单，严重违反国际法和国际关系基本准则，严重损害中国企业合法权益。
            """);

        notice.Destinations.ShouldBe(["EU"]);
    }

    // A Japanese copy of 商务部 海关总署公告2025年第55号 (superhard materials;
    // https://blog.abrasivestocks.com/ja/export-controls-on-superhard-materials-related-items-from-chinas-commerce-ministry-customs).
    private const string SuperhardMaterialsJa = """
        中国商務部・税関総署による超硬材料関連品目の輸出規制
        商務部(商務省)は10月9日、中国税関総署(GACC)と共同で、特定の超硬材料に対する輸出管理措置の実施に関する発表を行い、 2025年11月8日に発効することを明らかに した。
        国務院の承認を得て、以下の品目について輸出規制を行うことを決定した:
        1.合成ダイヤモンド微粉末 (平均粒径50μm以下、参考関税コード:71051020)
        上記の品目を輸出する場合、輸出者は国務院管轄の商務部門に許可を申請しなければならない。
        """;

    // Japanese words of a measure are read in their folded form (輸出規制 folds to 输出规制), as every rule reads.
    [Fact]
    public void ClassifyMeasure_JapaneseExportRegulationDecided_IsLicensingRequirement()
    {
        Read(SuperhardMaterialsJa).Measure.ShouldBe(Measure.LicensingRequirement);
    }

    [Fact]
    public void FindEffectiveDate_JapaneseDateThenNiHakkou_IsTheEffectiveDate()
    {
        Read(SuperhardMaterialsJa).Effective.ShouldBe(new DateOnly(2025, 11, 8));
    }

    [Fact]
    public void Read_JapaneseTextWhoseOnlyFullDateIsWhenItTakesEffect_DoesNotTakeItAsPublished()
    {
        Read(SuperhardMaterialsJa).Published.ShouldNotBe(new DateOnly(2025, 11, 8));
    }

    // マイナビニュース (2023-05-24) on METI's order adding 23 chip-making items: "パブリックコメント" is the consultation
    // that preceded the order, not a remark; the order is published on 5月23日 and applies from 2023年7月23日.
    [Fact]
    public void ClassifyMeasure_JapaneseOrderAfterPublicComment_IsNotAStatement()
    {
        var notice = Read("""
            経済産業省、先端半導体製造装置など23品目を輸出管理の規制対象に追加する省令改正を公布
            経済産業省は5月23日、省令の一部を改正する省令を公布した。いままでパブリックコメントを求めてきた先端半導体の製造装置など23品目を輸出管理の規制対象に加えることが正式に決まった。2カ月の周知期間を経て、2023年7月23日に施行される。
            """);

        notice.Measure.ShouldNotBe(Measure.Statement);
        notice.Effective.ShouldBe(new DateOnly(2023, 7, 23));
    }

    [Theory]
    [InlineData("令和7年10月9日(木曜日)から施行する。", null)]
    [InlineData("令和7年9月29日\n外国ユーザーリストを改正します。令和7年10月9日から適用します。", "2025-09-29")]
    [InlineData("2026年1月6日、商務部は発表した。", "2026-01-06")]
    public void ParseIssued_DateFollowedByWhenItApplies_IsSkipped(string text, string? expected)
    {
        JapaneseDates.ParseIssued(text.Replace("\\n", "\n", StringComparison.Ordinal)).ShouldBe(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    // 中央社 (2025-12-17): 深圳中院宣判6宗銻錠走私系列案 — a court sentences smugglers of antimony ingots; the story recalls
    // the 2024 antimony controls and calls the US ban "反制措施" as background.
    [Fact]
    public void ClassifyMeasure_CourtSentencesSmugglers_IsNoMeasureOfItsOwn()
    {
        var notice = Read("""
            快訊 深圳中院宣判6宗銻錠走私系列案
            中央社／ 台北17日電
            中國此前對銻等兩用物項實施出口管制。近日深圳市中級人民法院對6宗銻錠走私系列案進行公開宣判，涉及走私166餘噸銻錠，主犯被判有期徒刑12年。
            中國於2024年9月開始對銻相關物項實施出口管制，2024年12月宣布原則上不准對美國出口銻，當時被視為對美國進一步限制先進半導體出口到中國的反制措施。
            """);

        notice.Measure.ShouldBe(Measure.Other);
        notice.Destinations.ShouldBeEmpty();
    }

    // A news copy of MOFCOM's answer on the dual-use list (2024-11-15) recalls the notice it answers about: the answer
    // is not No.51, so it must not take No.51's key (it would read as a new version of the notice).
    [Fact]
    public void Read_AnswerRecallingTheNoticeItDiscusses_DoesNotTakeTheNoticesKey()
    {
        var notice = Read("""
            中國政府公佈《兩用物項出口管制清單》
            據中國商務部新聞辦公室消息,中國商務部新聞發言人就《中華人民共和國兩用物項出口管制清單》有關問題回答記者提問時表示,中方此次制定《清單》是對現有已管制的所有兩用物項進行系統整合。
            經中國國務院批准,2024年11月15日,中國商務部會同工業和信息化部、海關總署、國家密碼局發佈2024年第51號公告,公佈《中華人民共和國兩用物項出口管制清單》,自2024年12月1日起實施。
            """);

        notice.Measure.ShouldBe(Measure.Statement);
        notice.Key.ShouldNotContain(":2024:51");
    }

    // 香港卫视 (2021-01-21), the MFA's sanctions on 28 US persons: those named follow 包括, some after their post.
    [Fact]
    public void FindEntities_PersonsNamedAfterTheSanctionIncluding_AreTheSanctioned()
    {
        var notice = Read("""
            中方对28名美方人员实施制裁 包括前国务卿蓬佩奥
            据外交部网站1月21日凌晨消息,外交部发言人宣布,中方决定对在涉华问题上严重侵犯中国主权、负有主要责任的28名美方人员实施制裁,包括前国务卿蓬佩奥等人。
            发言人宣布,中方决定对在涉华问题上严重侵犯中国主权、负有主要责任的28名人员实施制裁,包括特朗普政府中的蓬佩奥、纳瓦罗、奥布莱恩、史达伟、波廷杰、阿扎、克拉奇、克拉夫特以及博尔顿、班农等。这些人及其家属被禁止入境中国内地和香港、澳门。
            """);

        notice.Measure.ShouldBe(Measure.Countermeasure);
        notice.Entities.Select(e => e.Name).ShouldBe(["蓬佩奥", "纳瓦罗", "奥布莱恩", "史达伟", "波廷杰", "阿扎", "克拉奇", "克拉夫特", "博尔顿", "班农"]);
    }

    // The MFA spokesperson (2021-07-23): 7 US persons and entities, each after its post or organisation.
    [Fact]
    public void FindEntities_PersonsAfterTheirPostsAndAnOrganisation_AreEachAParty()
    {
        var notice = Read("""
            中国外交部表示将对7个美国个人和实体施加制裁
            据外交部网站消息,外交部发言人就中方决定对美有关人员和实体实施制裁答记者问。发言人指出,针对美方错误行径,中方决定采取对等反制,根据《反外国制裁法》对7个美方人员和实体实施制裁。
            发言人指出,针对美方错误行径,中方决定采取对等反制,根据《反外国制裁法》对前美商务部长罗斯、美国会“美中经济与安全评估委员会”(USCC)主席卡罗琳·巴塞洛缪、“国会—行政部门中国委员会”(CECC)前办公室主任乔纳森·斯迪沃斯、“美国国际事务民主协会”金度允、“美国国际共和研究所”在港授权代表亚当·金、“人权观察”中国部主任索菲·理查森及“香港民主委员会”等7个美方人员和实体实施制裁。
            """);

        notice.Entities.Select(e => e.Name).ShouldBe(["罗斯", "卡罗琳·巴塞洛缪", "乔纳森·斯迪沃斯", "金度允", "亚当·金", "索菲·理查森", "香港民主委员会"]);
    }

    // Fourth held-out round. 中央社 copy (2020-10-26), traditional script: 中方決定採取必要措施,對…美國企業實施制裁.
    [Fact]
    public void ClassifyMeasure_SanctionDecidedAfterNecessaryMeasuresInTraditionalScript_IsCountermeasure()
    {
        var notice = Read("""
            北京宣佈制裁洛克希德·馬丁、波音防務和雷神等對臺軍售美企
            大陸外交部發言人趙立堅26日在大陸外交部例行記者會上表示,爲維護國家利益,中方決定採取必要措施,對參與對臺軍售的洛克希德·馬丁、波音防務、雷神等美國企業實施制裁。
            """);

        notice.Measure.ShouldBe(Measure.Countermeasure);
        notice.Destinations.ShouldBe(["US"]);
        notice.Entities.Select(e => e.Name).ShouldContain("洛克希德·马丁");
    }

    // 新华社 (2022-02-22): 中国政府决定对…两家军工企业实施反制 — 反制, not 制裁.
    [Fact]
    public void ClassifyMeasure_GovernmentDecidesACounterAgainstFirms_IsCountermeasure()
    {
        Read("""
            中国决定对美两家军工企业侵权行为实施反制
            新华社北京2月22日电 外交部发言人汪文斌21日表示,为了维护中国主权和安全利益,中国政府决定对长期参与美国向中国台湾地区出售武器的两家军工企业实施反制。
            """).Measure.ShouldBe(Measure.Countermeasure);
    }

    // 新华社 (2020-07-14): 对此次军售案的主要承包商洛克希德·马丁公司实施制裁 — the description before the name is not the name.
    [Fact]
    public void FindEntities_NameAfterItsRoleInTheArmsSale_IsTheCompanyItself()
    {
        var notice = Read("""
            中方决定对美国洛克希德·马丁公司实施制裁
            外交部发言人赵立坚14日就此表示,“为了维护国家利益,中方决定采取必要措施,对此次军售案的主要承包商洛克希德·马丁公司实施制裁。”
            """);

        notice.Entities.Select(e => e.Name).ShouldContain("洛克希德·马丁公司");
        notice.Entities.ShouldNotContain(e => e.Name.Contains("承包商", StringComparison.Ordinal));
    }

    // A spokesperson answer a relief is not: 中方宣布暂停对韩华海洋…实施反制措施 (the corpus's Hanwha news) stays a suspension,
    // and another side's sanction (美国商务部宣布对…实施制裁) is no countermeasure of China's.
    [Fact]
    public void ClassifyMeasure_ForeignMinistryAnnouncesSanctionsInTheSameClause_IsNotChinasCountermeasure()
    {
        Read("""
            商务部新闻发言人就美方制裁中国企业答记者问
            问：美国商务部宣布对多家中国企业实施制裁，请问商务部有何回应？答：中方坚决反对。
            """).Measure.ShouldNotBe(Measure.Countermeasure);
    }

    // 鉅亨網 (2025-11-09): 中國暫停鎵鍺銻等關鍵材料對美出口限制！商務部調整兩用物項管制政策 — a suspension, though 調整 is in the title.
    [Fact]
    public void ClassifyMeasure_TitleSuspendsExportRestrictionsAndAdjustsPolicy_IsSuspension()
    {
        Read("""
            中國暫停鎵鍺銻等關鍵材料對美出口限制！商務部調整兩用物項管制政策
            中國商務部週日（9 日）表示，中國已暫停執行先前「原則上不予許可」向美國出口鎵、鍺、銻及超硬材料等相關兩用物項的規定。
            """).Measure.ShouldBe(Measure.Suspension);
    }

    // 有線新聞 (2025-01-02): 將28間美國企業列入出口管制管控名單 — 間 counts like 家.
    [Fact]
    public void FindStatedEntityCount_CountedWithJian_IsRead()
    {
        NoticeExtraction.FindStatedEntityCount("商務部將28間美企列入出口管制名單", "商務部發布公告將28間美國企業列入出口管制管控名單。").ShouldBe(28);
    }

    // 有線新聞 (2025-01-02): 決定將美國軍火商通用動力等,28間美國企業列入出口管制管控名單 — the name is before the comma, after
    // its role (軍火商), without a corporate suffix.
    [Fact]
    public void FindEntities_NameAfterItsRoleBeforeTheCountedGroup_IsListed()
    {
        var notice = Read("""
            商務部將28間美企列入出口管制名單 10間對台軍售企業列不可靠實體清單
            商務部指為維護國家安全和利益,履行防擴散等國際義務,決定將美國軍火商通用動力等,28間美國企業列入出口管制管控名單,即日起禁止向名單上的企業出口軍民兩用物項。
            """);

        notice.Entities.Select(e => e.Name).ShouldContain("通用动力");
    }

    // 香港電台 (2023-09-15): 美國洛歇馬丁…分公司作為主承包商…，而諾斯羅普格魯曼公司多次參與對台售武，中方決定對這兩間美國軍工
    // 企業實施制裁 — "these two firms" are the two just named.
    // https://agora0.github.io/2309/rthk/2023/09/15/RTHK-中方決定制裁兩間美國軍工企業回應對台售武.html
    private const string TheseTwoFirms = """
        中方決定制裁兩間美國軍工企業回應對台售武
        在北京,外交部表示,中方決定對兩間美國軍工企業實施制裁,回應對方參與對台售武。
        發言人毛寧表示,美國洛歇馬丁密蘇里州聖路易斯市分公司作為主承包商,直接參與八月中的對台售武,而諾斯羅普格魯曼公司多次參與對台售武,中方決定對這兩間美國軍工企業實施制裁。
        """;

    [Fact]
    public void FindEntities_SanctionOnTheseTwoFirms_ListsTheTwoNamedBeforeIt()
    {
        Read(TheseTwoFirms).Entities.Select(e => e.Name).ShouldBe(["洛歇马丁密苏里州圣路易斯市分公司", "诺斯罗普格鲁曼公司"], ignoreOrder: true);
    }

    [Fact]
    public void FindEntities_GroupWithoutANameBeforeIt_ListsNobody()
    {
        Read("""
            中方决定对两家美国军工企业实施制裁
            外交部发言人表示,美方近日再次宣布对台军售,中方决定对这两家美国军工企业实施制裁。
            """).Entities.ShouldBeEmpty();
    }

    // 日報 (2023-09-16): 对美国洛歇.马丁公司密苏里州圣路易斯市分公司,以及美国诺斯罗普.格鲁曼公司实施制裁 — a comma before 以及
    // continues the list; it does not start a new clause.
    [Fact]
    public void FindEntities_CommaBeforeYiji_ContinuesTheList()
    {
        var notice = Read("""
            北京制裁两售台武器美军工企业
            针对美国上月底再向台湾出售武器,中国外交部发言人毛宁昨日宣布,根据《中华人民共和国反外国制裁法》,对美国洛歇.马丁公司密苏里州圣路易斯市分公司,以及美国诺斯罗普.格鲁曼公司实施制裁。
            """);

        notice.Entities.Select(e => e.Name).ShouldBe(["洛歇.马丁公司密苏里州圣路易斯市分公司", "诺斯罗普.格鲁曼公司"], ignoreOrder: true);
    }

    // 中國外交部 (2020-10-26), as 浙里網 reprinted it: 對參與對臺軍售的洛克希德·馬丁、波音防務、雷神等美國企業…實施制裁 — the
    // names before 等美国企业 are companies, suffix or not; the "有关个人与实体" after 以及 is a group, not a name.
    [Fact]
    public void FindEntities_NamesBeforeEtcAndTheirKind_AreCompaniesWithoutSuffix()
    {
        var notice = Read("""
            中方決定對洛克希德·馬丁、波音防務、雷神等美國企業實施制裁
            中國外交部發言人趙立堅26日在外交部例行記者會上表示,為維護國家利益,中方決定采取必要措施,對參與對臺軍售的洛克希德·馬丁、波音防務、雷神等美國企業,以及在售臺武器中發揮惡劣作用的美國有關個人與實體實施制裁。
            """);

        notice.Entities.Select(e => e.Name).ShouldBe(["洛克希德·马丁", "波音防务", "雷神"]);
    }

    // 外交部 (2021-03-26), reposted by 福州新闻网: https://news.fznews.com.cn/dsxw/20210326/605d1d13f0508.shtml
    private const string UkPersonsAndEntities = """
        外交部发言人宣布中方对英国有关人员和实体实施制裁
        中方决定对恶意传播谎言和虚假信息的英方9名人员和4个实体实施制裁,包括:图根哈特、邓肯—史密斯、奥布莱恩、奥尔顿、劳顿、加尼、肯尼迪、尼斯、芬利以及“中国研究小组”、保守党人权委员会、“维吾尔独立法庭”、埃塞克斯园大律师事务所。自即日起禁止有关人员及其直系家属入境(包括香港、澳门),冻结其在华财产,禁止中国公民及机构同其交易。
        """;

    [Fact]
    public void FindEntities_SanctionIncludingAfterAColon_ListsPersonsAndQuotedBodies()
    {
        var names = Read(UkPersonsAndEntities).Entities.Select(e => e.Name).ToList();

        names.ShouldContain("邓肯—史密斯");
        names.ShouldContain("中国研究小组");
        names.ShouldContain("埃塞克斯园大律师事务所");
        names.Count.ShouldBe(13);
    }

    [Fact]
    public void FindStatedEntityCount_PersonsAndEntitiesCountedWithGe_AreAdded()
    {
        Read(UkPersonsAndEntities).StatedEntityCount.ShouldBe(13);
    }

    // 人民日报客户端 (2021-03-28): https://www.shidiannet.com/2021/0328/161686244914947.html — one country's names, a comma,
    // then another's.
    [Fact]
    public void FindEntities_CommaBetweenTwoCountriesNames_KeepsBoth()
    {
        var notice = Read("""
            外交部宣布对美国、加拿大有关人员和实体实施制裁
            针对美国、加拿大基于谎言和虚假信息于3月22日对中国新疆有关人员和实体实施单边制裁的行径,中方决定对美国国际宗教自由委员会主席曼钦、副主席伯金斯,加拿大联邦众议员庄文浩、众议院外委会国际人权小组委员会实施制裁,禁止上述人员入境中国内地及香港、澳门特别行政区。
            """);

        notice.Entities.Select(e => e.Name).ShouldBe(["曼钦", "伯金斯", "庄文浩", "众议院外委会国际人权小组委员会"]);
        notice.Destinations.ShouldBe(["US", "CA"], ignoreOrder: true);
    }

    // 中新网 (2022-03-31): http://xhqsk.com/a/guonei/4371.html
    [Fact]
    public void ClassifyMeasure_ReciprocalVisaRestrictions_IsCountermeasure()
    {
        Read("""
            中方决定对美方官员对等采取签证限制
            中新网北京3月31日电 (记者 郭超凯)中国外交部发言人汪文斌31日主持例行记者会。
            汪文斌:为维护中国主权安全发展利益,根据中国反外国制裁法有关规定,中方决定对在涉华人权问题上炮制谎言、推动出台对华制裁、损害中方利益的美方官员对等采取签证限制。(完)
            """).Measure.ShouldBe(Measure.Countermeasure);
    }

    // 鉅亨網 (2025-12-26), Bloomberg on the MFA's sanctions: https://news.cnyes.com/news/id/6289656
    private const string SanctionsReportedFromBloomberg = """
        美國對台軍售惹怒北京？中國宣布制裁美國軍工業者
        鉅亨網編譯段智恆
        根據《彭博》周五 (26 日) 報導，中國宣布對美國多家國防企業及高階主管祭出制裁，以回應華府最新一輪對台軍售。
        中國外交部表示，已對 20 家美國國防相關企業與 10 名高階主管實施制裁，對象包括諾斯洛普格拉曼公司 (Northrop Grumman Systems)、L3 哈里斯海事服務公司 (L3Harris Maritime Services)、波音 (BA-US) 位於聖路易的相關業務，以及前身為 Maxar Intelligence 的萬拓公司 (Vantor)。
        """;

    [Fact]
    public void ClassifyMeasure_ChinaAnnouncesSanctionsInANewsHeadline_IsCountermeasure()
    {
        Read(SanctionsReportedFromBloomberg).Measure.ShouldBe(Measure.Countermeasure);
    }

    [Fact]
    public void FindEntities_SanctionedPartiesAfterDuixiangBaokuo_AreListed()
    {
        var names = Read(SanctionsReportedFromBloomberg).Entities.Select(e => e.NameEn).ToList();

        names.ShouldContain("Northrop Grumman Systems");
        names.ShouldContain("Vantor");
    }

    [Fact]
    public void FindStatedEntityCount_FirmsAndExecutivesCalledZhuguan_AreAdded()
    {
        Read(SanctionsReportedFromBloomberg).StatedEntityCount.ShouldBe(30);
    }

    // 科技新報 (2025-10-09) on 〔2025〕10号: https://finance.technews.tw/2025/10/09/mofcom
    private const string FourteenForeignEntities = """
        涉與台軍事合作,中國再列 14 家外國實體入不可靠清單
        中國商務部今日再度啟動「不可靠實體清單」機制,公布「不可靠實體清單工作機制〔2025〕10號」公告,將 14 家外國實體列入名單,理由是與台灣開展軍事技術合作。最受關注的是美國反無人機技術公司 Dedrone by Axon。
        同樣被列入名單的還包括美國迪傑恩技術公司(DZYNE Technologies)、以色列軍工企業埃比特系統美國分公司(Elbit Systems of America, LLC)。
        """;

    [Fact]
    public void FindOwnNumber_NumberANewsCopySaysWasPublished_IsTheCopys()
    {
        Read(FourteenForeignEntities).Key.ShouldBe("cn-uel:2025:10");
    }

    [Fact]
    public void ClassifyMeasure_HeadlineListsIntoTheUnreliableList_IsUnreliableEntityAddition()
    {
        Read(FourteenForeignEntities).Measure.ShouldBe(Measure.UnreliableEntityAddition);
    }

    [Fact]
    public void FindTargets_CountryBeforeACompanysName_IsATarget()
    {
        Read(FourteenForeignEntities).Destinations.ShouldContain("US");
    }

    // 泉州晚报 (2022-08-06), Xinhua on the countermeasures after Pelosi's visit: https://szb.qzwb.com/old/qzwb/html/2022-08/06/content_607165.htm
    [Fact]
    public void FindEntities_NumberedCancellations_AreNoParties()
    {
        NoticeExtraction.FindEntities(["一、取消安排中美两军战区领导通话。", "二、取消中美国防部工作会晤。", "三、取消中美海上军事安全磋商机制会议。"])
            .ShouldBeEmpty();
    }

    // 国际在线 (2021-05-26): http://news.cri.cn/20210526/d4855af7-d1d2-a0bd-89b5-e7bbfb96f5be.html
    [Fact]
    public void FindEntities_PersonAfterCommissionMemberTitle_IsThePerson()
    {
        Read("""
            外交部:中方对美国国际宗教自由委员会委员约翰尼·摩尔实施制裁
            外交部发言人赵立坚26日在例行记者会上宣布,针对美方…对中方人员实施单边制裁的行径,中方决定,对美国国际宗教自由委员会委员约翰尼·摩尔实施制裁。
            """).Entities.Select(e => e.Name).ShouldBe(["约翰尼·摩尔"]);
    }

    // A trade site's write-up of 2025 No.72 (https://rebee.cn/news/show/494.html): its first line is a section heading about an adjustment; the body
    // suspends a clause of 2024 No.46.
    [Fact]
    public void ClassifyMeasure_AdjustmentHeadingOverABodyThatSuspends_IsSuspension()
    {
        NoticeExtraction.ClassifyMeasure(
            "一、政策调整核心内容",
            "商务部官网发布的 2025 年第 72 号公告明确,经批准,自公告生效之日起至 2026 年 11 月 27 日,暂停执行 2024 年第 46 号公告第二款规定。")
            .ShouldBe(Measure.Suspension);
    }

    // 聯合報 (https://udn.com/news/story/7331/9061185): the US measure's count comes first, China's listing's second.
    [Fact]
    public void FindStatedEntityCount_CountInTheOtherSidesClause_IsNotTheListings()
    {
        NoticeExtraction.FindStatedEntityCount(
            "",
            "美國八日宣布對大陸和香港的十九個實體增至出口管制清單後，昨天大陸商務部也宣布，將美國反無人機技術公司、加拿大半導體研究機構TechInsights等十四家外國實體列為「不可靠實體清單」。")
            .ShouldBe(14);
    }
}
