using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Goods;

public sealed class SeverityRulesTests
{
    public static TheoryData<string, MatchFacts, Severity?> Table => new()
    {
        { "nothing matched", new MatchFacts { Measure = Measure.ExportBan, EffectiveSoon = true }, null },
        { "ban naming goods, in force at once", new MatchFacts { NamesGoods = true, Measure = Measure.ExportBan, EffectiveSoon = true }, Severity.Critical },
        { "licensing naming goods within 30 days", new MatchFacts { NamesGoods = true, Measure = Measure.LicensingRequirement, EffectiveSoon = true }, Severity.Critical },
        { "control-list addition of a counterparty", new MatchFacts { NamesCounterparty = true, Measure = Measure.ControlListAddition, EffectiveSoon = true }, Severity.Critical },
        { "ban naming goods, effective in 42 days", new MatchFacts { NamesGoods = true, Measure = Measure.LicensingRequirement, EffectiveSoon = false }, Severity.High },
        { "watch-list addition of a counterparty", new MatchFacts { NamesCounterparty = true, Measure = Measure.WatchListAddition, EffectiveSoon = true }, Severity.High },
        { "broad ban, matching destination", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan, Destination = DestinationRelation.Matches }, Severity.High },
        { "broad ban, no destination", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan }, Severity.Medium },
        { "broad ban, other countries only", new MatchFacts { BroadMeasure = true, Measure = Measure.ExportBan, Destination = DestinationRelation.OtherOnly }, Severity.Low },
        { "statement touching goods", new MatchFacts { NamesGoods = true, Measure = Measure.Statement, Destination = DestinationRelation.Matches }, Severity.Medium },
        { "consultation touching goods", new MatchFacts { NamesGoods = true, Measure = Measure.Consultation }, Severity.Medium },
        { "other mention", new MatchFacts { NamesGoods = true, Measure = Measure.Other }, Severity.Low },
        { "other mention, matching destination", new MatchFacts { NamesGoods = true, Measure = Measure.Other, Destination = DestinationRelation.Matches }, Severity.Medium },
        { "critical for other countries only", new MatchFacts { NamesGoods = true, Measure = Measure.ExportBan, EffectiveSoon = true, Destination = DestinationRelation.OtherOnly }, Severity.High },
        { "counterparty listed abroad stays", new MatchFacts { NamesCounterparty = true, Measure = Measure.ControlListAddition, EffectiveSoon = true, Destination = DestinationRelation.OtherOnly }, Severity.Critical },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_Table(string situation, MatchFacts facts, Severity? expected)
    {
        SeverityRules.Decide(facts).ShouldBe(expected, situation);
    }
}
