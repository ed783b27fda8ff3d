namespace Alerts.Core.Fetching;

/// <summary>What to fetch. Validators make the request conditional.</summary>
public sealed record FetchRequest(string SourceId, Uri Url)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    /// <summary>An <c>application/x-www-form-urlencoded</c> body for POST list APIs.</summary>
    public string? FormBody { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    /// <summary>
    /// An annex (PDF, DOCX, XLS…): the body is kept as bytes in <see cref="FetchResult.Bytes"/>, not decoded, and no
    /// text check (challenge page, mojibake) applies to it.
    /// </summary>
    public bool Binary { get; init; }
}

/// <summary>
/// The answer to one fetch, already decoded to text (or, for a <see cref="FetchRequest.Binary"/> request, its bytes). Never throws for HTTP or network trouble: the outcome says
/// what went wrong and <see cref="Detail"/> says it in words.
/// </summary>
public sealed record FetchResult(FetchOutcome Outcome, Uri Url)
{
    public int? StatusCode { get; init; }

    public string? Text { get; init; }

    /// <summary>
    /// The body exactly as fetched: always for <see cref="FetchRequest.Binary"/> requests, and for text answers of a
    /// fetcher that keeps them (<c>HttpPageFetcher</c> does), so the page archive stores what the site served, not our decoding.
    /// </summary>
    public byte[]? Bytes { get; init; }

    /// <summary>When the answer arrived (the fetcher's clock); null from fetchers that do not say.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    public string? ContentType { get; init; }

    /// <summary>The charset the body was decoded with (<c>utf-8</c>, <c>gbk</c>, <c>shift_jis</c>).</summary>
    public string? Charset { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public string? Detail { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool IsOk => Outcome == FetchOutcome.Ok;
}

/// <summary>Fetches pages for sources: resilience, charsets, body cap, politeness and failure classes live behind it.</summary>
public interface IPageFetcher
{
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);
}
