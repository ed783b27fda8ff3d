using System.Text.Json;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;
using Alerts.Core.Goods;

namespace Alerts.Core.Matching;

internal enum PatternOwnerKind
{
    Category,
    Broad,
    Term,
    Counterparty,
}

/// <summary>Who a pattern belongs to: a taxonomy category, the broad-measure words, or one company's term or counterparty.</summary>
internal readonly record struct PatternOwner(PatternOwnerKind Kind, int Index, string Value);

/// <param name="Related">
/// The company reaches these goods only through the <c>dual-use</c> root (it watches dual-use items in general): a
/// notice on them is related to its trade, not a control on goods it named.
/// </param>
/// <param name="Category">The taxonomy category the code comes from; null for a code the company entered itself.</param>
internal readonly record struct WatchedCode(int Company, string Value, bool Related = false, string? Category = null);

/// <summary>
/// Everything the matcher precomputes from the taxonomy and the companies: ONE automaton over every category term,
/// broad-measure word, custom term and counterparty name, plus inverted indexes (category → companies, HS prefix →
/// companies, control code → companies, entity key → companies), so matching costs the text plus the hits, not the
/// number of companies.
/// </summary>
internal sealed class MatcherIndex
{
    private readonly Dictionary<string, int> _patternIds = new(StringComparer.Ordinal);
    private readonly List<string> _patterns = [];
    private readonly List<List<PatternOwner>> _owners = [];

    public MatcherIndex(GoodsTaxonomy taxonomy, IReadOnlyList<Company> companies)
    {
        Taxonomy = taxonomy;
        Companies = [.. companies];
        IdRank = new int[Companies.Length];
        var byId = Enumerable.Range(0, Companies.Length).OrderBy(k => Companies[k].Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < byId.Length; rank++)
        {
            IdRank[byId[rank]] = rank;
        }

        CategoryIds = [.. taxonomy.Categories.Select(c => c.Id)];
        var categoryIndex = CategoryIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        CategoryCompanies = [.. CategoryIds.Select(_ => new List<int>())];
        CategoryRelatedCompanies = [.. CategoryIds.Select(_ => new List<int>())];

        for (var c = 0; c < taxonomy.Categories.Count; c++)
        {
            foreach (var term in taxonomy.Categories[c].AllTerms)
            {
                Add(term, new PatternOwner(PatternOwnerKind.Category, c, term));
            }
        }

        foreach (var term in taxonomy.BroadMeasureTerms)
        {
            Add(term, new PatternOwner(PatternOwnerKind.Broad, -1, term));
        }

        // HS prefixes that belong to one category only: a shared heading (2853.90 is gallium, germanium, antimony and
        // battery materials alike) says nothing about which goods a notice concerns.
        var hsOwners = taxonomy.Categories
            .SelectMany(c => c.HsPrefixes.Select(h => (Digits: HsCode.Digits(h), c.Id)))
            .Where(x => x.Digits is not null)
            .GroupBy(x => x.Digits!, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Id).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        var dualUse = new List<int>();
        var destinationSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        CompanyDestinations = new HashSet<string>[Companies.Length];
        for (var k = 0; k < Companies.Length; k++)
        {
            var company = Companies[k];
            var watch = company.Watch ?? new WatchProfile();
            CompanyDestinations[k] = Intern(destinationSets, (watch.Destinations ?? []).Select(d => d.Trim().ToUpperInvariant()));

            // A category watched by name, with its sub-categories, is the company's own goods; what it reaches only
            // through the dual-use root is related (the root is every dual-use item: a gallium notice is not "its goods"
            // for a company that ticked "dual-use items", README of tests/fixtures/real, "The fixed watchers").
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var category in watch.Categories ?? [])
            {
                if (category != GoodsTaxonomy.DualUse)
                {
                    own.UnionWith(taxonomy.SelfAndDescendants(category));
                }
            }

            var related = (watch.Categories ?? []).Contains(GoodsTaxonomy.DualUse)
                ? taxonomy.SelfAndDescendants(GoodsTaxonomy.DualUse).Where(id => id != GoodsTaxonomy.DualUse && !own.Contains(id)).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var (id, isRelated) in own.Select(id => (id, false)).Concat(related.Select(id => (id, true))))
            {
                (isRelated ? CategoryRelatedCompanies : CategoryCompanies)[categoryIndex[id]].Add(k);
                var category = taxonomy.Find(id)!;
                foreach (var hs in category.HsPrefixes)
                {
                    if (HsCode.Digits(hs) is { } digits && hsOwners.ContainsKey(digits))
                    {
                        AddHs(k, digits, isRelated, id);
                    }
                }

                foreach (var code in category.ControlCodes)
                {
                    AddControlCode(k, code, isRelated, id);
                }
            }

            if ((watch.Categories ?? []).Any(taxonomy.IsUnderDualUse))
            {
                dualUse.Add(k);
            }

            foreach (var term in watch.Terms ?? [])
            {
                Add(term, new PatternOwner(PatternOwnerKind.Term, k, term));
            }

            foreach (var hs in watch.HsCodes ?? [])
            {
                if (HsCode.Digits(hs) is { } digits)
                {
                    AddHs(k, digits);
                }
            }

            foreach (var code in watch.ControlCodes ?? [])
            {
                AddControlCode(k, code);
            }

            foreach (var counterparty in watch.Counterparties ?? [])
            {
                foreach (var name in counterparty.AllNames)
                {
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        continue;
                    }

                    var display = CompanyNames.Display(name);
                    var key = CompanyNames.Key(name);
                    var owner = new PatternOwner(PatternOwnerKind.Counterparty, k, counterparty.Name);
                    Add(display, owner);
                    Add(key, owner);
                    if (key.Length > 0)
                    {
                        Get(EntityKeys, key).Add(new WatchedCode(k, counterparty.Name));
                    }
                }
            }
        }

        DualUseCompanies = [.. dualUse];
        Automaton = new AhoCorasick(_patterns);
        PatternOwners = [.. _owners.Select(o => o.ToArray())];
        NeedsBoundary = [.. _patterns.Select(p => (TextNormalizer.IsAsciiWordChar(p[0]), TextNormalizer.IsAsciiWordChar(p[^1])))];
    }

    public GoodsTaxonomy Taxonomy { get; }

    public Company[] Companies { get; }

    /// <summary>IdRank[k] = position of company k when the companies are sorted by id (ordinal): alerts come out in id order.</summary>
    public int[] IdRank { get; }

    public string[] CategoryIds { get; }

    /// <summary>Companies watching each category by name (or a parent other than the dual-use root).</summary>
    public List<int>[] CategoryCompanies { get; }

    /// <summary>Companies reaching each category only through the dual-use root (see <see cref="WatchedCode.Related"/>).</summary>
    public List<int>[] CategoryRelatedCompanies { get; }

    /// <summary>Each company's countries; companies with the same countries share one set instance (the matcher caches by it).</summary>
    public HashSet<string>[] CompanyDestinations { get; }

    public int[] DualUseCompanies { get; }

    public AhoCorasick Automaton { get; }

    public PatternOwner[][] PatternOwners { get; }

    /// <summary>Latin patterns must start and end on a word boundary (<c>GaN</c> is not in <c>organic</c>).</summary>
    public (bool Start, bool End)[] NeedsBoundary { get; }

    /// <summary>Watched HS code (digits) → companies.</summary>
    public Dictionary<string, List<WatchedCode>> HsExact { get; } = new(StringComparer.Ordinal);

    /// <summary>Prefixes (≥ 8 digits) of longer watched HS codes → companies: a notice's 税则号列 matches them.</summary>
    public Dictionary<string, List<WatchedCode>> HsLonger { get; } = new(StringComparer.Ordinal);

    /// <summary>Watched control code → companies.</summary>
    public Dictionary<string, List<WatchedCode>> Codes { get; } = new(StringComparer.Ordinal);

    /// <summary>Parents of more specific watched codes (<c>1C902</c> for a watched <c>1C902.a</c>) → companies.</summary>
    public Dictionary<string, List<WatchedCode>> CodeParents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<WatchedCode>> EntityKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The automaton's patterns in normalised form (the benchmark hands them to <c>grep -F -f</c>).</summary>
    public IReadOnlyList<string> Patterns => _patterns;

    private void Add(string raw, PatternOwner owner)
    {
        var pattern = TextNormalizer.NormalizeTerm(raw);
        if (pattern.Length == 0 || (pattern.Length < 2 && pattern.All(char.IsAscii)))
        {
            return;
        }

        if (!_patternIds.TryGetValue(pattern, out var id))
        {
            id = _patterns.Count;
            _patternIds[pattern] = id;
            _patterns.Add(pattern);
            _owners.Add([]);
        }

        if (!_owners[id].Contains(owner))
        {
            _owners[id].Add(owner);
        }
    }

    private void AddHs(int company, string digits, bool related = false, string? category = null)
    {
        Get(HsExact, digits).Add(new WatchedCode(company, digits, related, category));
        for (var length = 8; length < digits.Length; length++)
        {
            Get(HsLonger, digits[..length]).Add(new WatchedCode(company, digits, related, category));
        }
    }

    private void AddControlCode(int company, string code, bool related = false, string? category = null)
    {
        if (ControlCode.Canonical(code) is not { } canonical)
        {
            return;
        }

        Get(Codes, canonical).Add(new WatchedCode(company, canonical, related, category));
        for (var dot = canonical.LastIndexOf('.'); dot > 0; dot = canonical.LastIndexOf('.', dot - 1))
        {
            Get(CodeParents, canonical[..dot]).Add(new WatchedCode(company, canonical, related, category));
        }
    }

    private static HashSet<string> Intern(Dictionary<string, HashSet<string>> sets, IEnumerable<string> countries)
    {
        var set = new HashSet<string>(countries, StringComparer.Ordinal);
        var key = string.Join(',', set.Order(StringComparer.Ordinal));
        if (sets.TryGetValue(key, out var shared))
        {
            return shared;
        }

        sets[key] = set;
        return set;
    }

    private static List<WatchedCode> Get(Dictionary<string, List<WatchedCode>> map, string key)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        return list;
    }
}

/// <summary>
/// The matcher is rebuilt only when the companies change: the same list instance reuses the index at once, another
/// list with the same content (by hash) reuses it too.
/// </summary>
internal sealed class MatcherIndexCache(GoodsTaxonomy taxonomy)
{
    private readonly Lock _gate = new();
    private volatile Entry? _current;

    public int Builds { get; private set; }

    public MatcherIndex Get(IReadOnlyList<Company> companies)
    {
        var current = _current;
        if (current is not null && ReferenceEquals(current.List, companies))
        {
            return current.Index;
        }

        var hash = ContentHash.Of(JsonSerializer.Serialize(companies, AlertsJson.Web));
        lock (_gate)
        {
            if (_current is { } again && again.Hash == hash)
            {
                _current = again with { List = companies };
                return again.Index;
            }

            var index = new MatcherIndex(taxonomy, companies);
            Builds++;
            _current = new Entry(companies, hash, index);
            return index;
        }
    }

    private sealed record Entry(IReadOnlyList<Company> List, string Hash, MatcherIndex Index);
}
