using Alerts.Core.Goods;

namespace Alerts.Core.Api;

/// <summary>A goods category as the API shows it: its terms by language (<c>en</c>, <c>zh-Hans</c>, <c>zh-Hant</c>, <c>ja</c>).</summary>
public sealed record TaxonomyCategoryInfo(string Id, string? Parent)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<string> HsPrefixes { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];
}

/// <summary>The goods taxonomy as the API needs it.</summary>
public interface ITaxonomyReader
{
    IReadOnlyList<TaxonomyCategoryInfo> Categories { get; }

    /// <summary>Whether <paramref name="categoryId"/> is a category id (ordinal).</summary>
    bool Contains(string categoryId);
}

/// <summary>The embedded goods taxonomy (src/Alerts.Core/Goods/taxonomy.json) as the API shows it.</summary>
public sealed class GoodsTaxonomyReader(GoodsTaxonomy taxonomy) : ITaxonomyReader
{
    public IReadOnlyList<TaxonomyCategoryInfo> Categories { get; } =
    [
        .. taxonomy.Categories.Select(c => new TaxonomyCategoryInfo(c.Id, c.Parent)
        {
            Terms = c.Terms,
            HsPrefixes = c.HsPrefixes,
            ControlCodes = c.ControlCodes,
        }),
    ];

    public bool Contains(string categoryId) => taxonomy.Contains(categoryId);
}
