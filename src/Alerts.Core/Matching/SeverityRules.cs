using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Core.Goods;

namespace Alerts.Core.Matching;

/// <summary>How a notice's targets relate to the countries a company ships to or buys from.</summary>
public enum DestinationRelation
{
    /// <summary>The notice names no target country, or the company lists none.</summary>
    Unknown,

    /// <summary>The notice targets at least one of the company's countries.</summary>
    Matches,

    /// <summary>The notice targets only other countries.</summary>
    OtherOnly,
}

/// <summary>How one of a company's counterparties appears in a notice.</summary>
public enum PartyMatch
{
    None,

    /// <summary>Named in the text, not as a party the notice acts on.</summary>
    Mentioned,

    /// <summary>A listed party bears its name (三菱造船 for Mitsubishi Heavy Industries): a subsidiary or affiliate.</summary>
    Affiliate,

    /// <summary>The counterparty itself is a party the notice acts on (listed, sanctioned, investigated, relieved).</summary>
    Listed,
}

/// <summary>What a notice does, as far as severity is concerned (docs/fidelity.md, "Severity").</summary>
public enum MeasureKind
{
    /// <summary>Trade remedies on imports, statistics, fairs, anything else: no export control.</summary>
    Unrelated,

    /// <summary>Statements, spokesperson answers, protests, consultations: no measure of their own.</summary>
    Talk,

    /// <summary>A new control, ban, catalogue or scope change on goods (licensing, export bans, 优化调整).</summary>
    Control,

    /// <summary>Parties put on the Control List or the Unreliable Entity List, or sanctioned (反制).</summary>
    Listing,

    /// <summary>Parties put on the Watch List, investigated or fined: a lesser step than a listing.</summary>
    LesserListing,

    /// <summary>A suspension, lifting or removal: relief from an earlier measure.</summary>
    Relief,
}

/// <summary>Why a company hears of a notice at the level it does: the row of the severity table that decided.</summary>
public enum Ground
{
    GoodsControlled,
    GoodsRelieved,
    CounterpartyListed,
    CounterpartyRelieved,
    AffiliateListed,
    BroadMeasureOnDestination,
    BroadMeasureNoDestination,
    GoodsMentioned,
    CounterpartyMentioned,
    StatementOnDestination,
    GoodsAnnounced,
    CounterpartyAnnounced,
}

/// <summary>What matched between one notice and one company (a struct: the matcher decides one per alert).</summary>
public readonly record struct MatchFacts
{
    /// <summary>Goods the company watches by name (its categories, terms, HS or control codes) are in the operative text.</summary>
    public bool NamesGoods { get; init; }

    /// <summary>Goods the company reaches only through "all dual-use items" are in the operative text.</summary>
    public bool NamesRelatedGoods { get; init; }

    /// <summary>Its goods appear only in the background (a news copy's explanation) or as a bare taxonomy HS code.</summary>
    public bool MentionsGoods { get; init; }

    public PartyMatch Counterparty { get; init; }

    /// <summary>The notice is a measure on dual-use items in general (a ban on a class of users, a listing) and the company trades them.</summary>
    public bool BroadMeasure { get; init; }

    /// <summary>A statement that announces a decided measure (not only comments on one).</summary>
    public bool AnnouncesMeasure { get; init; }

    /// <summary>A statement names the company's goods in the sentence that announces an item control on them.</summary>
    public bool GoodsInAnnouncement { get; init; }

    public Measure Measure { get; init; }

    /// <summary>Effective on publication or within 30 days of it.</summary>
    public bool EffectiveSoon { get; init; }

    public DestinationRelation Destination { get; init; }
}

/// <summary>The level a company hears of a notice at, and the row that decided it.</summary>
public readonly record struct Judgement(Severity Severity, Ground Ground);

/// <summary>
/// The severity table of issue 16, in one place (docs/fidelity.md, "Severity", shows it as a table):
/// <list type="bullet">
/// <item>a new control, ban or scope change on the company's goods or codes → <c>critical</c> when effective within 30
/// days, else <c>high</c> (<c>medium</c> when it targets only other countries);</item>
/// <item>its counterparty listed → <c>critical</c> (Control List, Unreliable Entity List, countermeasures) or
/// <c>high</c> (Watch List, investigation, fine); a listed affiliate bearing its name → <c>medium</c>;</item>
/// <item>relief (suspension, lifting, removal) on its goods or counterparty → <c>high</c>;</item>
/// <item>a broad measure or listing whose targets include its destinations → <c>medium</c>; with no targets or no
/// destinations of its own → <c>low</c>; targeting only other countries → nothing;</item>
/// <item>statements → <c>low</c> on its goods, counterparty or destination; <c>medium</c> when a statement announces a
/// measure naming its goods or counterparty, or a broad measure on its destination; nothing otherwise;</item>
/// <item>trade remedies, statistics, fairs → <c>low</c> when its goods are named, else nothing.</item>
/// </list>
/// </summary>
public static class SeverityRules
{
    public static MeasureKind KindOf(Measure measure) => measure switch
    {
        Measure.ExportBan or Measure.LicensingRequirement or Measure.CatalogueChange or Measure.ScopeAdjustment
            or Measure.Resumption or Measure.Amendment => MeasureKind.Control,
        Measure.ControlListAddition or Measure.UnreliableEntityAddition or Measure.Countermeasure => MeasureKind.Listing,
        Measure.WatchListAddition or Measure.Investigation or Measure.Fine => MeasureKind.LesserListing,
        Measure.Suspension or Measure.Lifting or Measure.Removal => MeasureKind.Relief,
        Measure.Statement or Measure.Consultation => MeasureKind.Talk,
        _ => MeasureKind.Unrelated,
    };

    /// <summary>Parties are what the measure acts on (listings and relief from them); goods are not its subject.</summary>
    public static bool ActsOnParties(Measure measure) => KindOf(measure) is MeasureKind.Listing or MeasureKind.LesserListing;

    public static Judgement? Decide(MatchFacts facts)
    {
        var kind = KindOf(facts.Measure);
        var party = facts.Counterparty;
        var elsewhere = facts.Destination == DestinationRelation.OtherOnly;
        return kind switch
        {
            MeasureKind.Control when party == PartyMatch.Listed => new(facts.EffectiveSoon ? Severity.Critical : Severity.High, Ground.CounterpartyListed),
            MeasureKind.Control when facts.NamesGoods => new(
                elsewhere ? Severity.Medium : facts.EffectiveSoon ? Severity.Critical : Severity.High, Ground.GoodsControlled),
            MeasureKind.Listing when party == PartyMatch.Listed => new(Severity.Critical, Ground.CounterpartyListed),
            MeasureKind.LesserListing when party == PartyMatch.Listed => new(Severity.High, Ground.CounterpartyListed),
            MeasureKind.Relief when party == PartyMatch.Listed => new(Severity.High, Ground.CounterpartyRelieved),
            MeasureKind.Relief when facts.NamesGoods => new(Severity.High, Ground.GoodsRelieved),
            MeasureKind.Listing or MeasureKind.LesserListing or MeasureKind.Relief when party == PartyMatch.Affiliate
                => new(Severity.Medium, Ground.AffiliateListed),
            MeasureKind.Control or MeasureKind.Listing or MeasureKind.LesserListing or MeasureKind.Relief => Broad(facts),
            MeasureKind.Talk => Talk(facts),
            _ => facts.NamesGoods || facts.MentionsGoods ? new(Severity.Low, Ground.GoodsMentioned) : null,
        };
    }

    private static Judgement? Broad(MatchFacts facts)
    {
        var reached = facts.BroadMeasure || facts.NamesRelatedGoods;
        if (reached && facts.Destination == DestinationRelation.Matches)
        {
            return new(facts.BroadMeasure ? Severity.Medium : Severity.Low, Ground.BroadMeasureOnDestination);
        }

        if (facts.Destination == DestinationRelation.OtherOnly)
        {
            // Targets only other countries: nothing, unless the company's own goods or counterparties are in it.
            return facts.NamesGoods ? new(Severity.Low, Ground.GoodsMentioned)
                : facts.Counterparty != PartyMatch.None ? new(Severity.Low, Ground.CounterpartyMentioned)
                : null;
        }

        return reached ? new(Severity.Low, Ground.BroadMeasureNoDestination)
            : facts.NamesGoods || facts.MentionsGoods ? new(Severity.Low, Ground.GoodsMentioned)
            : facts.Counterparty != PartyMatch.None ? new(Severity.Low, Ground.CounterpartyMentioned)
            : null;
    }

    private static Judgement? Talk(MatchFacts facts)
    {
        // A statement that announces a decided measure naming the company's goods or counterparty is news of that
        // measure (the spokesperson announcing it, a news copy): medium; the notice itself carries the full level.
        if (facts.AnnouncesMeasure && facts.GoodsInAnnouncement && facts.NamesGoods)
        {
            return new(Severity.Medium, Ground.GoodsAnnounced);
        }

        if (facts.AnnouncesMeasure && facts.Counterparty is PartyMatch.Listed or PartyMatch.Affiliate)
        {
            return new(Severity.Medium, Ground.CounterpartyAnnounced);
        }

        if (facts.Counterparty != PartyMatch.None)
        {
            return new(Severity.Low, Ground.CounterpartyMentioned);
        }

        if (facts.NamesGoods || facts.MentionsGoods)
        {
            return new(Severity.Low, Ground.GoodsMentioned);
        }

        var reached = facts.BroadMeasure || facts.NamesRelatedGoods;
        return facts.Destination switch
        {
            DestinationRelation.Matches when reached && facts.AnnouncesMeasure && facts.BroadMeasure => new(Severity.Medium, Ground.StatementOnDestination),
            DestinationRelation.Matches when reached => new(Severity.Low, Ground.StatementOnDestination),
            DestinationRelation.Unknown when reached => new(Severity.Low, Ground.BroadMeasureNoDestination),
            _ => null,
        };
    }
}
