using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;
using Xunit.Abstractions;

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

    private static Dictionary<string, Alert> MatchReal(string file, IReadOnlyList<Company> companies)
    {
        var document = RealCorpus.Documents.Single(d => d.Id.EndsWith("/" + file, StringComparison.Ordinal));
        var notice = RealCorpusFidelityTests.Read(document);
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset((notice.Published ?? new DateOnly(2026, 1, 1)).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        return Matcher.Match(change, notice, companies).ToDictionary(a => a.CompanyId, StringComparer.Ordinal);
    }
}
