using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Matching;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;

namespace Alerts.Core.Tests.Notices;

/// <summary>
/// Reading rules found on the fifth held-out round (docs/fidelity.md, "Held-out rounds"): Japanese translations of
/// MOFCOM's listings and bans, Japanese news and remarks, and English news copies of China's sanctions. Each excerpt is
/// from the real text named above it.
/// </summary>
public sealed class JapaneseAndEnglishCopiesTests
{
    // 人民網日本語版 (2026-02-24), MOFCOM 2026 No.11 in Japanese: http://j.people.com.cn/n3/2026/0224/c94476-20427809.html
    private const string ControlListInJapanese = """
        商務部（商務省）は24日、以下の公告を発表した。
        「中華人民共和国輸出管理法」及び「中華人民共和国軍民両用品目輸出管理条例」等の法律・法規の規定に基づき、国家の安全と利益を守り、不拡散等の国際的義務を履行するため、日本の軍事力強化に関与している三菱造船株式会社等日本の20企業・団体を輸出管理規制リスト（エンティティ・リスト）に加え、以下の措置を講じることを決定した。
        一、輸出業者がこれらの 20企業・団体に軍民両用（デュアルユース）品目を輸出することを禁止する。国外の組織及び個人が、中華人民共和国原産の軍民両用品目を上記20企業・団体に移転または提供することを禁止する。現在進行中の関連活動は直ちに停止しなければならない。
        二、特別な事情により輸出が必要な場合、輸出業者は商務部に申請しなければならない。
        本公告は、告示日より正式に施行する。
        輸出管理規制リスト（2026年2月24日）
        1. 三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co.）
        2. 三菱重工航空エンジン株式会社（Mitsubishi Heavy Industries Aero Engines, Ltd.）
        """;

    // 人民網日本語版 (2026-02-24), MOFCOM 2026 No.12 in Japanese: http://j.people.com.cn/n3/2026/0224/c94476-20427811.html
    private const string WatchListInJapanese = """
        商務部（商務省）は24日、以下の公告を発表した。
        「中華人民共和国輸出管理法」及び「中華人民共和国軍民両用品目輸出管理条例」等の法律・法規の規定に基づき、株式会社SUBARU等、軍民両用（デュアルユース）品目のエンドユーザー及び最終用途を確認できない日本の20企業・団体を注視リストに加えることを決定した。
        本公告は、告示日より正式に施行する。
        注視リスト（2026年2月24日）
        1. 株式会社SUBARU（SUBARU Corporation）
        """;

    private static Notice Read(string text) =>
        NoticeReader.Read(NoticeText.FromPlainText("cn-mofcom-announcements", text, new Uri("https://example.invalid/notice")));

    [Fact]
    public void ClassifyMeasure_JapaneseAddedToTheExportControlList_IsControlListAddition()
    {
        Read(ControlListInJapanese).Measure.ShouldBe(Measure.ControlListAddition);
    }

    [Fact]
    public void ClassifyMeasure_JapaneseAddedToTheWatchList_IsWatchListAddition()
    {
        Read(WatchListInJapanese).Measure.ShouldBe(Measure.WatchListAddition);
    }

    [Fact]
    public void Read_JapaneseControlList_ListsTheNumberedParties()
    {
        Read(ControlListInJapanese).Entities.Select(e => e.NameEn).ShouldBe(
            ["Mitsubishi Heavy Industries Shipbuilding Co.", "Mitsubishi Heavy Industries Aero Engines, Ltd."]);
    }

    [Fact]
    public void FindStatedEntityCount_JapaneseCountOfFirmsAndBodies_IsRead()
    {
        Read(ControlListInJapanese).StatedEntityCount.ShouldBe(20);
    }

    [Fact]
    public void FindStatedEntityCount_JapaneseCountBeforeTheNoun_IsRead()
    {
        NoticeExtraction.FindStatedEntityCount("日本の20企業を輸出管理リストに追加", "").ShouldBe(20);
        NoticeExtraction.FindStatedEntityCount("三菱造船株式会社など20の日本企業を輸出管理リストに追加しました。", "").ShouldBe(20);
    }

    [Fact]
    public void FindEffectiveDate_JapaneseInForceFromTheDayOfNotice_IsThePublishedDate()
    {
        var notice = Read(ControlListInJapanese.Replace("商務部（商務省）は24日、", "商務部（商務省）は2026年2月24日、", StringComparison.Ordinal));

        notice.Effective.ShouldBe(notice.Published);
        notice.Effective.ShouldNotBeNull();
    }

    // 三和油化工業 (2026-01-07) on MOFCOM 2026 No.1: https://www.sanalloy.co.jp/news/post886
    [Fact]
    public void FindEffectiveDate_JapaneseInForceTheSameDay_IsThePublishedDate()
    {
        NoticeExtraction.FindEffectiveDate(
            "2026年1月6日、中国商務部は「両用品目の日本に対する輸出管理を強化する措置」(商務部公告2026年第1号)を公布し、同日付で施行しました。",
            new DateOnly(2026, 1, 6)).ShouldBe(new DateOnly(2026, 1, 6));
    }

    // JETRO ビジネス短信 (2023-10-26): https://www.jetro.go.jp/biznews/2023/10/b5e49f3956a21a5e.html
    [Fact]
    public void FindEffectiveDate_JapaneseYearlessStartDate_TakesTheNoticesYear()
    {
        NoticeExtraction.FindEffectiveDate("一部の黒鉛品目に対して輸出管理を実施すると発表した。12月1日から実施される。", new DateOnly(2023, 10, 20))
            .ShouldBe(new DateOnly(2023, 12, 1));
    }

    // TBS (2025), the foreign minister's concern about rare earths: https://newsdig.tbs.co.jp/articles/withbloomberg/2254882
    [Fact]
    public void ClassifyMeasure_JapaneseMinisterConveysConcern_IsStatement()
    {
        NoticeExtraction.ClassifyMeasure(
            "茂木外務大臣は中国の王毅外相に対し、中国によるレアアースの輸出管理について強い懸念を伝えました。",
            "また、茂木大臣は中国によるレアアースの輸出管理について、王毅外相に強い懸念を伝えたと明らかにしました。").ShouldBe(Measure.Statement);
    }

    // 三和油化工業 (2026-01-07), a Japanese company's summary of MOFCOM 2026 No.1: https://www.sanalloy.co.jp/news/post886
    private const string JapaneseSummaryOfTheBan = """
        中国における両用品目の輸出管理強化について(お知らせ)
        2026.01.07
        2026年1月6日、中国商務部は「両用品目の日本に対する輸出管理を強化する措置」(商務部公告2026年第1号)を公布し、同日付で施行しました。
        本公告では、以下に該当する全ての両用品目について、日本向け輸出を禁止すると定められています。
        """;

    [Fact]
    public void ClassifyMeasure_JapaneseExportControlTitleOverABan_IsExportBan()
    {
        Read(JapaneseSummaryOfTheBan).Measure.ShouldBe(Measure.ExportBan);
    }

    [Fact]
    public void FindOwnNumber_JapaneseSummaryNamingTheNoticeItReports_IsThatNotice()
    {
        Read(JapaneseSummaryOfTheBan).Key.ShouldBe("cn-mofcom:2026:1");
    }

    // JETRO ビジネス短信 (2023-10-26) on the graphite controls: exports without a licence are forbidden — licensing, not a ban.
    [Fact]
    public void ClassifyMeasure_JapaneseExportsWithoutLicenceForbidden_IsLicensing()
    {
        NoticeExtraction.ClassifyMeasure(
            "商務部、12月1日から一部の黒鉛品目に対する輸出管理を実施と発表",
            "公告では、人造黒鉛や天然黒鉛のうち、特定の特性を満たす品目について、無許可での輸出を禁止するとした。").ShouldBe(Measure.LicensingRequirement);
    }

    // Xinhua via SCIO (2023-02-17), the UEL listing of Lockheed Martin and Raytheon:
    // http://english.scio.gov.cn/pressroom/2023-02/17/content_85111530.htm
    private const string TwoCompaniesListed = """
        China adds two companies to unreliable entities list
        Xinhua | February 17, 2023
        China's Ministry of Commerce announced on Thursday the inclusion of two companies on its unreliable entities list as they sold arms to China's Taiwan region.
        The two companies are Lockheed Martin Corporation and Raytheon Missiles & Defense. They will be barred from engaging in China-related import or export activities, and are forbidden to make new investments in China, according to the announcement.
        """;

    // Caliber.Az (2024-12), the MFA's countermeasures on Skydio and others:
    // https://caliber.az/en/post/china-slaps-sanctions-on-us-firms-in-response-to-taiwan-arms-deal
    private const string SanctionsOnThreeFirms = """
        China slaps sanctions on US firms in response to Taiwan arms deal
        China has announced new sanctions against the United States in response to the supply of arms to Taiwan, targeting three American companies and ten U.S. citizens.
        The Chinese Foreign Ministry issued a statement condemning the recent U.S. commitment to provide significant military assistance to Taiwan, describing it as a provocative action, Caliber.Az reports via Russian media.
        The sanctions will affect three military-industrial firms: Edge Autonomy Operations LLC, Huntington Ingalls Industries Inc., and Skydio Inc. Among the individuals sanctioned are prominent figures, including Steven Roger Rudder, founder of Stick Rudder Enterprises LLC; James William Ickes II, vice president of Sierra Nevada Corporation; and David Keith Sutton, director of Lockheed Martin’s Asia region.
        """;

    [Fact]
    public void FindEntities_EnglishListFollowedByAnotherSentence_EndsWithItsSentence()
    {
        Read(TwoCompaniesListed).Entities.Select(e => e.NameEn).ShouldBe(["Lockheed Martin Corporation", "Raytheon Missiles & Defense"]);
    }

    [Fact]
    public void FindTargets_EnglishListingForArmsSalesToTaiwanWithNoCountry_IsUnitedStates()
    {
        Read(TwoCompaniesListed).Destinations.ShouldBe(["US"]);
    }

    // People's Daily Online (Xinhua), 2024-05-20: http://en.people.cn/n3/2024/0520/c90000-20171651.html
    [Fact]
    public void FindEntities_EnglishLastNameAfterAnd_KeepsItsCommas()
    {
        Read("""
            China adds some U.S. companies to unreliable entities list
            BEIJING, May 20 (Xinhua) -- China's Ministry of Commerce announced on Monday the inclusion of some companies on its unreliable entities list as they sold arms to China's Taiwan region.
            The companies include General Atomics Aeronautical Systems, General Dynamics Land Systems, and Boeing Defense, Space & Security. They will be barred from engaging in China-related import or export activities.
            """).Entities.Select(e => e.NameEn).ShouldBe(["General Atomics Aeronautical Systems", "General Dynamics Land Systems", "Boeing Defense, Space & Security"]);
    }

    [Fact]
    public void ClassifyMeasure_EnglishChinaAnnouncesSanctions_IsCountermeasure()
    {
        Read(SanctionsOnThreeFirms).Measure.ShouldBe(Measure.Countermeasure);
    }

    [Fact]
    public void ClassifyMeasure_EnglishSanctionsOnChineseFirmsByAnotherSide_IsNotChinasCountermeasure()
    {
        NoticeExtraction.ClassifyMeasure("US sanctions Chinese firms over drone exports", "The US Treasury imposed sanctions on five Chinese companies on Tuesday.")
            .ShouldNotBe(Measure.Countermeasure);
    }

    [Fact]
    public void FindEntities_EnglishFirmsAfterAColon_AreListed()
    {
        Read(SanctionsOnThreeFirms).Entities.Select(e => e.NameEn).Take(3).ShouldBe(["Edge Autonomy Operations LLC", "Huntington Ingalls Industries Inc.", "Skydio Inc."]);
    }

    [Fact]
    public void FindStatedEntityCount_EnglishHeadlineWithoutCount_CountsTheLeadsFirmsAndPersons()
    {
        Read(SanctionsOnThreeFirms).StatedEntityCount.ShouldBe(13);
    }

    // phnotes.com (2024-10), the MFA's sanctions on six drone makers.
    [Fact]
    public void FindTargets_EnglishUsDroneManufacturers_IsUnitedStates()
    {
        Read("""
            China Imposes Sanctions on US Drone Manufacturers Over Taiwan Arms Sales
            China has imposed sanctions on six American military companies for their involvement in arms sales to Taiwan, the country's foreign ministry announced on Friday.
            """).Destinations.ShouldBe(["US"]);
    }

    [Fact]
    public void FindStatedEntityCount_EnglishSubheadingBeforeTheLead_CountsTheLead()
    {
        Read("""
            China Imposes Sanctions on US Drone Manufacturers Over Taiwan Arms Sales
            Beijing has targeted drone manufacturers over sales to Taiwan
            China has imposed sanctions on six American military companies for their involvement in arms sales to Taiwan, the country's foreign ministry announced on Friday.
            """).StatedEntityCount.ShouldBe(6);
    }

    // Xinhua via SCIO (2023-10-20), the graphite controls: http://english.scio.gov.cn/m/pressroom/2023-10/20/content_116763338.htm
    private const string GraphiteControls = """
        China announces export control on certain graphite materials, products
        Xinhua | October 20, 2023
        The Chinese government announced on Friday that it will impose export controls on certain graphite materials and related products.
        Meanwhile, natural flake graphite and its products, including spheroidized graphite and expanded graphite, will also be banned from export unless there is permission, according to the announcement.
        The control measures take effect on Dec. 1, 2023, according to the announcement.
        """;

    [Fact]
    public void FindEffectiveDate_EnglishTakeEffectOnADate_IsThatDate()
    {
        Read(GraphiteControls).Effective.ShouldBe(new DateOnly(2023, 12, 1));
    }

    [Fact]
    public void ClassifyMeasure_EnglishBannedUnlessPermitted_IsLicensing()
    {
        Read(GraphiteControls).Measure.ShouldBe(Measure.LicensingRequirement);
    }

    // Record China via livedoor (2026-02-24), on CCTV's report of 2026 No.11: https://news.livedoor.com/article/detail/30643082/
    [Fact]
    public void FindEntities_JapaneseNewsNamingThePartiesIncluded_ListsThem()
    {
        var names = Read("""
            中国国営の中央テレビ（CCTV）は24日、中国当局が日本の20企業・団体を輸出管理規制リストに追加したと報じた。
            20の企業・団体には、三菱重工航空エンジン、川崎重工業航空宇宙システムカンパニー、富士通ディフェンス＆ナショナルセキュリティ、IHI原動機、NEC航空宇宙システム、防衛大学、宇宙航空研究開発機構（JAXA）などが含まれている。
            """).Entities.Select(e => e.Name).ToList();

        names.Count.ShouldBe(7);
        names.ShouldContain("IHI原动机");
    }

    [Fact]
    public void FindEntities_EnglishPersonsListedWithRolesApartBySemicolons_AreTheNames()
    {
        var names = Read(SanctionsOnThreeFirms).Entities.Select(e => e.Name).ToList();

        names.ShouldContain("Steven Roger Rudder");
        names.ShouldNotContain(n => n.Contains("founder", StringComparison.Ordinal));
    }

    [Fact]
    public void FindEntities_EnglishPersonsListWithoutSemicolons_IsNotGuessed()
    {
        Read("""
            China sanctions US defence firms
            China has announced new sanctions against the United States, targeting three American companies.
            The individuals sanctioned include Christopher Douglas Kastner, co-founder and CEO of Skydio, Adam Bry, and Tom Moss.
            """).Entities.ShouldNotContain(e => e.Name.Contains("co-founder", StringComparison.Ordinal));
    }

    // METI (2025-11-11): https://www.meti.go.jp/press/2025/11/20251111001/20251111001.html
    [Fact]
    public void ClassifyMeasure_MetiAmendmentAddingGoodsToItsControlList_IsLicensing()
    {
        NoticeExtraction.ClassifyMeasure(
            "輸出貿易管理令の一部を改正する政令が閣議決定されました",
            "(1)国際輸出管理レジーム会合における合意等により規制対象とすべき貨物を反映するため、輸出貿易管理令別表第一に以下の貨物を追加する改正を行います。")
            .ShouldBe(Measure.LicensingRequirement);
    }

    [Fact]
    public void Read_EnglishCopyDatedOnlyByItsByline_HasNoPublishedDate()
    {
        Read(TwoCompaniesListed).Published.ShouldBeNull(); // "Xinhua | February 17, 2023" dates the story; the listing was "on Thursday"
    }

    [Fact]
    public void Read_EnglishDateInASentence_IsThePublishedDate()
    {
        Read("""
            China adds two companies to unreliable entities list
            On February 16, 2023, China's Ministry of Commerce announced the inclusion of two companies on its unreliable entities list.
            """).Published.ShouldBe(new DateOnly(2023, 2, 16));
    }

    // Round six (docs/fidelity.md): English copies.

    // laganinews (2025-11-09): https://laganinews.com/en/2025/11/09/china-temporarily-suspends-ban-on-exports-of-gallium-germanium-and-antimony-to-us-2
    [Fact]
    public void Read_EnglishSuspensionOfABanOnExportsToTheUs_IsASuspensionTargetingTheUs()
    {
        var notice = Read("""
            China temporarily suspends ban on exports of gallium, germanium and antimony to US
            Beijing. China's commerce ministry said on Sunday it would temporarily suspend restrictions on certain strategic items exported to the United States.
            According to a statement issued by the ministry, the suspension applies to the second section of China's 2024 Declaration No. 46. It will be postponed from November 9, 2025 to November 27, 2026.
            """);

        notice.Measure.ShouldBe(Measure.Suspension);
        notice.Destinations.ShouldBe(["US"]);
        notice.Effective.ShouldBe(new DateOnly(2025, 11, 9));
    }

    // analitycdc.com (Reuters, 2024-08-15): https://analitycdc.com/uk/news/commodities-markets/china-to-impose-export-controls-on-strategic-metal-antimony-from-sept-15
    [Fact]
    public void ClassifyMeasure_EnglishImposeExportControlsOnGoods_IsLicensingThoughTheStoryRecallsABan()
    {
        NoticeExtraction.ClassifyMeasure(
            "China to impose export controls on strategic metal antimony from Sept. 15",
            "China announced it would ban the export of technology to make rare earth magnets.").ShouldBe(Measure.LicensingRequirement);
    }

    [Fact]
    public void Match_EnglishGoodsWordNamingAnIndustry_IsNoControlOfThoseGoods()
    {
        var notice = Read("""
            China to impose export controls on strategic metal antimony from Sept. 15
            BEIJING (Reuters) -China's commerce ministry said on Thursday that it would impose export controls on antimony and other elements, effective from Sept. 15.
            Also, it imposed restrictions on exports of gallium and germanium products-widely used in the semiconductor industry from last August.
            """);
        var semiconductors = new CompanyBuilder().WithId("chips").Watching(_ => new WatchProfile { Categories = ["semiconductors"] }).Build();

        var alerts = new NoticeMatcher().Match(ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset(2024, 8, 15, 0, 0, 0, TimeSpan.Zero)), notice, [semiconductors]);

        alerts.ShouldNotContain(a => a.Severity >= Severity.Medium);
    }

    // crownewz (2025-01-02): https://crownewz.com/china-targets-us-defense-companies-with-new-sanctions-latest-updates-in-usa-and-east-asia-news-2/
    [Fact]
    public void ClassifyMeasure_EnglishExportControlMeasuresTargetingCountedCompanies_IsControlListAddition()
    {
        NoticeExtraction.ClassifyMeasure(
            "China Targets US Defense Companies with New Sanctions",
            "China on Thursday announced export control measures targeting 28 U.S. companies and added 10 U.S. companies to a list of entities barred from doing business in China.")
            .ShouldBe(Measure.ControlListAddition);
    }

    [Fact]
    public void FindEntities_EnglishColonAfterThoseCompanies_OpensAQuoteNotAList()
    {
        Read("""
            China Targets US Defense Companies with New Sanctions
            China on Thursday announced export control measures targeting 28 U.S. companies.
            Raymond Kuo remarked, "Short answer is, this won't have much, if any effect, on those companies: They didn't do business with China anyway."
            """).Entities.ShouldBeEmpty();
    }

    // China Daily via a mirror (2024-12-27): http://aolaikelin.cn/a/202412/28/WS676f424aa310f1265a1d5654.html
    [Fact]
    public void Read_EnglishChinaTakesCountermeasuresAgainstUnitedStatesCompanies_IsACountermeasureOnTheUs()
    {
        var notice = Read("""
            China takes countermeasures against US military companies, senior executives
            China announced on Friday countermeasures against seven United States military companies and relevant senior executives over arms assistance and weapons sales to the Taiwan region.
            The seven sanctioned firms are Insitu, Hudson Technologies Co, Saronic Technologies, Raytheon Canada, Raytheon Australia, Aerkomm and Oceaneering International.
            """);

        notice.Measure.ShouldBe(Measure.Countermeasure);
        notice.Destinations.ShouldBe(["US"]);
        notice.StatedEntityCount.ShouldBe(7);
        notice.Entities.Count.ShouldBe(7);
    }

    // Dalian's English site (2023-10-08): https://en.dl.gov.cn/art/2023/10/8/art_689_2199727.html
    [Fact]
    public void Read_EnglishSpokesmanOnAUsListingOfChineseEntities_IsAStatementAboutChineseParties()
    {
        var notice = Read("""
            The Ministry of Commerce responded that United States listed some Chinese entities on export control list
            In response to the recent announcement by the US Department of Commerce that some Chinese entities will be included in the "Entity List" of export control, a spokesman for the Ministry of Commerce responded on the 7th that China has noticed the relevant situation and firmly opposes it.
            """);

        notice.Measure.ShouldBe(Measure.Statement);
        notice.Destinations.ShouldBe(["CN"]);
    }

    // Round six: Japanese copies.

    // 新華網日本語 (2025-01-15): https://jp.xinhuanet.com/20250115/b395d2bce66749feba0beb3fbea09a71/c.html
    [Fact]
    public void FindTargets_JapaneseCopyOfAListingOfUsFirms_IsTheUnitedStates()
    {
        Read("""
            【新華社北京1月15日】中国商務部は14日、台湾地区に武器を売却した米国の軍需関係企業7社を「信頼できないエンティティーリスト」に加えると発表した。
            公告は、これらの企業による中国に関連した輸出入への従事と中国での新規投資を禁止する。
            """).Destinations.ShouldBe(["US"]);
    }

    // nordot (2024-05-20): 複数の米国企業を信頼できないエンティティ・リストに追加 — the firms' country without の.
    [Fact]
    public void FindTargets_JapaneseUsFirmsWrittenAsOneWord_IsTheUnitedStates()
    {
        Read("""
            台湾への武器販売関与の米国企業を「信頼できないエンティティ・リスト」に―中国
            中国商務部は20日に発表した公告で、台湾への武器販売に関する複数の米国企業を信頼できないエンティティ・リストに追加すると表明しました。
            """).Destinations.ShouldBe(["US"]);
    }

    // 共同 via livedoor (2025-09-25): https://news.livedoor.com/topics/detail/29647023/
    [Fact]
    public void ClassifyMeasure_JapaneseLeadReportsAListingBeforeTheSpokesperson_IsTheListing()
    {
        Read("""
            【北京共同】中国商務省は25日、台湾との軍事技術協力に関わったとして米国の3社を「信頼できない企業リスト」に加え、中国との輸出入や中国での新規投資を禁止したと発表した。報道官は「3社は中国の国家主権や安全を損なった」と述べた。
            """).Measure.ShouldBe(Measure.UnreliableEntityAddition);
    }

    // livedoor (2026-02-24): https://news.livedoor.com/topics/detail/30654657/ — 关注名单 translated as 懸念リスト.
    [Fact]
    public void ClassifyMeasure_JapaneseConcernListAddition_IsWatchListAddition()
    {
        NoticeExtraction.ClassifyMeasure("中国商務省、日本の20企業・団体を懸念リストに追加", "").ShouldBe(Measure.WatchListAddition);
    }

    // 共同 via 5ch (2023-12-20): https://news.n5ch.top/r/newsplus/1703083575 — customs data, no measure.
    [Fact]
    public void ClassifyMeasure_JapaneseStoryFromTradeData_IsOther()
    {
        NoticeExtraction.ClassifyMeasure(
            "【北京共同】中国が11月に半導体材料のガリウムを日本に輸出したことが20日、中国税関総署の貿易データで分かった。輸出規制が強化された8月以降に日本への輸出が確認されたのは初めて。",
            "中国は8月1日に、ガリウムの関連品目について輸出規制を発動。").ShouldBe(Measure.Other);
    }

    // Newsweek Japan (Reuters, 2024-12-03) on 2024 No.46: https://newsweekjapan.jp/headlines/world/2024/12/527266.php
    private const string BanOnExportsToTheUsInJapanese = """
        中国、一部レアメタルの対米輸出を禁止 通商摩擦が拡大
        [北京 3日 ロイター] - 中国商務省は3日、ガリウム、ゲルマニウム、アンチモン、超硬度材料に関連する「デュアルユース(軍民両用)品目」の米国への輸出を同日から禁止すると発表した。前日に米国は対中半導体規制を強化している。
        米国向けに輸出されるグラファイトのデュアルユース品目について、エンドユーザーと最終用途に関するより厳格な審査を要求する。
        米政府は2日、中国の半導体産業に対する3年間で3度目の取り締まりを開始した。規制強化により、半導体装置メーカーの北方華創科技集団を含む140社への輸出が制限されることになった。
        ガリウムとゲルマニウムは主要な半導体材料。
        """;

    private static Dictionary<string, Alert> Judge(string text, params string[] categories)
    {
        var notice = Read(text);
        var companies = categories.Select(c => new CompanyBuilder().WithId(c).Watching(_ => new WatchProfile { Categories = [c] }).Build()).ToList();
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset(2024, 12, 3, 0, 0, 0, TimeSpan.Zero));
        return new NoticeMatcher().Match(change, notice, companies).ToDictionary(a => a.CompanyId, StringComparer.Ordinal);
    }

    [Fact]
    public void Match_JapaneseBackgroundOnTheUsChipRulesAndChipMakers_IsNoChipControl()
    {
        var alerts = Judge(BanOnExportsToTheUsInJapanese, "semiconductors");

        alerts.Values.ShouldNotContain(a => a.Severity >= Severity.Medium);
    }

    [Fact]
    public void Match_JapaneseStricterReviewOfGraphiteAndSuperhardVariantName_AreControlledGoods()
    {
        var alerts = Judge(BanOnExportsToTheUsInJapanese, "graphite", "superhard-materials");

        (alerts["graphite"].Severity >= Severity.Medium).ShouldBeTrue();
        (alerts["superhard-materials"].Severity >= Severity.Medium).ShouldBeTrue();
    }

    // aait.co.jp (2023-07) on the gallium and germanium controls: semiconductors are what the metals are used for.
    [Fact]
    public void Match_JapaneseGoodsDescribedAsRawMaterialForSemiconductors_IsNoChipControl()
    {
        var alerts = Judge("""
            中国、半導体材料のガリウムとゲルマニウムを輸出規制 8月1日から
            中国商務部、税関総署は3日、半導体などの原材料となるガリウムとゲルマニウム関連品目の輸出管理を8月1日から実施すると発表した。先端半導体分野で対中輸出規制を強める米国、欧州などへの対抗措置とみられる。
            """, "semiconductors", "gallium");

        alerts.GetValueOrDefault("semiconductors")?.Severity.ShouldBe(Severity.Low);
        (alerts["gallium"].Severity >= Severity.Medium).ShouldBeTrue();
    }

    // JETRO ビジネス短信 (2023-10-26): graphite is what batteries are made with; the controls are on graphite.
    [Fact]
    public void Match_JapaneseGoodsTheControlledGoodsAreUsedIn_AreNoControlOfThem()
    {
        var alerts = Judge("""
            商務部、12月1日から一部の黒鉛品目に対する輸出管理を実施と発表
            公告では、人造黒鉛や天然黒鉛のうち、特定の特性を満たす品目について、無許可での輸出を禁止するとした。
            当局発表や中国メディアの報道によると、黒鉛は新エネルギー車の動力電池の負極材に用いられる鉱物資源で、中国が世界最大の生産・輸出国となっている。
            """, "graphite", "lithium-batteries");

        (alerts["graphite"].Severity >= Severity.Medium).ShouldBeTrue();
        alerts.GetValueOrDefault("lithium-batteries")?.Severity.ShouldBe(Severity.Low);
    }
}
