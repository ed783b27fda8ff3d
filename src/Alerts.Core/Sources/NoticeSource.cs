using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Common;

namespace Alerts.Core.Sources;

/// <summary>What a source is, independent of where it is polled from.</summary>
/// <param name="Id">Stable id, used in config keys (<c>Sources:{Id}:BaseUrl</c>) and notice records.</param>
/// <param name="DefaultBaseUrl">The real origin, e.g. <c>https://www.mofcom.gov.cn</c>.</param>
/// <param name="DefaultSchedule">NCRONTAB with seconds, UTC.</param>
public sealed record SourceDescriptor(
    string Id,
    string DisplayName,
    string Country,
    string Language,
    string DefaultBaseUrl,
    string DefaultSchedule)
{
    /// <summary>Other official hosts whose absolute links belong to this source (mapped onto a test origin too).</summary>
    public IReadOnlyList<string> OfficialHosts { get; init; } = [];

    /// <summary>Numbered series (商务部公告YYYY年第N号) can report sequence gaps.</summary>
    public bool HasNumberedSeries { get; init; }
}

/// <summary>One row of a listing page: enough to decide whether the detail page must be fetched.</summary>
public sealed record ListingItem(string Url, string Title, DateOnly? ListedOn)
{
    /// <summary>Changes when the row changes; a known item with the same fingerprint needs no detail fetch.</summary>
    public string Fingerprint => Revision is null
        ? ContentHash.Of(Url, Title, ListedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "")
        : ContentHash.Of(Url, Title, ListedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", Revision);

    /// <summary>
    /// For page-level watches (METI anpo pages) the listing row is the page itself: a hash of its content and
    /// attachment links, so an edit changes the fingerprint. Null for ordinary listing rows.
    /// </summary>
    public string? Revision { get; init; }
}

/// <summary>HTTP validators remembered per listing URL for conditional GET.</summary>
public sealed record HttpValidators(string? ETag, DateTimeOffset? LastModified);

/// <summary>What a poll knows before it starts: where to poll, what it has seen and its validators.</summary>
public sealed record SourcePollContext(Uri BaseUrl, DateTimeOffset Now)
{
    /// <summary>Item URL → listing fingerprint of every item already known.</summary>
    public IReadOnlyDictionary<string, string> KnownItems { get; init; } = new Dictionary<string, string>();

    /// <summary>Listing URL → validators from the last healthy poll.</summary>
    public IReadOnlyDictionary<string, HttpValidators> Validators { get; init; } = new Dictionary<string, HttpValidators>();

    /// <summary>Rows seen before whose notice is still unread and whose back-off has run out: fetched again this poll.</summary>
    public IReadOnlyList<ListingItem> Retry { get; init; } = [];

    /// <summary>Rows still unread whose back-off has not run out: neither fetched nor known this poll.</summary>
    public IReadOnlySet<string> Waiting { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Detail pages (rows) fetched at most in this poll; the rest are deferred to the next one.</summary>
    public int MaxDetailFetches { get; init; } = SourcePollSettings.DefaultMaxDetailFetchesPerPoll;

    /// <summary>
    /// Known notices whose detail page (and annexes) this poll re-reads with conditional requests although their listing
    /// row did not change (issue 17: an entity added to an annex, an effective date corrected). Empty on most polls.
    /// </summary>
    public IReadOnlyList<Notice> Revalidate { get; init; } = [];

    /// <summary>Configured mirrors whose links may be followed besides the base URL's host and the official hosts.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];
}

/// <summary>
/// What one listing of a poll gave: its rows when read (<see cref="FetchOutcome.Ok"/>), none when it answered 304 or
/// failed in a way the poll tolerates. Only a read listing is evidence of what it no longer lists.
/// </summary>
public sealed record ListingRead(string Url, FetchOutcome Outcome)
{
    public IReadOnlyList<ListingItem> Items { get; init; } = [];

    /// <summary>Links of dated rows this listing lists that are not notice pages of the source (<see cref="ListingParse.Skipped"/>).</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public bool IsRead => Outcome == FetchOutcome.Ok;
}

/// <summary>A listed row whose notice could not be read this poll (detail page failed, or a hop was refused).</summary>
public sealed record UnreadRow(ListingItem Item, FetchOutcome Outcome, string Reason);

/// <summary>
/// The result of one poll. <see cref="Outcome"/> is the source's health; on anything but Ok/NotModified
/// <see cref="Items"/> must not be read as "everything else is gone".
/// </summary>
public sealed record SourcePollResult(string SourceId, FetchOutcome Outcome)
{
    public string? Detail { get; init; }

    /// <summary>Every item on the listing(s) this poll read; empty when the listing was not modified.</summary>
    public IReadOnlyList<ListingItem> Items { get; init; } = [];

    /// <summary>Notices parsed from detail pages of new or changed items.</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>Validators to store for the next poll.</summary>
    public IReadOnlyDictionary<string, HttpValidators> Validators { get; init; } = new Dictionary<string, HttpValidators>();

    /// <summary>Each listing of the poll; empty from sources that read one listing only (then <see cref="Items"/> is it).</summary>
    public IReadOnlyList<ListingRead> Listings { get; init; } = [];

    /// <summary>Rows whose notice could not be read: they stay unknown and are retried with back-off.</summary>
    public IReadOnlyList<UnreadRow> Unread { get; init; } = [];

    /// <summary>Rows left for the next poll because the poll reached its detail-fetch cap.</summary>
    public IReadOnlyList<ListingItem> Deferred { get; init; } = [];

    /// <summary>Per-item problems that did not make the whole poll unhealthy (one detail page blocked, say).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public int Requests { get; init; }

    /// <summary>Known notices whose pages were re-read conditionally (<see cref="SourcePollContext.Revalidate"/>); their requests are in <see cref="Requests"/>.</summary>
    public int Revalidated { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool IsHealthy => Outcome.IsHealthy();
}

/// <summary>
/// A source adapter: reads its listing(s), fetches detail pages of new or changed items, and understands them.
/// Never throws for site trouble; the result's outcome carries the failure class.
/// </summary>
public interface INoticeSource
{
    SourceDescriptor Descriptor { get; }

    Task<SourcePollResult> PollAsync(SourcePollContext context, CancellationToken cancellationToken);

    /// <summary>Understands one detail page (used by polls and by <c>alerts match --file</c>).</summary>
    Notice ParseDetail(string html, Uri url, ListingItem? item = null);
}
