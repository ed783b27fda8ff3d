using Alerts.Core.Notices;

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
}
