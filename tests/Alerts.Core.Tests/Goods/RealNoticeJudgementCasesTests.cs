using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;
using Xunit.Abstractions;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

/// <summary>
/// Issue 16's three traps, each on a real text of <c>tests/fixtures/real/</c>: the legal basis is not a measure, the
/// reason for a listing is not its target, and a compound or a party's name is not the goods it contains.
/// </summary>
public sealed class RealNoticeJudgementCasesTests(ITestOutputHelper output)
{
    private static readonly NoticeMatcher Matcher = new();

    private static Company TaiwanExporter { get; } = new CompanyBuilder().WithId("dual-use-tw")
        .Watching(_ => new WatchProfile { Categories = ["dual-use"], Destinations = ["TW"] }).Build();

    private static Company KoreaExporter { get; } = new CompanyBuilder().WithId("dual-use-kr")
        .Watching(_ => new WatchProfile { Categories = ["dual-use"], Destinations = ["KR"] }).Build();

    [Fact]
    public void Match_LegalBasisCitesTheDualUseRegulation_DoesNotMakeTheItemControlABroadMeasure()
    {
        // 2025 No.10 cites 《中华人民共和国两用物项出口管制条例》 and controls tungsten, tellurium, bismuth, molybdenum and
        // indium items: "两用物项" appears only in the citation.
        var alerts = MatchReal("cn-mofcom-customs-2025-010-tungsten-tellurium-bismuth-molybdenum-indium.txt", [.. RealCorpusWatchers.All, KoreaExporter]);

        alerts.Values.SelectMany(a => a.Reasons).ShouldNotContain(r => r.Kind == ReasonKind.BroadMeasure);
        (alerts["cat-tungsten"].Severity >= Severity.High).ShouldBeTrue();
        alerts["dual-use-kr"].Severity.ShouldBe(Severity.Low); // it trades tungsten among all dual-use items: related, not named
        alerts.ContainsKey("cat-helium").ShouldBeFalse();
    }

    [Fact]
    public void Match_SpecificItemControlHeardByADualUseRootWatcher_SaysWhichGoodsNotAllDualUseItems()
    {
        // 2023 No.23 controls gallium and germanium items; a company watching all dual-use items (no country) hears it
        // at low as related goods, and the sentence must not call it "a measure on dual-use items in general".
        var rootWatcher = new CompanyBuilder().WithId("dual-use-any").Watching(_ => new WatchProfile { Categories = ["dual-use"] }).Build();

        var alert = MatchReal("cn-mofcom-customs-2023-023-gallium-germanium.txt", [rootWatcher])["dual-use-any"];

        alert.Severity.ShouldBe(Severity.Low);
        alert.Explanation.ShouldNotContain("in general");
        alert.Explanation.ShouldContain("fall under the dual-use items you watch");
    }

    [Fact]
    public void Match_UsFirmsListedForArmsSalesToTaiwan_TargetsTheUnitedStatesNotTaiwan()
    {
        // 不可靠实体清单工作机制公告〔2024〕1号: 参与对台湾地区军售的美国通用原子航空系统公司… — Taiwan is why, not where.
        var alerts = MatchReal("cn-uel-2024-001-addition.txt", [.. RealCorpusWatchers.All, TaiwanExporter]);

        alerts.ContainsKey("dual-use-tw").ShouldBeFalse();
        alerts["dual-use-us"].Severity.ShouldBe(Severity.Medium);
        alerts["dual-use-us"].Explanation.ShouldContain("the United States");
        alerts.ContainsKey("dual-use-jp").ShouldBeFalse();
    }

    [Fact]
    public void Match_TaiwanesePartiesListed_TargetsTaiwan()
    {
        // 商务部公告2025年第35号 lists Taiwanese entities themselves (台湾地区8家实体): there Taiwan is the target.
        var alerts = MatchReal("cn-mofcom-2025-035-control-list.txt", [.. RealCorpusWatchers.All, TaiwanExporter]);

        alerts["dual-use-tw"].Severity.ShouldBe(Severity.Medium);
        alerts.ContainsKey("dual-use-us").ShouldBeFalse();
    }

    [Fact]
    public void Match_GalliumCompoundsNameOtherElements_OnlyGalliumAndGermaniumAreControlled()
    {
        // 2023 No.23 lists 锑化镓 (gallium antimonide) and 铟镓砷 (indium gallium arsenide) among gallium items.
        var alerts = MatchReal("cn-mofcom-customs-2023-023-gallium-germanium.txt", RealCorpusWatchers.All);

        alerts["cat-gallium"].Severity.ShouldBe(Severity.Critical);
        alerts["cat-germanium"].Severity.ShouldBe(Severity.Critical);
        foreach (var other in new[] { "cat-antimony", "cat-indium" })
        {
            (alerts.TryGetValue(other, out var alert) ? alert.Severity : (Severity?)null).ShouldNotBe(Severity.Critical, other);
            alerts.GetValueOrDefault(other)?.Reasons.ShouldNotContain(r => r.Kind == ReasonKind.Category, other);
        }
    }

    [Fact]
    public void Match_IndiumAntimonideAmongAntimonyItems_IsAnIndiumItem()
    {
        // 2024 No.33, antimony items, 6.锑化铟 (indium antimonide): its head is indium.
        var alerts = MatchReal("cn-mofcom-customs-2024-033-antimony-superhard.txt", RealCorpusWatchers.All);

        alerts["cat-indium"].Severity.ShouldBe(Severity.Critical);
        alerts["cat-antimony"].Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Match_GoodsWordsInsideListedPartiesNames_AreNotGoods()
    {
        // 商务部公告2026年第11号 lists 三菱造船株式会社, 三菱重工航空发动机株式会社, 川崎重工航空宇宙系统公司…
        var alerts = MatchReal("cn-mofcom-2026-011-control-list.txt", RealCorpusWatchers.All);

        alerts.ContainsKey("cat-shipbuilding").ShouldBeFalse();
        alerts.Values.SelectMany(a => a.Reasons).ShouldNotContain(r => r.Kind == ReasonKind.Category);
        alerts["dual-use-jp"].Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public void Match_CounterpartyListedOnTheUnreliableEntityList_IsCriticalWithAReasonAPersonReads()
    {
        var alerts = MatchReal("cn-uel-2025-004-addition.txt", RealCorpusWatchers.All);

        var illumina = alerts["cp-illumina"];
        illumina.Severity.ShouldBe(Severity.Critical);
        illumina.Explanation.ShouldStartWith("Illumina");
        illumina.Explanation.ShouldContain("your counterparty, is added to China's Unreliable Entity List (Unreliable Entity List Work Mechanism Announcement 2025 No.4)");
        illumina.Snippet.ShouldContain("因美纳");
    }

    [Fact]
    public void Match_SuspensionOfControlsOnWatchedGoods_IsHighWithTheWindow()
    {
        var alerts = MatchReal("cn-mofcom-2025-072-suspension-news-zh-hant.txt", RealCorpusWatchers.All);

        alerts["cat-gallium"].Severity.ShouldBe(Severity.High);
        alerts["cat-gallium"].Explanation.ShouldContain("suspends export controls on gallium");
        alerts["cat-gallium"].Explanation.ShouldContain("until 2026-11-27");
    }

    [Fact]
    public void Match_EveryMediumOrHigherAlertOnTheRealCorpus_HasAnEnglishSentenceAndASnippet()
    {
        var missing = new List<string>();
        foreach (var judged in RealCorpusJudgementTests.JudgeAll())
        {
            foreach (var alert in judged.Alerts.Values.Where(a => a.Severity >= Severity.Medium))
            {
                output.WriteLine($"{judged.Document.Id} {alert.CompanyId} {alert.Severity}: {alert.Explanation} | {alert.Snippet}");
                if (alert.Explanation.Length < 40 || !alert.Explanation.EndsWith('.') || alert.Explanation.Any(char.IsControl) || alert.Snippet.Length == 0)
                {
                    missing.Add($"{judged.Document.Id} {alert.CompanyId}: \"{alert.Explanation}\" / \"{alert.Snippet}\"");
                }
            }
        }

        missing.ShouldBeEmpty(string.Join('\n', missing));
    }

    private static Company AeroVironmentBuyer { get; } = new CompanyBuilder().WithId("cp-aerovironment")
        .Watching(_ => new WatchProfile { Counterparties = [new Counterparty("AeroVironment", null)] }).Build();

    private static Company SubaruTrader { get; } = new CompanyBuilder().WithId("cp-subaru-zh")
        .Watching(_ => new WatchProfile { Counterparties = [new Counterparty("斯巴鲁株式会社", null)] }).Build();

    [Fact]
    public void Match_NewsCopyReportsTheAnnouncementAfterItsLead_EveryAnnouncedGoodsWatcherHearsIt()
    {
        // UDN's copy of the 2025-10-09 answer: the headline names the goods, the lead says 中國官方今天接連公告，將…
        // 實施出口管制 (公告 as a verb), the third paragraph 發布關於對「…」實施出口管制措施的公告.
        var alerts = MatchReal("cn-mofcom-2025-10-09-spokesperson-five-measures-zh-hant.txt", RealCorpusWatchers.All);

        foreach (var watcher in new[] { "cat-superhard-materials", "cat-rare-earth-equipment", "cat-rare-earths", "cat-lithium-batteries", "cat-battery-materials" })
        {
            alerts[watcher].Severity.ShouldBe(Severity.Medium, watcher);
            alerts[watcher].Explanation.ShouldContain("announces", Case.Sensitive, watcher);
        }
    }

    [Fact]
    public void Match_PublicNoticeUsedAsAVerbInTheLead_AnnouncesTheMeasure()
    {
        var alerts = MatchText("商务部新闻发言人答记者问\n今天天气很好。\n中国官方今天接连公告，将超硬材料相关物项自11月8日起实施出口管制。", RealCorpusWatchers.All);

        alerts["cat-superhard-materials"].Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public void Match_GoodsOnlyInAJournalistsQuestion_AreNotAnnouncedByTheAnswer()
    {
        // 2024-08-22: 记者问:…是否也将对钨进行出口管制? 何亚东介绍,8月15日,商务部、海关总署联合发布公告,决定对部分锑…
        var alerts = MatchReal("cn-mofcom-2024-08-22-spokesperson-antimony.txt", RealCorpusWatchers.All);

        (alerts.TryGetValue("cat-tungsten", out var tungsten) ? tungsten.Severity : Severity.Low).ShouldBe(Severity.Low);
        alerts["cat-antimony"].Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public void Match_SpokespersonAnnouncesSanctionsOnNamedUsFirms_IsACountermeasureOnThem()
    {
        // MFA, 2024-01-07: 中方决定对…宇航环境公司(AeroVironment)…等5家美国军工企业实施制裁。
        var alerts = MatchReal("cn-mfa-2024-01-07-spokesperson-countermeasure.txt", [.. RealCorpusWatchers.All, AeroVironmentBuyer]);

        alerts["cp-aerovironment"].Severity.ShouldBe(Severity.Critical);
        alerts["dual-use-us"].Severity.ShouldBe(Severity.Medium);
        alerts.ContainsKey("dual-use-jp").ShouldBeFalse();
    }

    [Fact]
    public void Match_GoodsDescribedAsDualUseInTheReason_IsNoBroadMeasure()
    {
        // 2024-08-22: 锑、超硬材料相关物项，具有明显的军民两用属性 — why they are controlled, not "all dual-use items".
        var alerts = MatchReal("cn-mofcom-2024-08-22-spokesperson-antimony.txt", RealCorpusWatchers.All);

        alerts.Values.SelectMany(a => a.Reasons).ShouldNotContain(r => r.Kind == ReasonKind.BroadMeasure);
    }

    [Fact]
    public void Match_TraditionalAnnexNameOfAListedParty_MeetsTheSimplifiedAlias()
    {
        // 2026 No.12 annex: 斯巴魯株式會社（SUBARU Corporation）; the watcher entered 斯巴鲁株式会社.
        var alerts = MatchReal("cn-mofcom-2026-012-watch-list.txt", [.. RealCorpusWatchers.All, SubaruTrader]);

        alerts["cp-subaru-zh"].Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void Match_JapaneseCopyNamesRareEarthRelatedEquipment_TheEquipmentWatcherHearsIt()
    {
        // 人民網日本語版: レアアース（希土類）の関連設備と原材料・補助材料.
        var alerts = MatchReal("cn-mofcom-2025-10-09-spokesperson-five-measures-ja.txt", RealCorpusWatchers.All);

        alerts["cat-rare-earth-equipment"].Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public void Match_SuspensionWithAWindow_TellsWhenTheWindowEnds()
    {
        // 商务部公告2025年第72号 suspends clause 2 of 2024 No.46 until 2026-11-27: the assessment it opens is due then.
        var alerts = MatchReal("cn-mofcom-2025-072-suspension-news-zh-hant.txt", RealCorpusWatchers.All);

        alerts.ShouldNotBeEmpty();
        alerts.Values.ShouldAllBe(a => a.WindowEnds == new DateOnly(2026, 11, 27));
    }

    [Fact]
    public void Match_GoodsNamedInAControlledItemsCharacteristics_AreNotControlled()
    {
        // 2025 No.56, 2B902.c: a rare-earth roasting kiln "具有以下所有特性" — 2. its lining of 石墨砖 (graphite bricks).
        // The kiln is controlled; graphite is how it is built.
        var alerts = MatchReal("cn-mofcom-customs-2025-056-rare-earth-equipment.txt", RealCorpusWatchers.All);

        (alerts.GetValueOrDefault("cat-graphite")?.Severity ?? Severity.Low).ShouldBe(Severity.Low);
        alerts["cat-rare-earth-equipment"].Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Match_GoodsInTheItemAfterTheCharacteristics_AreControlled()
    {
        // The numbered characteristics end where the next item starts: (四) names goods that are controlled.
        var alerts = MatchText("""
            商务部 海关总署公告 关于对部分物项实施出口管制的公告
            决定对下列物项实施出口管制：
            （一）具有以下所有特性的焙烧窑：
            1. 衬里材料，包括石墨砖；
            2. 反应温度小于等于850 ℃。
            （二）人造石墨材料（参考海关商品编号：3801100000）。
            """, RealCorpusWatchers.All);

        alerts["cat-graphite"].Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Match_ClauseIntroducingItemsByTheirCharacteristics_ItsNumberedItemsAreControlled()
    {
        // 2024 No.33: "一、满足以下特性的物项，未经许可，不得出口：" — the numbered lines that follow are the items, 6.锑化铟 among them.
        var alerts = MatchReal("cn-mofcom-customs-2024-033-antimony-superhard.txt", RealCorpusWatchers.All);

        alerts["cat-superhard-materials"].Severity.ShouldBe(Severity.Critical);
    }

    [Fact]
    public void Match_GoodsABroadListIsSaidToCover_AreExamplesNotControlledGoods()
    {
        // 中央社 (2026-01-06) on the ban on Japanese military users: "兩用物項出口管制清單有多達1005項，涵蓋稀土、化學品、無人機…"
        // and the headline "…涵蓋稀土等逾千項". The ban is on all dual-use items for those users, not on rare earths.
        var alerts = MatchText("""
            中國加強兩用物項對日本出口管制-涵蓋稀土等逾千項
            （中央社台北6日電）中國商務部今天公告，為維護國家安全和利益，即日起加強軍民兩用物項對日本管制出口，禁止所有兩用物項對日本軍事用戶、軍事用途出口。
            中國2026年度「兩用物項和技術進出口授權管理目錄」顯示，兩用物項出口管制清單有多達1005項，涵蓋稀土、化學品、無人機、電信、合金、核能等材料、設備和技術。
            """, RealCorpusWatchers.All);

        foreach (var watcher in new[] { "cat-rare-earths", "cat-drones" })
        {
            (alerts.GetValueOrDefault(watcher)?.Severity ?? Severity.Low).ShouldBe(Severity.Low, watcher);
        }

        alerts["dual-use-jp"].Severity.ShouldBe(Severity.Medium);
    }

    [Fact]
    public void Match_MetiAddsFpgaModulesToItsControlList_TellsTheSemiconductorWatcherAtMediumOrAbove()
    {
        // METI, 2025-11-11 (https://www.meti.go.jp/press/2025/11/20251111001/20251111001.html): Japan's own amendment of
        // the Export Trade Control Order adds goods to 別表第一; an item line ends 【…の追加】.
        var alerts = MatchText("""
            輸出貿易管理令の一部を改正する政令が閣議決定されました
            2025年11月11日
            (1)国際輸出管理レジーム会合における合意等により規制対象とすべき貨物を反映するため、輸出貿易管理令別表第一に以下の貨物を追加する改正を行います。
            - ペプチドの合成を行うための装置【3の2の項(2)10の追加】
            - フィールドプログラマブルロジックデバイスを組み込んだモジュール、組立品又は装置【7の項(10の2)の追加】
            """, RealCorpusWatchers.All);

        (alerts["cat-semiconductors"].Severity >= Severity.Medium).ShouldBeTrue();
        alerts.ContainsKey("cat-graphite").ShouldBeFalse();
    }

    private static Dictionary<string, Alert> MatchText(string text, IReadOnlyList<Company> companies)
    {
        var notice = NoticeReader.Read(NoticeText.FromPlainText("cn-mofcom-spokesperson", text, new Uri("https://corpus.invalid/case")));
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return Matcher.Match(change, notice, companies).ToDictionary(a => a.CompanyId, StringComparer.Ordinal);
    }

    private static Dictionary<string, Alert> MatchReal(string file, IReadOnlyList<Company> companies)
    {
        var document = RealCorpus.Documents.Single(d => d.Id.EndsWith("/" + file, StringComparison.Ordinal));
        var notice = RealCorpusFidelityTests.Read(document);
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset((notice.Published ?? new DateOnly(2026, 1, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return Matcher.Match(change, notice, companies).ToDictionary(a => a.CompanyId, StringComparer.Ordinal);
    }
}
