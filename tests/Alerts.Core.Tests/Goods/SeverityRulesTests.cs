using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

/// <summary>The severity table of issue 16 (docs/fidelity.md, "Severity"), row by row.</summary>
public sealed class SeverityRulesTests
{
    public static TheoryData<string, MatchFacts, Severity?> Table => new()
    {
        { "nothing matched", new MatchFacts { Measure = Measure.ExportBan, EffectiveSoon = true }, null },
        { "ban naming goods, in force at once", new MatchFacts { NamesGoods = true, Measure = Measure.ExportBan, EffectiveSoon = true }, Severity.Critical },
        { "licensing naming goods within 30 days", new MatchFacts { NamesGoods = true, Measure = Measure.LicensingRequirement, EffectiveSoon = true }, Severity.Critical },
        { "licensing naming goods, effective in 42 days", new MatchFacts { NamesGoods = true, Measure = Measure.LicensingRequirement, EffectiveSoon = false }, Severity.High },
        { "scope adjustment naming goods", new MatchFacts { NamesGoods = true, Measure = Measure.ScopeAdjustment, EffectiveSoon = true }, Severity.Critical },
        { "control naming goods, other countries only", new MatchFacts { NamesGoods = true, Measure = Measure.ExportBan, EffectiveSoon = true, Destination = DestinationRelation.OtherOnly }, Severity.Medium },
        { "control-list addition of a counterparty", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.ControlListAddition }, Severity.Critical },
        { "unreliable entity listing of a counterparty", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.UnreliableEntityAddition }, Severity.Critical },
        { "countermeasure on a counterparty", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.Countermeasure }, Severity.Critical },
        { "counterparty listed, other countries only", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.ControlListAddition, Destination = DestinationRelation.OtherOnly }, Severity.Critical },
        { "watch-list addition of a counterparty", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.WatchListAddition }, Severity.High },
        { "affiliate of a counterparty listed", new MatchFacts { Counterparty = PartyMatch.Affiliate, Measure = Measure.ControlListAddition }, Severity.Medium },
        { "suspension on watched goods", new MatchFacts { NamesGoods = true, Measure = Measure.Suspension }, Severity.High },
        { "counterparty removed from a list", new MatchFacts { Counterparty = PartyMatch.Listed, Measure = Measure.Removal }, Severity.High },
        { "broad ban, matching destination", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan, Destination = DestinationRelation.Matches }, Severity.Medium },
        { "listing, matching destination", new MatchFacts { BroadMeasure = true, Measure = Measure.ControlListAddition, Destination = DestinationRelation.Matches }, Severity.Medium },
        { "broad ban, company names no destination", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan }, Severity.Low },
        { "broad ban, other countries only", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan, Destination = DestinationRelation.OtherOnly }, null },
        { "listing, other countries only, related goods", new MatchFacts { BroadMeasure = true, NamesRelatedGoods = true, Measure = Measure.UnreliableEntityAddition, Destination = DestinationRelation.OtherOnly }, null },
        { "related goods only, no destination", new MatchFacts { NamesRelatedGoods = true, Measure = Measure.LicensingRequirement }, Severity.Low },
        { "statement touching goods", new MatchFacts { NamesGoods = true, Measure = Measure.Statement, Destination = DestinationRelation.Matches }, Severity.Low },
        { "statement on a destination", new MatchFacts { BroadMeasure = true, Measure = Measure.Statement, Destination = DestinationRelation.Matches }, Severity.Low },
        { "statement announcing a broad measure on a destination", new MatchFacts { BroadMeasure = true, AnnouncesMeasure = true, Measure = Measure.Statement, Destination = DestinationRelation.Matches }, Severity.Medium },
        { "statement announcing a control on watched goods", new MatchFacts { NamesGoods = true, AnnouncesMeasure = true, GoodsInAnnouncement = true, Measure = Measure.Statement }, Severity.Medium },
        { "statement announcing a measure, goods elsewhere", new MatchFacts { NamesGoods = true, AnnouncesMeasure = true, Measure = Measure.Statement }, Severity.Low },
        { "statement announcing a listing of the counterparty", new MatchFacts { Counterparty = PartyMatch.Listed, AnnouncesMeasure = true, Measure = Measure.Statement }, Severity.Medium },
        { "statement on other countries", new MatchFacts { BroadMeasure = true, Measure = Measure.Statement, Destination = DestinationRelation.OtherOnly }, null },
        { "consultation touching goods", new MatchFacts { NamesGoods = true, Measure = Measure.Consultation }, Severity.Low },
        { "trade remedy naming a watched HS code", new MatchFacts { NamesGoods = true, Measure = Measure.TradeRemedy }, Severity.Low },
        { "trade remedy on a destination only", new MatchFacts { BroadMeasure = true, Measure = Measure.TradeRemedy, Destination = DestinationRelation.Matches }, null },
        { "other mention", new MatchFacts { NamesGoods = true, Measure = Measure.Other }, Severity.Low },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_Table(string situation, MatchFacts facts, Severity? expected)
    {
        Severity? decided = SeverityRules.Decide(facts)?.Severity;
        decided.ShouldBe(expected, situation);
    }
}
