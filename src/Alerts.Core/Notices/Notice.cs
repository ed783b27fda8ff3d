namespace Alerts.Core.Notices;

/// <summary>
/// One official notice as a lawyer reads it: who issued it, its number, when it was issued and takes effect,
/// what it does, to whom and for which goods. Extracted from a listing row and its detail page.
/// </summary>
public sealed record Notice
{
    /// <summary>Issuer + year + number (<c>cn-mofcom:2026:1</c>), else the canonical URL. Mirrors share one key.</summary>
    public required string Key { get; init; }

    /// <summary>The source adapter that saw it (<c>cn-mofcom-announcements</c>).</summary>
    public required string SourceId { get; init; }

    public IReadOnlyList<string> Issuers { get; init; } = [];

    /// <summary>The number as printed (<c>商务部公告2026年第1号</c>).</summary>
    public string? Number { get; init; }

    public required string Title { get; init; }

    /// <summary>BCP 47 language of the text: <c>zh-Hans</c>, <c>ja</c>, <c>en</c>.</summary>
    public string Language { get; init; } = "zh-Hans";

    /// <summary>Every URL the notice was seen at; the first is canonical.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>The legal issue date (【发文日期】), never the listing date.</summary>
    public DateOnly? Published { get; init; }

    public DateOnly? Effective { get; init; }

    public Measure Measure { get; init; } = Measure.Other;

    /// <summary>ISO 3166-1 alpha-2 codes of the countries the measure targets.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    public IReadOnlyList<ListedEntity> Entities { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];

    /// <summary>HS codes as digits only (<c>2805301910</c>, <c>85076000</c>).</summary>
    public IReadOnlyList<string> HsCodes { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The entity count the text states (<c>20家</c>), to compare with <see cref="Entities"/>.</summary>
    public int? StatedEntityCount { get; init; }

    /// <summary>Normalised body text (whitespace collapsed, paragraphs on their own lines).</summary>
    public string Body { get; init; } = "";

    public string BodyHash { get; init; } = "";

    public string CanonicalUrl => Urls.Count > 0 ? Urls[0] : Key;

    public bool EntityCountMismatch => StatedEntityCount is { } stated && stated != Entities.Count;
}

/// <summary>An entity listed in a notice's annex: <c>1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co.）</c>.</summary>
public sealed record ListedEntity(string Name, string? NameEn = null, string? Address = null, string? Postcode = null);

public sealed record Attachment(string Title, string Url);
