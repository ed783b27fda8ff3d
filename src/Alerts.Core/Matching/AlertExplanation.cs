using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Alerts;
using Alerts.Core.Notices;
using Alerts.Core.Goods;

namespace Alerts.Core.Matching;

/// <summary>
/// The one English sentence an alert carries: what the notice does and why it concerns this company, built from the
/// notice's fields and the row of the severity table that decided (no translation service). "TDK Corporation, your
/// counterparty, is added to China's Export Control Watch List (MOFCOM Announcement 2026 No.12), effective on
/// publication: exports of dual-use items to it need an individual licence with a risk report."
/// </summary>
internal static partial class AlertExplanation
{
    private static readonly Dictionary<string, string> s_issuers = new(StringComparer.Ordinal)
    {
        ["mofcom"] = "MOFCOM", ["customs"] = "GACC", ["miit"] = "MIIT", ["crypto"] = "SCA", ["most"] = "MOST",
        ["cmc-edd"] = "CMC Equipment Development Department", ["caea"] = "CAEA",
    };

    private static readonly Dictionary<string, string> s_countries = new(StringComparer.Ordinal)
    {
        ["JP"] = "Japan", ["US"] = "the United States", ["EU"] = "the European Union", ["CA"] = "Canada", ["TW"] = "Taiwan",
        ["KR"] = "South Korea", ["GB"] = "the United Kingdom", ["DE"] = "Germany", ["FR"] = "France", ["NL"] = "the Netherlands",
        ["CN"] = "China", ["RU"] = "Russia", ["IN"] = "India", ["AU"] = "Australia", ["IL"] = "Israel", ["LT"] = "Lithuania",
    };

    /// <summary>The sentence and the snippet of the notice it rests on.</summary>
    public static (string Sentence, string Snippet) Explain(
        Notice notice, Judgement judgement, IReadOnlyList<AlertReason> reasons, string? listedAs, GoodsTaxonomy taxonomy, string? titleGloss)
    {
        var reference = Reference(notice, titleGloss);
        var effective = Effective(notice);
        var goods = Goods(reasons, taxonomy);
        var counterparty = reasons.FirstOrDefault(r => r.Kind == ReasonKind.Counterparty);
        var party = counterparty?.Value ?? "";
        var broad = reasons.FirstOrDefault(r => r.Kind == ReasonKind.BroadMeasure);
        var shipsTo = reasons.Where(r => r.Kind == ReasonKind.Destination).Select(r => Country(r.Value)).ToList();
        var targets = Join(notice.Destinations.Select(Country).ToList());
        var window = Window(notice);
        var statement = reference.StartsWith("the notice ", StringComparison.Ordinal) ? "the statement " + reference["the notice ".Length..] : $"a statement ({reference})";

        var sentence = judgement.Ground switch
        {
            Ground.CounterpartyListed when SeverityRules.KindOf(notice.Measure) is MeasureKind.Control =>
                $"{reference} imposes {ControlPhrase(notice.Measure, "exports")} on your counterparty {party}{effective}.",
            Ground.CounterpartyListed => Listed(notice.Measure, ListedName(listedAs, party), reference, effective),
            Ground.AffiliateListed =>
                $"A party bearing the name of your counterparty {party} is {ListPhrase(notice.Measure)} ({reference}){effective}: check whether it belongs to the same group.",
            Ground.CounterpartyRelieved =>
                $"{reference} {ReliefVerb(notice.Measure)} measures on your counterparty {party}{window}.",
            Ground.GoodsControlled =>
                $"{reference} {ControlPhrase(notice.Measure, goods)}{To(targets)}{effective}: goods you watch.",
            Ground.GoodsRelieved =>
                $"{reference} {ReliefVerb(notice.Measure)} export controls on {goods}{window}: goods you watch.",
            Ground.BroadMeasureOnDestination => BroadOnDestination(notice, reference, effective, targets, Join(shipsTo), window),
            // A statement sets no measure; a control of specific goods is not a measure on all dual-use items: say which.
            Ground.BroadMeasureNoDestination when SeverityRules.KindOf(notice.Measure) is MeasureKind.Talk =>
                $"{statement} discusses {(broad is null ? $"controls on {goods}, which fall under the dual-use items you watch" : "export controls on dual-use items")}; it sets no measure of its own.",
            Ground.BroadMeasureNoDestination when broad is null =>
                $"{reference} {ControlPhrase(notice.Measure, goods)}{To(targets)}{effective}: these fall under the dual-use items you watch.",
            Ground.BroadMeasureNoDestination =>
                $"{reference} is a measure on dual-use items in general ({BroadWhat(notice, targets)}); your profile names no country it targets, so check whether it applies to your trade.",
            Ground.CounterpartyMentioned => $"{reference} mentions your counterparty {party} but does not act on it.",
            Ground.GoodsAnnounced => $"{statement} announces a measure on {goods}, goods you watch: read it with the measure it announces.",
            Ground.CounterpartyAnnounced => $"{statement} announces a measure on your counterparty {party}: read it with the measure it announces.",
            Ground.StatementOnDestination => notice.Measure is Measure.Statement or Measure.Consultation && judgement.Severity >= Subscriptions.Severity.Medium
                ? $"{statement} announces a measure on {targets}, where you ship: read it with the measure it announces."
                : $"{statement} concerns measures on {targets}, where you ship; it sets no measure of its own.",
            _ => $"{reference} mentions {goods}, goods you watch, but sets no new control on them.",
        };

        var snippet = judgement.Ground switch
        {
            Ground.CounterpartyListed or Ground.AffiliateListed or Ground.CounterpartyRelieved or Ground.CounterpartyMentioned
                or Ground.CounterpartyAnnounced => counterparty?.Snippet,
            Ground.BroadMeasureOnDestination or Ground.BroadMeasureNoDestination or Ground.StatementOnDestination => broad?.Snippet,
            _ => reasons.FirstOrDefault(r => r.Kind is ReasonKind.Category or ReasonKind.Term or ReasonKind.Hs or ReasonKind.ControlCode)?.Snippet,
        };
        return (char.ToUpperInvariant(sentence[0]) + sentence[1..], snippet ?? (reasons.Count > 0 ? reasons[0].Snippet : ""));
    }

    /// <summary>"MOFCOM Announcement 2026 No.1", "MOFCOM and GACC Announcement 2023 No.23", "MFA Order 2024 No.5".</summary>
    internal static string Reference(Notice notice, string? titleGloss)
    {
        if (KeyPattern().Match(notice.Key) is { Success: true } key)
        {
            var issuer = key.Groups["issuer"].Value;
            var (who, what) = issuer switch
            {
                "uel" => ("Unreliable Entity List Work Mechanism", "Announcement"),
                "mfa-order" => ("MFA", "Order"),
                "mofcom-order" => ("MOFCOM", "Order"),
                _ => (Join([.. SplitSlugs(issuer).Select(s => s_issuers.GetValueOrDefault(s, s.ToUpperInvariant()))]), "Announcement"),
            };
            return $"{who} {what} {key.Groups["year"].Value} No.{key.Groups["n"].Value}";
        }

        // No number printed (a news copy, a statement): the rendered title when it is a standard form, else the title as printed.
        var title = titleGloss is { } gloss && !gloss.Any(TextNormalizer.IsCjk) ? gloss : notice.Title;
        return $"the notice \"{(title.Length > 100 ? title[..100] + "…" : title)}\"";
    }

    private static IEnumerable<string> SplitSlugs(string issuer)
    {
        // cmc-edd is one slug with a hyphen of its own.
        var rest = issuer;
        while (rest.Length > 0)
        {
            var slug = s_issuers.Keys.Where(k => rest.StartsWith(k, StringComparison.Ordinal)).OrderByDescending(k => k.Length).FirstOrDefault()
                ?? rest.Split('-')[0];
            yield return slug;
            rest = rest.Length > slug.Length ? rest[(slug.Length + 1)..] : "";
        }
    }

    private static string Listed(Measure measure, string name, string reference, string effective) => measure switch
    {
        Measure.ControlListAddition => $"{name}, your counterparty, is added to China's Export Control Control List ({reference}){effective}: exports of dual-use items to it are prohibited.",
        Measure.WatchListAddition => $"{name}, your counterparty, is added to China's Export Control Watch List ({reference}){effective}: exports of dual-use items to it need an individual licence with a risk report.",
        Measure.UnreliableEntityAddition => $"{name}, your counterparty, is added to China's Unreliable Entity List ({reference}){effective}: it may be barred from trade with and investment in China.",
        Measure.Countermeasure => $"{name}, your counterparty, is sanctioned by China under the Anti-Foreign Sanctions Law ({reference}){effective}: its assets in China may be frozen and dealings with it prohibited.",
        Measure.Investigation => $"{name}, your counterparty, is under investigation by China's Unreliable Entity List work mechanism ({reference}){effective}.",
        Measure.Fine => $"{name}, your counterparty, is fined by China ({reference}){effective}.",
        _ => $"{name}, your counterparty, is named by {reference}{effective}.",
    };

    private static string ListPhrase(Measure measure) => measure switch
    {
        Measure.ControlListAddition => "added to China's Export Control Control List",
        Measure.WatchListAddition => "added to China's Export Control Watch List",
        Measure.UnreliableEntityAddition => "added to China's Unreliable Entity List",
        Measure.Countermeasure => "sanctioned by China",
        Measure.Investigation => "under investigation by China",
        Measure.Suspension => "relieved by a suspension",
        Measure.Lifting or Measure.Removal => "removed from a Chinese list",
        _ => "named",
    };

    private static string ListedName(string? listedAs, string party) =>
        listedAs is null || CompanyNames.Key(listedAs) == CompanyNames.Key(party) ? listedAs ?? party : $"{listedAs} ({party})";

    private static string ControlPhrase(Measure measure, string goods) => measure switch
    {
        Measure.ExportBan => $"bans or restricts exports of {goods}",
        Measure.CatalogueChange => $"changes the control catalogue for {goods}",
        Measure.ScopeAdjustment => $"adjusts the scope of export controls on {goods}",
        Measure.Resumption => $"resumes export controls on {goods}",
        Measure.Amendment => $"amends export controls on {goods}",
        _ => $"puts {goods} under export licensing",
    };

    private static string ReliefVerb(Measure measure) => measure switch
    {
        Measure.Suspension => "suspends",
        Measure.Removal => "removes",
        _ => "lifts",
    };

    private static string BroadOnDestination(Notice notice, string reference, string effective, string targets, string shipsTo, string window) =>
        SeverityRules.KindOf(notice.Measure) switch
        {
            MeasureKind.Listing or MeasureKind.LesserListing =>
                $"{reference} {Parties(notice)} of {targets}{OnList(notice.Measure)}{effective}; you ship dual-use items to {shipsTo}: check your counterparties against it.",
            MeasureKind.Relief => $"{reference} {ReliefVerb(notice.Measure)} measures on exports to {targets}{window}; you ship to {shipsTo}.",
            _ => $"{reference} bans or restricts exports of dual-use items to {targets}{effective}; you ship to {shipsTo}: check your end users and end uses.",
        };

    private static string Parties(Notice notice)
    {
        var count = notice.StatedEntityCount ?? notice.Entities.Count;
        var parties = count == 1 ? "one party" : count > 1 ? $"{count} parties" : "parties";
        return notice.Measure switch
        {
            Measure.Countermeasure => "sanctions " + parties,
            Measure.Investigation => "opens an investigation into " + parties,
            Measure.Fine => "fines " + parties,
            _ => "puts " + parties,
        };
    }

    private static string OnList(Measure measure) => measure switch
    {
        Measure.ControlListAddition => " on China's Export Control Control List",
        Measure.WatchListAddition => " on China's Export Control Watch List",
        Measure.UnreliableEntityAddition => " on China's Unreliable Entity List",
        _ => "",
    };

    private static string BroadWhat(Notice notice, string targets) => SeverityRules.KindOf(notice.Measure) switch
    {
        MeasureKind.Listing or MeasureKind.LesserListing => targets.Length > 0 ? $"a listing of parties of {targets}" : "a listing of foreign parties",
        MeasureKind.Relief => "a relief from earlier measures",
        _ => targets.Length > 0 ? $"exports to {targets}" : "all dual-use items",
    };

    private static string Goods(IReadOnlyList<AlertReason> reasons, GoodsTaxonomy taxonomy)
    {
        // Goods by name when the notice names them; codes only when they are all that matched.
        var named = reasons.Any(r => r.Kind is ReasonKind.Category or ReasonKind.Term);
        var names = reasons
            .Where(r => r.Kind is ReasonKind.Category or ReasonKind.Term || (!named && r.Kind is ReasonKind.Hs or ReasonKind.ControlCode))
            .Select(r => r.Kind switch
            {
                ReasonKind.Category => taxonomy.Find(r.Value)?.EnglishName ?? r.Value,
                ReasonKind.Hs => "HS " + r.Value,
                _ => r.Value,
            })
            .Distinct(StringComparer.Ordinal)
            .Take(4)
            .ToList();
        return names.Count == 0 ? "dual-use items" : Join(names);
    }

    private static string Effective(Notice notice) => notice.Effective switch
    {
        null => "",
        { } date when date == notice.Published => ", effective on publication",
        { } date => ", effective " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static string Window(Notice notice) =>
        notice.Windows.FirstOrDefault(w => w.Until is not null) is { Until: { } until }
            ? " until " + until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";

    private static string To(string targets) => targets.Length > 0 ? " to " + targets : "";

    private static string Country(string code) => s_countries.GetValueOrDefault(code.ToUpperInvariant(), code.ToUpperInvariant());

    private static string Join(List<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    [GeneratedRegex(@"^cn-(?<issuer>[a-z-]+):(?<year>\d{4}):(?<n>\d+)$")]
    private static partial Regex KeyPattern();
}
