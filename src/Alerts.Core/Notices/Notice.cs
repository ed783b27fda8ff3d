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

    /// <summary>The legal issue date (【发文日期】, the signature block), else the listing date (see <see cref="PublishedFromListing"/>).</summary>
    public DateOnly? Published { get; init; }

    /// <summary>True when the text gave no date and <see cref="Published"/> is the listing's or the page's date (a fallback).</summary>
    public bool PublishedFromListing { get; init; }

    public DateOnly? Effective { get; init; }

    public Measure Measure { get; init; } = Measure.Other;

    /// <summary>ISO 3166-1 alpha-2 codes (<c>EU</c> for the Union) of the countries the measure targets: not the context or the reason.</summary>
    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>Trade remedies: the countries whose imports are investigated (not export destinations).</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];

    public IReadOnlyList<ListedEntity> Entities { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];

    /// <summary>HS codes as digits only (<c>2805301910</c>, <c>85076000</c>).</summary>
    public IReadOnlyList<string> HsCodes { get; init; } = [];

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>The entity count the text states (<c>20家</c>), to compare with <see cref="Entities"/>.</summary>
    public int? StatedEntityCount { get; init; }

    /// <summary>Time windows the notice sets: <c>suspended-until 2026-11-27</c> for clause 2 of another notice.</summary>
    public IReadOnlyList<MeasureWindow> Windows { get; init; } = [];

    /// <summary>Other notices this one acts on or answers (<c>suspends cn-mofcom:2024:46</c>).</summary>
    public IReadOnlyList<NoticeRelation> Relations { get; init; } = [];

    /// <summary>What the reader could not reconcile (a stated entity count that differs, a broken annex): shown, never silent.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Normalised body text (whitespace collapsed, paragraphs on their own lines).</summary>
    public string Body { get; init; } = "";

    public string BodyHash { get; init; } = "";

    /// <summary>
    /// The bytes this notice was read from in the poll that read it (its page, then its annexes), for the page archive.
    /// Not part of the notice: never serialized, not in the version hash; empty once stored or read back.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FetchedPage> Fetched { get; init; } = [];

    public string CanonicalUrl => Urls.Count > 0 ? Urls[0] : Key;

    public bool EntityCountMismatch => StatedEntityCount is { } stated && stated != Entities.Count;
}

/// <summary>An entity listed in a notice's annex: <c>1.三菱造船株式会社（Mitsubishi Heavy Industries Shipbuilding Co.）</c>.</summary>
public sealed record ListedEntity(string Name, string? NameEn = null, string? Address = null, string? Postcode = null);

/// <summary>An annex linked from the notice; <see cref="Sha256"/> and <see cref="Text"/> once it was fetched and read.</summary>
public sealed record Attachment(string Title, string Url)
{
    /// <summary>Hex SHA-256 of the fetched bytes; null when not fetched (or the fetch failed).</summary>
    public string? Sha256 { get; init; }

    /// <summary>The annex's text and table rows, one line each; empty when not read.</summary>
    public string Text { get; init; } = "";
}

/// <summary>A time window set by a notice: <c>suspended-until</c> 2026-11-27 on clause 2 of <c>cn-mofcom:2024:46</c>.</summary>
public sealed record MeasureWindow(string Kind, DateOnly? From, DateOnly? Until, string? TargetKey = null, string? Clause = null);

/// <summary>A link to another notice read from the text: <c>suspends</c>, <c>lifts</c>, <c>amends</c>, <c>answers</c>, <c>responds-to</c>.</summary>
public sealed record NoticeRelation(string Kind, string Key, string? Clause = null)
{
    /// <summary>
    /// The notice that acts, when it is not the text's own: a news copy of one notice that reports another
    /// (…发布2025年第70号公告，宣布暂停实施…) states the other's relations. Null: the text's own notice acts.
    /// </summary>
    public string? By { get; init; }
}
