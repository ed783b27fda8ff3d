using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Core.Goods;
using Alerts.Core.Common;

namespace Alerts.Core.Matching;

/// <summary>Decides which companies a notice touches, how urgently, and why.</summary>
public interface INoticeMatcher
{
    /// <summary>One alert per company the notice touches (ids = hash(change id, company id)); empty when nothing matches.</summary>
    IReadOnlyList<Alerts.Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies);
}

/// <summary>
/// Runs one automaton (taxonomy + every company's terms and counterparties) over title, body and annex text, then HS
/// and control codes, listed entities, broad dual-use measures and destinations; severity from <see cref="SeverityRules"/>.
/// </summary>
public sealed partial class NoticeMatcher : INoticeMatcher
{
    private static readonly (string Country, string[] Names)[] s_countryNames =
    [
        ("JP", ["对日", "日本", "japan", "日方"]),
        ("US", ["美国", "united states", "u.s.", "米国", "アメリカ"]),
        ("EU", ["欧盟", "european union", "欧州連合"]),
        ("CN", ["中国", "china"]),
        ("KR", ["韩国", "korea", "韓国"]),
        ("TW", ["台湾", "taiwan"]),
    ];

    /// <summary>The Union's member states: a measure on "EU entities" reaches a company shipping to Germany.</summary>
    private static readonly HashSet<string> s_euMembers =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    ];

    private readonly MatcherIndexCache _cache;
    private readonly GoodsTaxonomy _taxonomy;
    private readonly TitleGlossary _glossary;

    public NoticeMatcher(GoodsTaxonomy taxonomy, TitleGlossary glossary)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(glossary);
        _cache = new MatcherIndexCache(taxonomy);
        _taxonomy = taxonomy;
        _glossary = glossary;
    }

    public NoticeMatcher()
        : this(GoodsTaxonomy.Default, TitleGlossary.Default)
    {
    }

    /// <summary>How many times the index was built (tests of the cache).</summary>
    internal int IndexBuilds => _cache.Builds;

    /// <summary>How many of those builds a <see cref="Match"/> had to do itself (the index was not ready).</summary>
    internal int IndexBuildsOnMatch => _cache.BuildsOnMatch;

    /// <summary>Builds the index for these companies now, so the next <see cref="Match"/> with them finds it ready.</summary>
    internal void PrepareIndex(IReadOnlyList<Company> companies) => _cache.Prepare(companies);

    /// <summary>The (cached) index <see cref="Match"/> uses for these companies: the benchmark scans with its automaton.</summary>
    internal MatcherIndex IndexFor(IReadOnlyList<Company> companies) => _cache.Get(companies);

    public IReadOnlyList<Alerts.Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(companies);
        if (companies.Count == 0)
        {
            return [];
        }

        var index = _cache.Get(companies);
        var text = ScannedText(notice);
        var normalized = TextNormalizer.Normalize(text);
        var scan = normalized.Text;
        var titleEnd = TitleEnd(normalized, notice.Title.Length);
        var found = new Dictionary<int, Found>();

        Found For(int company)
        {
            if (!found.TryGetValue(company, out var f))
            {
                f = new Found(company);
                found[company] = f;
            }

            return f;
        }

        // 1. The automaton: category terms, broad-measure words, custom terms, counterparty names. Only the operative
        // text counts for goods: not a cited act's title, not a listed party's name or address (OperativeText).
        var operative = OperativeText.Read(normalized, notice);
        var categoryCandidates = new List<(int Category, PatternHit Hit)>();
        PatternHit? broadHit = null;
        var broadInTitle = false;
        foreach (var hit in index.Automaton.FindAll(scan))
        {
            var (needStart, needEnd) = index.NeedsBoundary[hit.Pattern];
            if ((needStart && hit.Start > 0 && TextNormalizer.IsAsciiWordChar(scan[hit.Start - 1]))
                || (needEnd && hit.Start + hit.Length < scan.Length && TextNormalizer.IsAsciiWordChar(scan[hit.Start + hit.Length])))
            {
                continue;
            }

            var excluded = operative.IsExcluded(hit.Start, hit.Length);
            foreach (var owner in index.OwnersOf(hit.Pattern))
            {
                switch (owner.Kind)
                {
                    case PatternOwnerKind.Category when !excluded && !operative.IsCompoundComponent(hit.Start, hit.Length) && !operative.IsSectorOrFacility(hit.Start, hit.Length):
                        categoryCandidates.Add((owner.Index, hit));
                        break;
                    case PatternOwnerKind.Broad when !excluded && !operative.IsDescription(hit.Start, hit.Length):
                        broadHit ??= hit;
                        broadInTitle |= hit.Start < titleEnd;
                        break;
                    case PatternOwnerKind.Term when !excluded:
                        For(owner.Index).Goods(ReasonKind.Term, owner.Value, normalized.Snippet(hit.Start, hit.Length));
                        break;
                    case PatternOwnerKind.Counterparty:
                        var party = operative.IsInsideListedName(hit.Start, hit.Length) ? PartyMatch.Affiliate : PartyMatch.Mentioned;
                        For(owner.Index).Counterparty(owner.Value, normalized.Snippet(hit.Start, hit.Length), party);
                        break;
                }
            }
        }

        // A term inside a longer term of another category names that category's goods only (锑 inside 锑化镓, 稀土
        // inside 稀土永磁): the longest reading wins, as a reader takes the whole word.
        var categoryHits = new Dictionary<int, PatternHit>();
        var categoryMentions = new Dictionary<int, PatternHit>();
        var announcedCategories = new HashSet<int>();
        // Candidates come in the automaton's order, by end position: a longer hit covering this one ends at or after its
        // end and no later than its start plus the longest candidate, so only that window is searched (a long notice
        // has thousands of candidates, and comparing every pair cost seconds).
        var longestCandidate = 0;
        foreach (var (_, hit) in categoryCandidates)
        {
            longestCandidate = Math.Max(longestCandidate, hit.Length);
        }

        var windowStart = 0;
        foreach (var (category, hit) in categoryCandidates)
        {
            var end = hit.Start + hit.Length;
            while (categoryCandidates[windowStart].Hit.Start + categoryCandidates[windowStart].Hit.Length < end)
            {
                windowStart++;
            }

            var insideLonger = false;
            for (var j = windowStart; j < categoryCandidates.Count; j++)
            {
                var (otherCategory, other) = categoryCandidates[j];
                if (other.Start + other.Length > hit.Start + longestCandidate)
                {
                    break;
                }

                if (otherCategory != category && other.Length > hit.Length && other.Start <= hit.Start && other.Start + other.Length >= end)
                {
                    insideLonger = true;
                    break;
                }
            }

            if (insideLonger)
            {
                continue;
            }

            if (index.CategoryIds[category] == GoodsTaxonomy.DualUse)
            {
                if (operative.IsDescription(hit.Start, hit.Length))
                {
                    continue; // 具有明显的军民两用属性: why the goods are controlled, not a measure on all dual-use items
                }

                // "Dual-use items", "Control List": the words of a broad measure, not goods of their own.
                broadHit ??= hit;
                broadInTitle |= hit.Start < titleEnd;
                continue;
            }

            // Goods in the title or in a sentence that does something are what the notice is about; goods in a news
            // copy's background ("镓和锗是半导体产业的关键原料") are only mentioned.
            // Goods a journalist asks about (是否也将对钨进行出口管制?) are only mentioned, whatever the answer does.
            // Goods in an item's characteristics (衬里材料，包括石墨砖) describe that item, they are not controlled; goods a
            // broad class is said to cover (清单…涵盖稀土、无人机) are examples of it.
            var operativeHit = (hit.Start < titleEnd || operative.IsInOperativeSentence(hit.Start)) && !operative.IsInQuestion(hit.Start)
                && !operative.IsInSpecification(hit.Start) && !operative.IsCoveredExample(hit.Start);
            (operativeHit ? categoryHits : categoryMentions).TryAdd(category, hit);

            // Any sentence that announces a control on the goods counts, not only the first that names them (a news
            // copy's headline names them before its third paragraph reports the announcement).
            if (operativeHit && operative.AnnouncesMeasure && operative.IsInItemControlAnnouncement(hit.Start))
            {
                announcedCategories.Add(category);
            }
        }

        foreach (var category in categoryHits.Keys)
        {
            categoryMentions.Remove(category);
        }

        foreach (var (category, hit, mentioned) in categoryHits.Select(h => (h.Key, h.Value, false))
            .Concat(categoryMentions.Select(h => (h.Key, h.Value, true))).OrderBy(h => h.Item2.Start))
        {
            var id = index.CategoryIds[category];
            var reason = new AlertReason(ReasonKind.Category, id, normalized.Snippet(hit.Start, hit.Length)); // one instance for every watcher
            // A statement about another side's measure on Chinese parties (targets CN) announces no Chinese control.
            var announcing = announcedCategories.Contains(category) && !notice.Destinations.SequenceEqual(["CN"]);
            foreach (var company in index.CategoryCompanies[category])
            {
                For(company).Category(reason, mentioned ? GoodsStrength.Mentioned : GoodsStrength.Named);
                if (!mentioned && announcing)
                {
                    For(company).GoodsInAnnouncement = true;
                }
            }

            foreach (var company in index.CategoryRelatedCompanies[category])
            {
                For(company).Category(reason, GoodsStrength.Related);
            }
        }

        // A code from the taxonomy (2850.00, 8110) is a reference next to an item's name; it names the category's goods
        // only when the category is named in words too; a code the company entered itself always does.
        var namedCategories = categoryHits.Keys.Select(c => index.CategoryIds[c]).ToHashSet(StringComparer.Ordinal);
        GoodsStrength Strength(WatchedCode w) =>
            w.Related ? GoodsStrength.Related
            : w.Category is { } fromTaxonomy && !namedCategories.Contains(fromTaxonomy) ? GoodsStrength.Mentioned
            : GoodsStrength.Named;

        // 2. HS codes, both ways (not a postcode in a listed party's address).
        foreach (var (digits, start, length) in HsCodesIn(scan, notice))
        {
            if (start >= 0 && operative.IsExcluded(start, length))
            {
                continue;
            }

            var snippet = start >= 0 ? normalized.Snippet(start, length) : digits;
            for (var prefix = 4; prefix <= digits.Length; prefix++)
            {
                if (index.HsExact.TryGetValue(digits[..prefix], out var watchers))
                {
                    foreach (var w in watchers)
                    {
                        For(w.Company).Goods(ReasonKind.Hs, w.Value, snippet, Strength(w));
                    }
                }
            }

            if (digits.Length >= 8 && index.HsLonger.TryGetValue(digits, out var longer))
            {
                foreach (var w in longer)
                {
                    For(w.Company).Goods(ReasonKind.Hs, w.Value, snippet, Strength(w));
                }
            }
        }

        // 3. Control codes: 1C902 matches 1C902.a and the other way round.
        foreach (var (code, start, length) in ControlCodesIn(scan, notice))
        {
            if (start >= 0 && operative.IsExcluded(start, length))
            {
                continue;
            }

            var snippet = start >= 0 ? normalized.Snippet(start, length) : code;
            var prefixes = new List<string> { code };
            for (var dot = code.LastIndexOf('.'); dot > 0; dot = code.LastIndexOf('.', dot - 1))
            {
                prefixes.Add(code[..dot]);
            }

            foreach (var prefix in prefixes)
            {
                if (index.Codes.TryGetValue(prefix, out var watchers))
                {
                    foreach (var w in watchers)
                    {
                        For(w.Company).Goods(ReasonKind.ControlCode, w.Value, snippet, Strength(w));
                    }
                }
            }

            if (index.CodeParents.TryGetValue(code, out var specific))
            {
                foreach (var w in specific)
                {
                    For(w.Company).Goods(ReasonKind.ControlCode, w.Value, snippet, Strength(w));
                }
            }
        }

        // 4. Listed entities against counterparties: an equal key is the counterparty itself.
        foreach (var entity in notice.Entities)
        {
            foreach (var name in new[] { entity.Name, entity.NameEn })
            {
                if (string.IsNullOrWhiteSpace(name) || !index.EntityKeys.TryGetValue(CompanyNames.Key(name), out var watchers))
                {
                    continue;
                }

                var at = text.IndexOf(name, StringComparison.Ordinal);
                var snippet = at >= 0 ? Around(text, at, name.Length) : name;
                foreach (var w in watchers)
                {
                    For(w.Company).Counterparty(w.Value, snippet, PartyMatch.Listed, entity.NameEn ?? entity.Name);
                }
            }
        }

        // 5. Broad measures: about dual-use items in general. A listing or a ban acts on a class of parties or users
        // whatever goods they take; a relief of one with named targets likewise; otherwise the words must be in the
        // title, or the operative text must name no specific goods.
        var bodyEnd = TitleEnd(normalized, notice.Title.Length + 1 + notice.Body.Length);
        var namesSpecificGoods = categoryHits.Any(h => h.Value.Start < bodyEnd);
        var kind = SeverityRules.KindOf(notice.Measure);
        var broadByMeasure = SeverityRules.ActsOnParties(notice.Measure)
            || (notice.Measure == Measure.ExportBan && notice.Destinations.Count > 0)
            || (kind == MeasureKind.Relief && notice.Destinations.Count > 0);
        var broadByWords = broadHit is { } && (broadInTitle || !namesSpecificGoods || kind == MeasureKind.Talk);
        if (broadByMeasure || broadByWords)
        {
            var reason = broadHit is { } broad
                ? new AlertReason(ReasonKind.BroadMeasure, scan.Substring(broad.Start, broad.Length), normalized.Snippet(broad.Start, broad.Length))
                : new AlertReason(ReasonKind.BroadMeasure, notice.Measure.ToWire(), notice.Title);
            foreach (var company in index.DualUseCompanies)
            {
                For(company).Broad(reason);
            }
        }

        if (found.Count == 0)
        {
            return [];
        }

        // 6. Destinations and severity.
        var reference = notice.Published ?? DateOnly.FromDateTime(change.DetectedAt.UtcDateTime);
        var effectiveSoon = notice.Effective is not { } effective || effective <= reference.AddDays(30);
        var gloss = _glossary.Gloss(notice.Title);
        var alerts = new List<Alerts.Alert>(found.Count);
        // Companies share destination sets (the index interns them), so the relation and its reasons are worked out
        // once per set, not once per company.
        var byDestinations = new Dictionary<HashSet<string>, (DestinationRelation Relation, AlertReason[] Reasons)>(ReferenceEqualityComparer.Instance);

        // Company ids in ordinal order: the index ranks them once, so ordering the output costs an int sort.
        var ranks = new int[found.Count];
        var inIdOrder = new Found[found.Count];
        var next = 0;
        foreach (var (k, f) in found)
        {
            ranks[next] = index.IdRank[k];
            inIdOrder[next++] = f;
        }

        Array.Sort(ranks, inIdOrder);
        foreach (var f in inIdOrder)
        {
            var k = f.Company;
            var company = index.Companies[k];
            var watched = index.CompanyDestinations[k];
            if (!byDestinations.TryGetValue(watched, out var destinations))
            {
                destinations = Destinations(watched, notice.Destinations, normalized, notice.Title);
                byDestinations[watched] = destinations;
            }

            foreach (var reason in destinations.Reasons)
            {
                f.Add(reason);
            }

            var judgement = SeverityRules.Decide(new MatchFacts
            {
                NamesGoods = f.NamesGoods,
                NamesRelatedGoods = f.NamesRelatedGoods,
                MentionsGoods = f.MentionsGoods,
                Counterparty = f.Party,
                BroadMeasure = f.IsBroad,
                AnnouncesMeasure = operative.AnnouncesMeasure,
                GoodsInAnnouncement = f.GoodsInAnnouncement,
                Measure = notice.Measure,
                EffectiveSoon = effectiveSoon,
                Destination = destinations.Relation,
            });
            if (judgement is not { } decided)
            {
                continue;
            }

            var level = decided.Severity;
            var (explanation, snippet) = AlertExplanation.Explain(notice, decided, f.Reasons, f.ListedAs, _taxonomy, gloss);

            f.Categories?.Sort(StringComparer.Ordinal);
            alerts.Add(new Alerts.Alert
            {
                AlertId = Alerts.Alert.IdFor(change.ChangeId, company.Id),
                ChangeId = change.ChangeId,
                CompanyId = company.Id,
                Severity = level,
                Explanation = explanation,
                Snippet = snippet,
                Reasons = f.Reasons,
                Categories = f.Categories ?? [],
                NoticeKey = notice.Key,
                SourceId = notice.SourceId,
                Title = notice.Title,
                TitleGloss = gloss,
                Number = notice.Number,
                Url = notice.Urls.Count > 0 ? notice.Urls[0] : change.Url,
                Published = notice.Published,
                Effective = notice.Effective,
                WindowEnds = notice.Windows.Select(w => w.Until).Max(),
                Measure = notice.Measure.ToWire(),
                Destinations = notice.Destinations,
                CreatedAt = change.DetectedAt,
            });
        }

        return alerts;
    }

    /// <summary>
    /// How a notice's destinations relate to a set of watched countries, with a destination reason for each watched
    /// country the notice targets (in code order).
    /// </summary>
    private static (DestinationRelation Relation, AlertReason[] Reasons) Destinations(
        HashSet<string> watched,
        IReadOnlyList<string> noticeDestinations,
        NormalizedText normalized,
        string title)
    {
        if (noticeDestinations.Count == 0 || watched.Count == 0)
        {
            return (DestinationRelation.Unknown, []);
        }

        var overlap = noticeDestinations
            .Select(d => d.ToUpperInvariant())
            .Where(d => watched.Contains(d) || (d == "EU" && watched.Overlaps(s_euMembers)) || (s_euMembers.Contains(d) && watched.Contains("EU")))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return overlap.Length == 0
            ? (DestinationRelation.OtherOnly, [])
            : (DestinationRelation.Matches, [.. overlap.Select(country => new AlertReason(ReasonKind.Destination, country, CountrySnippet(normalized, country) ?? title))]);
    }

    /// <summary>Title, body and annex (listed entities, attachment titles): everything a reader of the notice sees.</summary>
    internal static string ScannedText(Notice notice)
    {
        var text = new System.Text.StringBuilder(notice.Title.Length + notice.Body.Length + 64);
        text.Append(notice.Title).Append('\n').Append(notice.Body);
        foreach (var entity in notice.Entities)
        {
            text.Append('\n').Append(entity.Name);
            if (!string.IsNullOrEmpty(entity.NameEn))
            {
                text.Append(" (").Append(entity.NameEn).Append(')');
            }
        }

        foreach (var attachment in notice.Attachments)
        {
            text.Append('\n').Append(attachment.Title);
        }

        return text.ToString();
    }

    private static int TitleEnd(NormalizedText normalized, int titleLength)
    {
        var origins = normalized.Origins;
        var length = normalized.Text.Length;
        for (var i = 0; i < length; i++)
        {
            if (origins[i] >= titleLength)
            {
                return i;
            }
        }

        return length;
    }

    private static IEnumerable<(string Digits, int Start, int Length)> HsCodesIn(string scan, Notice notice)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match match in DigitRun().Matches(scan))
        {
            if (seen.Add(match.Value))
            {
                yield return (match.Value, match.Index, match.Length);
            }
        }

        foreach (var code in notice.HsCodes)
        {
            if (HsCode.Digits(code) is { } digits && seen.Add(digits))
            {
                yield return (digits, -1, 0);
            }
        }
    }

    private static IEnumerable<(string Code, int Start, int Length)> ControlCodesIn(string scan, Notice notice)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var found in ControlCode.FindIn(scan))
        {
            if (seen.Add(found.Code))
            {
                yield return found;
            }
        }

        foreach (var code in notice.ControlCodes)
        {
            if (ControlCode.Canonical(code) is { } canonical && seen.Add(canonical))
            {
                yield return (canonical, -1, 0);
            }
        }
    }

    private static string? CountrySnippet(NormalizedText normalized, string country)
    {
        foreach (var (code, names) in s_countryNames)
        {
            if (code != country)
            {
                continue;
            }

            foreach (var name in names)
            {
                var at = normalized.Text.IndexOf(name, StringComparison.Ordinal); // names are already in normalised form
                if (at >= 0)
                {
                    return normalized.Snippet(at, name.Length);
                }
            }
        }

        return null;
    }

    private static string Around(string text, int start, int length)
    {
        var from = Math.Max(0, start - 40);
        var to = Math.Min(text.Length, start + length + 40);
        return text[from..to].Replace('\n', ' ').Trim();
    }

    /// <summary>How strongly a notice names a company's goods.</summary>
    private enum GoodsStrength
    {
        /// <summary>In the operative text, as goods the company watches by name.</summary>
        Named,

        /// <summary>Goods it reaches only through "all dual-use items".</summary>
        Related,

        /// <summary>In the background only, or a bare taxonomy code without the goods' name.</summary>
        Mentioned,
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9])[0-9]{4,10}(?![0-9])")]
    private static partial System.Text.RegularExpressions.Regex DigitRun();

    /// <summary>
    /// What one company collected for one notice: reasons once per (kind, value), in the order found. Reasons are
    /// immutable records, so one category, broad-measure or destination reason is shared by all the companies it reaches.
    /// </summary>
    private sealed class Found(int company)
    {
        public int Company { get; } = company;

        public List<AlertReason> Reasons { get; } = [];

        /// <summary>Category ids, each once (a notice names few categories, so a list beats a set here); null until one.</summary>
        public List<string>? Categories { get; private set; }

        /// <summary>Goods the company watches by name are in the operative text.</summary>
        public bool NamesGoods { get; private set; }

        /// <summary>Goods it reaches only through "all dual-use items" are.</summary>
        public bool NamesRelatedGoods { get; private set; }

        /// <summary>Its goods appear only in the background or as a bare taxonomy code.</summary>
        public bool MentionsGoods { get; private set; }

        /// <summary>The closest a counterparty comes: listed itself, an affiliate listed, or mentioned.</summary>
        public PartyMatch Party { get; private set; }

        /// <summary>The listed party that is the counterparty (its printed name), when <see cref="Party"/> is Listed.</summary>
        public string? ListedAs { get; private set; }

        public bool IsBroad { get; private set; }

        /// <summary>A statement names its goods in the sentence announcing an item control.</summary>
        public bool GoodsInAnnouncement { get; set; }

        public void Goods(ReasonKind kind, string value, string snippet, GoodsStrength strength = GoodsStrength.Named)
        {
            Mark(strength);
            Add(kind, value, snippet);
        }

        public void Category(AlertReason reason, GoodsStrength strength)
        {
            Mark(strength);
            Add(reason);
            Categories ??= [];
            if (!Categories.Contains(reason.Value))
            {
                Categories.Add(reason.Value);
            }
        }

        private void Mark(GoodsStrength strength)
        {
            switch (strength)
            {
                case GoodsStrength.Named:
                    NamesGoods = true;
                    break;
                case GoodsStrength.Related:
                    NamesRelatedGoods = true;
                    break;
                default:
                    MentionsGoods = true;
                    break;
            }
        }

        public void Counterparty(string value, string snippet, PartyMatch match, string? listedAs = null)
        {
            if (match > Party)
            {
                Party = match;
                ListedAs = listedAs;
                Replace(ReasonKind.Counterparty, value, snippet);
            }
            else
            {
                Add(ReasonKind.Counterparty, value, snippet);
            }
        }

        /// <summary>A closer match's snippet replaces a looser one's (the listing line beats a mention).</summary>
        private void Replace(ReasonKind kind, string value, string snippet)
        {
            Reasons.RemoveAll(r => r.Kind == kind && string.Equals(r.Value, value, StringComparison.Ordinal));
            Reasons.Add(new AlertReason(kind, value, snippet));
        }

        public void Broad(AlertReason reason)
        {
            IsBroad = true;
            Add(reason);
        }

        public void Add(AlertReason reason)
        {
            if (!Has(reason.Kind, reason.Value))
            {
                Reasons.Add(reason);
            }
        }

        private void Add(ReasonKind kind, string value, string snippet)
        {
            if (!Has(kind, value))
            {
                Reasons.Add(new AlertReason(kind, value, snippet));
            }
        }

        // A company collects a handful of reasons per notice: a linear scan allocates nothing, unlike a set each.
        private bool Has(ReasonKind kind, string value)
        {
            foreach (var reason in Reasons)
            {
                if (reason.Kind == kind && string.Equals(reason.Value, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
