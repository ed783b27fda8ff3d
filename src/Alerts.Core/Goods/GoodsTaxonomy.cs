using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alerts.Core.Common;

namespace Alerts.Core.Goods;

/// <summary>Terms of one category by language (<c>en</c>, <c>zh-Hans</c>, <c>zh-Hant</c>, <c>ja</c>).</summary>
public sealed record GoodsCategory
{
    public required string Id { get; init; }

    public string? Parent { get; init; }

    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>HS prefixes as printed (<c>2805.30</c>); compare with <see cref="HsCode.Digits"/>.</summary>
    public IReadOnlyList<string> HsPrefixes { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];

    [JsonIgnore]
    public string EnglishName => Names.TryGetValue("en", out var name) ? name : Id;

    [JsonIgnore]
    public IEnumerable<string> AllTerms => Terms.Values.SelectMany(t => t);
}

/// <summary>The goods taxonomy (embedded <c>Goods/taxonomy.json</c>): categories with multilingual terms, codes and parents.</summary>
public sealed class GoodsTaxonomy
{
    public const string DualUse = "dual-use";

    private readonly FrozenDictionary<string, GoodsCategory> _byId;
    private readonly FrozenDictionary<string, FrozenSet<string>> _selfAndDescendants;

    public GoodsTaxonomy(IReadOnlyList<GoodsCategory> categories, IReadOnlyList<string> broadMeasureTerms)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = categories;
        BroadMeasureTerms = broadMeasureTerms;
        _byId = categories.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var category in categories)
        {
            if (category.Parent is { } parent && !_byId.ContainsKey(parent))
            {
                throw new InvalidOperationException($"Taxonomy category '{category.Id}' has unknown parent '{parent}'.");
            }
        }

        _selfAndDescendants = categories.ToFrozenDictionary(
            c => c.Id,
            c => categories.Where(d => AncestorsOf(d.Id).Contains(c.Id)).Select(d => d.Id).ToFrozenSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public IReadOnlyList<GoodsCategory> Categories { get; }

    /// <summary>Words that make a notice a broad measure about dual-use items in general.</summary>
    public IReadOnlyList<string> BroadMeasureTerms { get; }

    public bool Contains(string categoryId) => _byId.ContainsKey(categoryId);

    public GoodsCategory? Find(string categoryId) => _byId.GetValueOrDefault(categoryId);

    /// <summary>The category itself, then its parent, up to the root.</summary>
    public IReadOnlyList<string> AncestorsOf(string categoryId)
    {
        var chain = new List<string>();
        for (var id = categoryId; id is not null && _byId.TryGetValue(id, out var category) && !chain.Contains(id); id = category.Parent)
        {
            chain.Add(id);
        }

        return chain;
    }

    /// <summary>Watching a category means watching its sub-categories too (rare-earths covers rare-earth-magnets).</summary>
    public IReadOnlySet<string> SelfAndDescendants(string categoryId) =>
        _selfAndDescendants.TryGetValue(categoryId, out var set) ? set : FrozenSet<string>.Empty;

    public bool IsUnderDualUse(string categoryId) => AncestorsOf(categoryId).Contains(DualUse);

    /// <summary>The embedded taxonomy, read once.</summary>
    public static GoodsTaxonomy Default => s_default.Value;

    private static readonly Lazy<GoodsTaxonomy> s_default = new(() => Load(EmbeddedData.Open("taxonomy.json")));

    public static GoodsTaxonomy Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<TaxonomyFile>(json, AlertsJson.Web)
            ?? throw new InvalidOperationException("The goods taxonomy is empty.");
        return new GoodsTaxonomy(file.Categories, file.BroadMeasureTerms);
    }

    private sealed record TaxonomyFile(IReadOnlyList<GoodsCategory> Categories, IReadOnlyList<string> BroadMeasureTerms);
}

internal static class EmbeddedData
{
    public static Stream Open(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Goods." + fileName, StringComparison.Ordinal));
        return assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded {fileName} missing.");
    }
}
