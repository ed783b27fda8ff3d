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
    // Postings while building: (pattern, owner) in insertion order, laid out flat per pattern at the end. One list per
    // pattern, and a linear duplicate check in it, cost more than the automaton at 10,000 companies.
    private readonly List<(int Pattern, PatternOwner Owner)> _postings = [];
    // An owner names its company, so a duplicate posting can only come from the company being added (or, for the
    // taxonomy's owners, from the taxonomy): a pattern last posted by someone else is new, otherwise only this adder's
    // few postings are searched. Hashing every (pattern, owner) cost more than the lists' linear search it replaced.
    private readonly List<int> _lastAdder = [];
    private readonly int _adder = -1;
    private readonly int _adderStart;
    private readonly PatternOwner[] _ownerList;
    private readonly int[] _ownerStart;
    private readonly MatcherTerms _terms;

    /// <param name="terms">
    /// Normalised forms already worked out (the cache keeps one across builds, so a rebuild after one company changed
    /// normalises only that company's new words); null for a private one.
    /// </param>
    public MatcherIndex(GoodsTaxonomy taxonomy, IReadOnlyList<Company> companies, MatcherTerms? terms = null)
    {
        _terms = terms ?? new MatcherTerms();
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

        // What a category contributes to each watcher, worked out once per category and not once per company: its HS
        // prefixes that belong to it alone (digits) and its canonical control codes.
        var categoryHs = new string[CategoryIds.Length][];
        var categoryCodes = new string[CategoryIds.Length][];
        for (var c = 0; c < CategoryIds.Length; c++)
        {
            var category = taxonomy.Categories[c];
            categoryHs[c] = [.. category.HsPrefixes.Select(HsCode.Digits).OfType<string>().Where(hsOwners.ContainsKey)];
            categoryCodes[c] = [.. category.ControlCodes.Select(ControlCode.Canonical).OfType<string>()];
        }

        var dualUse = new List<int>();
        var destinationSets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var destinationsByList = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var reachByList = new Dictionary<string, ((int Category, bool Related)[] Reach, bool DualUse)>(StringComparer.Ordinal);
        CompanyDestinations = new HashSet<string>[Companies.Length];
        for (var k = 0; k < Companies.Length; k++)
        {
            _adder = k;
            _adderStart = _postings.Count;
            var company = Companies[k];
            var watch = company.Watch ?? new WatchProfile();
            var destinations = watch.Destinations ?? [];
            var destinationKey = string.Join('\u001f', destinations);
            if (!destinationsByList.TryGetValue(destinationKey, out var countries))
            {
                countries = Intern(destinationSets, destinations.Select(d => d.Trim().ToUpperInvariant()));
                destinationsByList[destinationKey] = countries;
            }

            CompanyDestinations[k] = countries;

            // Companies share category lists (most watch one or two categories), so what a list reaches is worked out once.
            var categories = watch.Categories ?? [];
            var categoryKey = string.Join('\u001f', categories);
            if (!reachByList.TryGetValue(categoryKey, out var reach))
            {
                reach = Reach(taxonomy, categories, categoryIndex);
                reachByList[categoryKey] = reach;
            }

            foreach (var (c, isRelated) in reach.Reach)
            {
                (isRelated ? CategoryRelatedCompanies : CategoryCompanies)[c].Add(k);
                var id = CategoryIds[c];
                foreach (var digits in categoryHs[c])
                {
                    AddHs(k, digits, isRelated, id);
                }

                foreach (var canonical in categoryCodes[c])
                {
                    AddCanonicalCode(k, canonical, isRelated, id);
                }
            }

            if (reach.DualUse)
            {
                dualUse.Add(k);
            }

            foreach (var term in watch.Terms ?? [])
            {
                Add(term, new PatternOwner(PatternOwnerKind.Term, k, term));
            }

            foreach (var hs in watch.HsCodes ?? [])
            {
                if (_terms.HsDigits(hs) is { } digits)
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

                    var (display, key) = _terms.CounterpartyName(name);
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
        (_ownerList, _ownerStart) = Flatten(_postings, _patterns.Count);
        _postings = [];
        _lastAdder = [];
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

    /// <summary>The owners of pattern <paramref name="pattern"/>, in the order they were added.</summary>
    public ReadOnlySpan<PatternOwner> OwnersOf(int pattern) =>
        _ownerList.AsSpan(_ownerStart[pattern], _ownerStart[pattern + 1] - _ownerStart[pattern]);

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
        var pattern = _terms.Normalize(raw);
        if (pattern.Length == 0 || (pattern.Length < 2 && pattern.All(char.IsAscii)))
        {
            return;
        }

        if (!_patternIds.TryGetValue(pattern, out var id))
        {
            id = _patterns.Count;
            _patternIds[pattern] = id;
            _patterns.Add(pattern);
            _lastAdder.Add(int.MinValue);
        }

        if (_lastAdder[id] != _adder)
        {
            _lastAdder[id] = _adder;
        }
        else
        {
            for (var i = _adderStart; i < _postings.Count; i++)
            {
                if (_postings[i].Pattern == id && _postings[i].Owner == owner)
                {
                    return;
                }
            }
        }

        _postings.Add((id, owner));
    }

    /// <summary>A counting sort of the postings by pattern, stable: one owner array and each pattern's offset into it.</summary>
    private static (PatternOwner[] Owners, int[] Start) Flatten(List<(int Pattern, PatternOwner Owner)> postings, int patternCount)
    {
        var start = new int[patternCount + 1];
        foreach (var (pattern, _) in postings)
        {
            start[pattern + 1]++;
        }

        for (var p = 0; p < patternCount; p++)
        {
            start[p + 1] += start[p];
        }

        var owners = new PatternOwner[postings.Count];
        var next = start[..^1];
        foreach (var (pattern, owner) in postings)
        {
            owners[next[pattern]++] = owner;
        }

        return (owners, start);
    }

    private void AddHs(int company, string digits, bool related = false, string? category = null)
    {
        var watched = new WatchedCode(company, digits, related, category);
        Get(HsExact, digits).Add(watched);
        for (var length = 8; length < digits.Length; length++)
        {
            Get(HsLonger, digits, length).Add(watched);
        }
    }

    private void AddControlCode(int company, string code)
    {
        if (_terms.ControlCode(code) is { } canonical)
        {
            AddCanonicalCode(company, canonical);
        }
    }

    private void AddCanonicalCode(int company, string canonical, bool related = false, string? category = null)
    {
        var watched = new WatchedCode(company, canonical, related, category);
        Get(Codes, canonical).Add(watched);
        for (var dot = canonical.LastIndexOf('.'); dot > 0; dot = canonical.LastIndexOf('.', dot - 1))
        {
            Get(CodeParents, canonical, dot).Add(watched);
        }
    }

    /// <summary>
    /// What a company watching <paramref name="categories"/> reaches: a category watched by name, with its
    /// sub-categories, is the company's own goods; what it reaches only through the dual-use root is related (the root
    /// is every dual-use item: a gallium notice is not "its goods" for a company that ticked "dual-use items", README of
    /// tests/fixtures/real, "The fixed watchers").
    /// </summary>
    private static ((int Category, bool Related)[] Reach, bool DualUse) Reach(
        GoodsTaxonomy taxonomy, IReadOnlyList<string> categories, Dictionary<string, int> categoryIndex)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (category != GoodsTaxonomy.DualUse)
            {
                own.UnionWith(taxonomy.SelfAndDescendants(category));
            }
        }

        var related = categories.Contains(GoodsTaxonomy.DualUse)
            ? taxonomy.SelfAndDescendants(GoodsTaxonomy.DualUse).Where(id => id != GoodsTaxonomy.DualUse && !own.Contains(id)).ToHashSet(StringComparer.Ordinal)
            : [];
        (int, bool)[] reach = [.. own.Select(id => (categoryIndex[id], false)).Concat(related.Select(id => (categoryIndex[id], true)))];
        return (reach, categories.Any(taxonomy.IsUnderDualUse));
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

    /// <summary>The list under <c>value[..length]</c>, without cutting the string unless the key is new.</summary>
    private static List<WatchedCode> Get(Dictionary<string, List<WatchedCode>> map, string value, int length)
    {
        var lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(value.AsSpan(0, length), out var list))
        {
            list = [];
            map[value[..length]] = list;
        }

        return list;
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
/// Normalised forms of company words (terms, counterparty names), memoised: ten thousand companies repeat each other's
/// products and partners, and a rebuild after one company changed meets the same words again. Not thread-safe: the
/// cache builds one index at a time under its lock.
/// </summary>
internal sealed class MatcherTerms
{
    /// <summary>Past this many words the memo starts over, so words no company watches any more do not pile up.</summary>
    private const int MaxEntries = 1_000_000;

    private readonly Dictionary<string, string> _normalized = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Display, string Key)> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _hsDigits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _controlCodes = new(StringComparer.Ordinal);

    public string Normalize(string raw)
    {
        if (!_normalized.TryGetValue(raw, out var normalized))
        {
            if (_normalized.Count >= MaxEntries)
            {
                _normalized.Clear();
            }

            normalized = TextNormalizer.NormalizeTerm(raw);
            _normalized[raw] = normalized;
        }

        return normalized;
    }

    /// <summary><see cref="HsCode.Digits"/> of a watched HS code.</summary>
    public string? HsDigits(string raw) => Memo(_hsDigits, raw, HsCode.Digits);

    /// <summary><see cref="Goods.ControlCode.Canonical"/> of a watched control code.</summary>
    public string? ControlCode(string raw) => Memo(_controlCodes, raw, Goods.ControlCode.Canonical);

    private static string? Memo(Dictionary<string, string?> memo, string raw, Func<string, string?> compute)
    {
        if (!memo.TryGetValue(raw, out var value))
        {
            if (memo.Count >= MaxEntries)
            {
                memo.Clear();
            }

            value = compute(raw);
            memo[raw] = value;
        }

        return value;
    }

    /// <summary><see cref="CompanyNames.Display"/> and <see cref="CompanyNames.Key"/> of a counterparty name.</summary>
    public (string Display, string Key) CounterpartyName(string name)
    {
        if (!_names.TryGetValue(name, out var forms))
        {
            if (_names.Count >= MaxEntries)
            {
                _names.Clear();
            }

            var display = CompanyNames.Display(name);
            forms = (display, CompanyNames.KeyOfDisplay(display));
            _names[name] = forms;
        }

        return forms;
    }
}

/// <summary>
/// The matcher's index, rebuilt only when the companies change: the same list instance reuses the index at once,
/// another list with the same content (by a hash of what the index reads: ids, names and watch profiles) reuses it
/// too. A rebuild reuses the normalised words of the previous builds (<see cref="MatcherTerms"/>).
/// </summary>
internal sealed class MatcherIndexCache(GoodsTaxonomy taxonomy)
{
    private readonly Lock _gate = new();
    private readonly MatcherTerms _terms = new();
    private volatile Entry? _current;

    public int Builds { get; private set; }

    /// <summary>Builds done by a match that found no index for its companies (the delivery path paid for them).</summary>
    public int BuildsOnMatch { get; private set; }

    public MatcherIndex Get(IReadOnlyList<Company> companies) => Get(companies, onMatch: true);

    /// <summary>
    /// Builds (or keeps) the index for <paramref name="companies"/> ahead of the next match, off the delivery path: a
    /// match that comes while this runs waits for it at the lock and then finds the index, instead of building its own.
    /// </summary>
    public void Prepare(IReadOnlyList<Company> companies) => Get(companies, onMatch: false);

    private MatcherIndex Get(IReadOnlyList<Company> companies, bool onMatch)
    {
        var current = _current;
        if (current is not null && ReferenceEquals(current.List, companies))
        {
            return current.Index;
        }

        var hash = CompanyListHash.Of(companies);
        lock (_gate)
        {
            if (_current is { } again && again.Hash.SequenceEqual(hash))
            {
                _current = again with { List = companies };
                return again.Index;
            }

            var index = new MatcherIndex(taxonomy, companies, _terms);
            Builds++;
            if (onMatch)
            {
                BuildsOnMatch++;
            }

            _current = new Entry(companies, hash, index);
            return index;
        }
    }

    private sealed record Entry(IReadOnlyList<Company> List, byte[] Hash, MatcherIndex Index);
}

/// <summary>
/// SHA-256 of what the index reads from a company list, streamed field by field: serialising ten thousand companies to
/// JSON to hash them cost more than building the index does now.
/// </summary>
internal static class CompanyListHash
{
    private const char Separator = '\u001f';
    private const char End = '\u001e';

    public static byte[] Of(IReadOnlyList<Company> companies)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = new System.Text.StringBuilder(4096);
        foreach (var company in companies)
        {
            var watch = company.Watch ?? new WatchProfile();
            buffer.Append(company.Id).Append(Separator).Append(company.Name).Append(Separator);
            Append(buffer, watch.Categories);
            Append(buffer, watch.Terms);
            Append(buffer, watch.HsCodes);
            Append(buffer, watch.ControlCodes);
            Append(buffer, watch.Destinations);
            foreach (var counterparty in watch.Counterparties ?? [])
            {
                buffer.Append(counterparty.Name).Append(Separator);
                Append(buffer, counterparty.Aliases);
            }

            buffer.Append(End).Append(End);
            if (buffer.Length > 2048)
            {
                Flush(hash, buffer);
            }
        }

        Flush(hash, buffer);
        return hash.GetHashAndReset();
    }

    // A list's items, then its end: ["a", "b"] and ["a"], ["b"] differ. A null item is written as an empty one.
    private static void Append(System.Text.StringBuilder buffer, IReadOnlyList<string>? items)
    {
        foreach (var item in items ?? [])
        {
            buffer.Append(item).Append(Separator);
        }

        buffer.Append(End);
    }

    private static void Flush(System.Security.Cryptography.IncrementalHash hash, System.Text.StringBuilder buffer)
    {
        foreach (var chunk in buffer.GetChunks())
        {
            hash.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(chunk.Span));
        }

        buffer.Clear();
    }
}
