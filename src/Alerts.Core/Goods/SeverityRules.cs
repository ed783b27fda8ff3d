using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Goods;

/// <summary>How a notice's destinations relate to the countries a company ships to or buys from.</summary>
public enum DestinationRelation
{
    /// <summary>The notice names no destination, or the company lists none.</summary>
    Unknown,

    /// <summary>The notice targets at least one of the company's countries.</summary>
    Matches,

    /// <summary>The notice targets only other countries.</summary>
    OtherOnly,
}

/// <summary>What matched between one notice and one company (a struct: the matcher decides one per alert).</summary>
public readonly record struct MatchFacts
{
    /// <summary>Watched goods, terms, HS or control codes are named.</summary>
    public bool NamesGoods { get; init; }

    public bool NamesCounterparty { get; init; }

    /// <summary>A broad dual-use measure reaches a watched category.</summary>
    public bool BroadMeasure { get; init; }

    public Measure Measure { get; init; }

    /// <summary>Effective on publication or within 30 days of it.</summary>
    public bool EffectiveSoon { get; init; }

    public DestinationRelation Destination { get; init; }
}

/// <summary>
/// The severity table of issue 5. Base level: <c>critical</c> — a ban or list addition naming watched goods, codes or a
/// counterparty, effective within 30 days; <c>high</c> — the same effective later, or a watch-list addition of a
/// counterparty; <c>medium</c> — a broad ban-type measure (raised to <c>high</c> by a matching destination), statements,
/// spokesperson remarks and consultations; <c>low</c> — other mentions. Then destinations: a matching one raises by one
/// (never to critical), one that targets only other countries lowers by one (not when a counterparty is named).
/// </summary>
public static class SeverityRules
{
    public static Severity? Decide(MatchFacts facts)
    {
        var named = facts.NamesGoods || facts.NamesCounterparty;
        if (!named && !facts.BroadMeasure)
        {
            return null;
        }

        var banOrListing = IsBanOrListing(facts.Measure);
        var talk = facts.Measure is Measure.Statement or Measure.Consultation;
        Severity level;
        if (named && banOrListing && facts.EffectiveSoon)
        {
            level = Severity.Critical;
        }
        else if (named && (banOrListing || facts.Measure == Measure.WatchListAddition))
        {
            level = Severity.High;
        }
        else if (talk || (facts.BroadMeasure && IsBan(facts.Measure)))
        {
            level = Severity.Medium;
        }
        else
        {
            level = Severity.Low;
        }

        if (facts.Destination == DestinationRelation.Matches && !talk && level < Severity.High)
        {
            level++;
        }
        else if (facts.Destination == DestinationRelation.OtherOnly && !facts.NamesCounterparty && level > Severity.Low)
        {
            level--;
        }

        return level;
    }

    /// <summary>Bans, licensing requirements, list additions and catalogue changes.</summary>
    public static bool IsBanOrListing(Measure measure) => IsBan(measure)
        || measure is Measure.ControlListAddition or Measure.UnreliableEntityAddition;

    private static bool IsBan(Measure measure) =>
        measure is Measure.ExportBan or Measure.LicensingRequirement or Measure.CatalogueChange;
}
