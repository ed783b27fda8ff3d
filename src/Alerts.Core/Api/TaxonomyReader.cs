namespace Alerts.Core.Api;

/// <summary>A goods category as the API shows it: its terms by language (<c>en</c>, <c>zh-Hans</c>, <c>zh-Hant</c>, <c>ja</c>).</summary>
public sealed record TaxonomyCategoryInfo(string Id, string? Parent)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> HsPrefixes { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];
}

/// <summary>The goods taxonomy as the API needs it. The matching layer binds the real one (its embedded JSON).</summary>
public interface ITaxonomyReader
{
    IReadOnlyList<TaxonomyCategoryInfo> Categories { get; }
}

/// <summary>
/// Stand-in until the real taxonomy is bound: the category ids the product promises (issue "Goods matching"),
/// without terms, so category validation works from day one.
/// </summary>
public sealed class KnownCategoryIdsTaxonomyReader : ITaxonomyReader
{
    private static readonly string[] Ids =
    [
        "dual-use", "rare-earths", "rare-earth-magnets", "rare-earth-equipment", "gallium", "germanium", "graphite",
        "battery-materials", "lithium-batteries", "antimony", "superhard-materials", "tungsten", "tellurium", "bismuth",
        "molybdenum", "indium", "drones", "semiconductors", "semiconductor-gases", "aerospace", "shipbuilding", "helium",
        "nuclear",
    ];

    public IReadOnlyList<TaxonomyCategoryInfo> Categories { get; } =
        [.. Ids.Select(id => new TaxonomyCategoryInfo(id, id == "dual-use" ? null : "dual-use"))];
}
