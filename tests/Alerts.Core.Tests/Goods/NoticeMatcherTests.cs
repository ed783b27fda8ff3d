using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

public sealed class NoticeMatcherTests
{
    private readonly NoticeMatcher _sut = new();

    private static Company Watching(Func<WatchProfile, WatchProfile> watch, string id = "acme") =>
        new CompanyBuilder().WithId(id).Watching(w => watch(new WatchProfile())).Build();

    private static Notice Plain(string title, string body, Measure measure = Measure.Other, params string[] destinations) =>
        new NoticeBuilder().WithTitle(title).WithBody(body).With(n => n with { Measure = measure, Destinations = destinations }).Build();

    private IReadOnlyList<Alert> Match(Notice notice, params Company[] companies) =>
        _sut.Match(ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero)), notice, companies);

    [Fact]
    public void Match_NothingRelevant_ReturnsNoAlert()
    {
        var notice = Plain("商务部召开全国消费品以旧换新工作推进会", "会议部署汽车、家电以旧换新工作。");

        Match(notice, Watching(w => w with { Categories = ["gallium"] })).ShouldBeEmpty();
    }

    [Fact]
    public void Match_CategoryTerm_GivesCategoryReasonWithOriginalSnippet()
    {
        var notice = Plain("關於對鎵實施出口管制", "金屬鎵未經許可不得出口。");

        var alert = Match(notice, Watching(w => w with { Categories = ["gallium"] })).ShouldHaveSingleItem();

        var reason = alert.Reasons.ShouldHaveSingleItem();
        reason.Kind.ShouldBe(ReasonKind.Category);
        reason.Value.ShouldBe("gallium");
        reason.Snippet.ShouldContain("對鎵");
        alert.Categories.ShouldBe(["gallium"]);
    }

    [Fact]
    public void Match_CustomTerm_GivesTermReason()
    {
        var notice = Plain("Notice", "磁性材料の輸出について");

        var alert = Match(notice, Watching(w => w with { Terms = ["磁性材料"] })).ShouldHaveSingleItem();

        alert.Reasons.ShouldContain(r => r.Kind == ReasonKind.Term && r.Value == "磁性材料");
    }

    [Fact]
    public void Match_LatinTermInsideAWord_IsNotAHit()
    {
        var notice = Plain("Notice", "organic chemicals and organizers");

        Match(notice, Watching(w => w with { Categories = ["gallium"] })).ShouldBeEmpty();
    }

    [Fact]
    public void Match_NoticeTenDigitCode_MatchesWatchedSixDigitPrefix()
    {
        var notice = Plain("Notice", "参考海关商品编号：2805301910。");

        var alert = Match(notice, Watching(w => w with { HsCodes = ["2805.30"] })).ShouldHaveSingleItem();

        alert.Reasons.ShouldContain(r => r.Kind == ReasonKind.Hs && r.Value == "280530" && r.Snippet.Contains("2805301910"));
    }

    [Fact]
    public void Match_WatchedTenDigitCode_MatchesNoticeEightDigitTariffLine()
    {
        var notice = Plain("Notice", "参考税则号列：28539030。");

        Match(notice, Watching(w => w with { HsCodes = ["2853903010"] })).ShouldHaveSingleItem()
            .Reasons.ShouldContain(r => r.Kind == ReasonKind.Hs);
    }

    [Fact]
    public void Match_WatchedTenDigitCode_DoesNotMatchAFourDigitHeading()
    {
        var notice = Plain("Notice", "税目2853项下商品。");

        Match(notice, Watching(w => w with { HsCodes = ["2853903010"] })).ShouldBeEmpty();
    }

    [Fact]
    public void Match_NoticeHsCodesField_IsUsedToo()
    {
        var notice = Plain("Notice", "见附件。") with { HsCodes = ["85076000"] };

        Match(notice, Watching(w => w with { HsCodes = ["8507.60"] })).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("1C902", "（1C902.a）")]
    [InlineData("1C902.a", "（1C902）")]
    [InlineData("3C901", "3C901.a.1")]
    public void Match_ControlCodes_MatchAtSubItemBoundaries(string watched, string inText)
    {
        var notice = Plain("Notice", $"物项{inText}。");

        Match(notice, Watching(w => w with { ControlCodes = [watched] })).ShouldHaveSingleItem()
            .Reasons.ShouldContain(r => r.Kind == ReasonKind.ControlCode);
    }

    [Fact]
    public void Match_ControlCodeWithMoreDigits_DoesNotMatch()
    {
        var notice = Plain("Notice", "物项1C9021。");

        Match(notice, Watching(w => w with { ControlCodes = ["1C902"] })).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("TDK", "ＴＤＫ株式会社", "TDK Corporation")]
    [InlineData("Terra Drone", "Terra Drone株式会社", null)]
    [InlineData("TerraDrone Corp.", "テラドローン", "Terra Drone Corporation")]
    [InlineData("ACSL", "株式会社ACSL", "ACSL Ltd.")]
    [InlineData("日东电工", "日东电工株式会社", null)]
    public void Match_ListedEntity_MatchesCounterpartyDespiteLegalFormWidthAndSpacing(string counterparty, string name, string? nameEn)
    {
        var notice = new NoticeBuilder().With(n => n with { Measure = Measure.WatchListAddition, Body = "列入关注名单。", Entities = [new ListedEntity(name, nameEn)] }).Build();

        var alert = Match(notice, Watching(w => w with { Counterparties = [new Counterparty(counterparty)], Destinations = ["JP"] })).ShouldHaveSingleItem();

        alert.Reasons.ShouldContain(r => r.Kind == ReasonKind.Counterparty && r.Value == counterparty);
        alert.Severity.ShouldBe(Severity.High);
    }

    [Fact]
    public void Match_BroadDualUseMeasure_ReachesEveryCompanyWatchingADualUseCategory()
    {
        var notice = new NoticeBuilder().Build(); // 2026 No.1: all dual-use items to Japanese military end users

        var alerts = Match(notice,
            Watching(w => w with { Categories = ["drones"], Destinations = ["JP"] }, "drones"),
            Watching(w => w with { Categories = ["rare-earth-magnets"], Destinations = ["JP"] }, "magnets"),
            Watching(w => w with { Categories = ["helium"], Destinations = ["JP"] }, "helium"));

        alerts.Select(a => a.CompanyId).ShouldBe(["drones", "magnets"]);
        alerts.ShouldAllBe(a => a.Severity == Severity.Medium); // issue 16: a broad ban on the company's destination
        alerts[0].Reasons.ShouldContain(r => r.Kind == ReasonKind.BroadMeasure && r.Value == "两用物项");
        alerts[0].Reasons.ShouldContain(r => r.Kind == ReasonKind.Destination && r.Value == "JP");
    }

    [Theory]
    [InlineData("軍民両用品目の輸出規制強化について")]
    [InlineData("デュアルユース品目の輸出禁止")]
    [InlineData("Export ban on dual-use items")]
    [InlineData("军民两用物资出口")]
    public void Match_BroadMeasureWordsInAnyLanguage_AreBroadMeasures(string title)
    {
        var notice = Plain(title, "", Measure.ExportBan, "JP");

        Match(notice, Watching(w => w with { Categories = ["gallium"], Destinations = ["JP"] })).ShouldHaveSingleItem()
            .Reasons.ShouldContain(r => r.Kind == ReasonKind.BroadMeasure);
    }

    [Fact]
    public void Match_DestinationOnlyOtherCountries_LowersSeverity()
    {
        var notice = Plain("关于对镓实施出口管制", "禁止镓出口。", Measure.ExportBan, "US") with { Published = new DateOnly(2026, 1, 6), Effective = new DateOnly(2026, 1, 6) };

        var jp = Match(notice, Watching(w => w with { Categories = ["gallium"], Destinations = ["JP"] })).ShouldHaveSingleItem();
        var us = Match(notice, Watching(w => w with { Categories = ["gallium"], Destinations = ["US"] })).ShouldHaveSingleItem();

        us.Severity.ShouldBe(Severity.Critical);
        jp.Severity.ShouldBe(Severity.Medium); // issue 16: a control on its goods aimed only at other countries
    }

    [Fact]
    public void Match_CompaniesSharingAndNotSharingDestinations_EachGetsItsOwnRelationInIdOrder()
    {
        var notice = Plain("关于对镓实施出口管制", "禁止镓出口。", Measure.ExportBan, "US") with { Published = new DateOnly(2026, 1, 6), Effective = new DateOnly(2026, 1, 6) };

        var alerts = Match(
            notice,
            Watching(w => w with { Categories = ["gallium"], Destinations = ["JP"] }, "jp-one"),
            Watching(w => w with { Categories = ["gallium"], Destinations = ["us"] }, "us-one"),
            Watching(w => w with { Categories = ["gallium"], Destinations = ["JP"] }, "jp-two"),
            Watching(w => w with { Categories = ["gallium"], Destinations = ["JP", "US"] }, "us-two"));

        alerts.Select(a => (a.CompanyId, a.Severity)).ShouldBe(
            [("jp-one", Severity.Medium), ("jp-two", Severity.Medium), ("us-one", Severity.Critical), ("us-two", Severity.Critical)]);
        alerts.Single(a => a.CompanyId == "us-two").Reasons.ShouldContain(r => r.Kind == ReasonKind.Destination && r.Value == "US");
        alerts.Single(a => a.CompanyId == "jp-two").Reasons.ShouldNotContain(r => r.Kind == ReasonKind.Destination);
    }

    [Fact]
    public void Match_Alert_CarriesIdsNoticeFieldsAndEnglishGloss()
    {
        var notice = new NoticeBuilder().Build();
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", DateTimeOffset.UnixEpoch);

        var alert = _sut.Match(change, notice, [Watching(w => w with { Categories = ["gallium"], Destinations = ["JP"] })]).ShouldHaveSingleItem();

        alert.AlertId.ShouldBe(Alert.IdFor(change.ChangeId, "acme"));
        alert.NoticeKey.ShouldBe(notice.Key);
        alert.Measure.ShouldBe("export-ban");
        alert.TitleGloss!.ShouldContain("dual-use items");
        alert.TitleGloss!.ShouldContain("Japan");
    }

    [Fact]
    public void Match_SameCompaniesAgain_ReusesTheIndex()
    {
        var notice = new NoticeBuilder().Build();
        var companies = new List<Company> { Watching(w => w with { Categories = ["gallium"] }) };

        Match(notice, [.. companies]);
        Match(notice, [.. companies]);
        _sut.IndexBuilds.ShouldBe(1);

        Match(notice, Watching(w => w with { Categories = ["graphite"] }));
        _sut.IndexBuilds.ShouldBe(2);
    }
}
