using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Common;

namespace Alerts.Core.Sources;

/// <summary>
/// One listing to read in a poll. A listing that is not <paramref name="Required"/> (the policy-release list) may fail
/// without failing the poll; with <paramref name="AllowGone"/> a 404 is only a warning (a new year's index that does
/// not exist yet in early January). A poll where no listing could be read at all is never healthy.
/// </summary>
public sealed record ListingRequest(FetchRequest Fetch, bool Required = true, bool AllowGone = false);

/// <summary>A parsed listing: its rows, or the reason it cannot be trusted (zero rows, mojibake, a challenge page).</summary>
public sealed record ListingParse(IReadOnlyList<ListingItem> Items, FetchOutcome Outcome = FetchOutcome.Ok, string? Detail = null)
{
    /// <summary>Links of dated listing rows that are not notice pages of this source (another path shape or host): skipped, and said.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public static ListingParse Failed(FetchOutcome outcome, string detail) => new([], outcome, detail);
}

/// <summary>The listing requests of one poll, or why they could not be planned.</summary>
public sealed record ListingPlan(IReadOnlyList<ListingRequest> Requests, FetchOutcome Outcome = FetchOutcome.Ok, string? Detail = null)
{
    public int RequestsUsed { get; init; }
}

/// <summary>
/// The poll loop every adapter shares: read the listing(s) conditionally, keep every row, fetch detail pages only for
/// rows that are new or whose fingerprint changed, follow JS redirects and iframes, parse. Never throws for site trouble.
/// </summary>
public abstract class NoticeSourceBase(IPageFetcher fetcher) : INoticeSource
{
    /// <summary>How many redirect/iframe hops a detail page may take (RSSHub follows both, sources.md §1.1).</summary>
    private const int MaxFollowHops = 2;

    public abstract SourceDescriptor Descriptor { get; }

    protected IPageFetcher Fetcher { get; } = fetcher;

    /// <summary>The listing(s) to read, absolute under <see cref="SourcePollContext.BaseUrl"/>.</summary>
    protected abstract IReadOnlyList<ListingRequest> ListingRequests(SourcePollContext context);

    /// <summary>
    /// Pure: listing text → rows (URLs already mapped onto <paramref name="baseUrl"/>). Never throws: anything the
    /// parser cannot cope with is a <see cref="FetchOutcome.LayoutChanged"/> parse.
    /// </summary>
    public ListingParse ParseListing(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now)
    {
        try
        {
            return ParseListingCore(text ?? "", listingUrl, baseUrl, now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return ListingParse.Failed(FetchOutcome.LayoutChanged, exception.GetType().Name + ": " + exception.Message);
        }
    }

    /// <summary>The source's listing parser; <see cref="ParseListing"/> guards it.</summary>
    protected abstract ListingParse ParseListingCore(string text, Uri listingUrl, Uri baseUrl, DateTimeOffset now);

    /// <summary>Pure: one detail page → notice. Implementations must not throw; <see cref="ParseDetail"/> guards them.</summary>
    protected abstract Notice ParseDetailCore(string html, Uri url, ListingItem? item);

    /// <summary>Where a detail page really lives when it is a JS redirect or an iframe shell; null when it is the page.</summary>
    protected virtual Uri? FollowUp(string html, Uri url, Uri baseUrl) => null;

    /// <summary>
    /// Plans the listing requests of a poll. Sources whose list needs a preliminary request (the JPaaS shell page
    /// carrying <c>queryData</c>) override this; the default uses <see cref="ListingRequests"/>.
    /// </summary>
    protected virtual Task<ListingPlan> PlanAsync(SourcePollContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new ListingPlan(ListingRequests(context)));

    /// <summary>A notice built from the listing row alone (an RSS item without a link); null to fetch the detail page.</summary>
    protected virtual Notice? NoticeFromListing(ListingItem item) => null;

    /// <summary>Extra fetch settings for detail pages (headers).</summary>
    protected virtual FetchRequest DetailRequest(Uri url) => new(Descriptor.Id, url);

    public Notice ParseDetail(string html, Uri url, ListingItem? item = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            return ParseDetailCore(html ?? "", url, item);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A page we cannot understand still yields a notice the operator can see, keyed by its URL.
            var title = item?.Title is { Length: > 0 } t ? t : url.ToString();
            return new Notice
            {
                Key = url.ToString(),
                SourceId = Descriptor.Id,
                Title = title,
                Language = Descriptor.Language,
                Urls = [url.ToString()],
                Body = "",
                BodyHash = ContentHash.Of(""),
            };
        }
    }

    /// <summary>What health says of a listing's skipped rows: how many, and the first link.</summary>
    public static string SkippedRowsNote(string listingUrl, IReadOnlyList<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return $"{listingUrl}: {skipped.Count} dated row(s) skipped, their link is not a notice page of this source (e.g. {(skipped.Count > 0 ? skipped[0] : "")})";
    }

    public virtual async Task<SourcePollResult> PollAsync(SourcePollContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var requests = 0;
        var items = new List<ListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var validators = new Dictionary<string, HttpValidators>(StringComparer.Ordinal);
        var warnings = new List<string>();
        var listingReads = new List<ListingRead>();
        var anyModified = false;

        ListingPlan plan;
        try
        {
            plan = await PlanAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            return new SourcePollResult(Descriptor.Id, FetchOutcome.LayoutChanged) { Detail = exception.Message };
        }

        requests += plan.RequestsUsed;
        if (plan.Outcome != FetchOutcome.Ok)
        {
            return new SourcePollResult(Descriptor.Id, plan.Outcome) { Detail = plan.Detail, Requests = requests, Validators = context.Validators };
        }

        var listings = plan.Requests;

        foreach (var listing in listings)
        {
            var key = listing.Fetch.Url.ToString();
            var fetch = listing.Fetch;
            if (context.Validators.TryGetValue(key, out var known))
            {
                fetch = fetch with { ETag = known.ETag, LastModified = known.LastModified };
            }

            var result = await Fetcher.FetchAsync(fetch, cancellationToken).ConfigureAwait(false);
            requests++;
            if (result.Outcome == FetchOutcome.NotModified)
            {
                validators[key] = new HttpValidators(result.ETag ?? fetch.ETag, result.LastModified ?? fetch.LastModified);
                listingReads.Add(new ListingRead(key, FetchOutcome.NotModified));
                continue;
            }

            if (!result.IsOk || result.Text is null)
            {
                if (!listing.Required || (listing.AllowGone && result.Outcome == FetchOutcome.Gone))
                {
                    // Tolerated, but no evidence either: the detector keeps what this listing listed before.
                    warnings.Add($"{key}: {result.Outcome.ToWire()} {result.Detail}");
                    listingReads.Add(new ListingRead(key, result.Outcome));
                    continue;
                }

                return Unhealthy(result.Outcome, $"{key}: {result.Detail}");
            }

            // ParseListing never throws: it turns a parser exception into a LayoutChanged parse.
            var parsed = ParseListing(result.Text, listing.Fetch.Url, context.BaseUrl, context.Now);

            if (parsed.Outcome != FetchOutcome.Ok)
            {
                if (!listing.Required && parsed.Outcome == FetchOutcome.LayoutChanged)
                {
                    warnings.Add($"{key}: {parsed.Outcome.ToWire()} {parsed.Detail}");
                    listingReads.Add(new ListingRead(key, parsed.Outcome));
                    continue;
                }

                return Unhealthy(parsed.Outcome, $"{key}: {parsed.Detail}");
            }

            anyModified = true;
            if (result.ETag is not null || result.LastModified is not null)
            {
                validators[key] = new HttpValidators(result.ETag, result.LastModified);
            }

            if (parsed.Skipped.Count > 0)
            {
                // A row the site lists but whose link we do not recognise is a notice we may be missing: say so in health
                // (the listing read carries the rows to the snapshot, whose health notes name them: SourceHealthNotes).
                warnings.Add(SkippedRowsNote(key, parsed.Skipped));
            }

            listingReads.Add(new ListingRead(key, FetchOutcome.Ok) { Items = parsed.Items, Skipped = parsed.Skipped });
            foreach (var item in parsed.Items)
            {
                if (seen.Add(item.Url))
                {
                    items.Add(item);
                }
            }
        }

        if (!anyModified && validators.Count == 0)
        {
            return Unhealthy(FetchOutcome.LayoutChanged, "no listing could be read: " + string.Join("; ", warnings));
        }

        // New or changed rows of the listings read, then earlier unread rows whose back-off ran out (even when every
        // listing answered 304: a row must be retried until its notice is read, issue 12).
        var candidates = new List<ListingItem>();
        var candidateUrls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var isKnown = context.KnownItems.TryGetValue(item.Url, out var fingerprint) && fingerprint == item.Fingerprint;
            if (!isKnown && !context.Waiting.Contains(item.Url) && candidateUrls.Add(item.Url))
            {
                candidates.Add(item);
            }
        }

        foreach (var item in context.Retry)
        {
            if (candidateUrls.Add(item.Url))
            {
                candidates.Add(items.FirstOrDefault(i => i.Url == item.Url) ?? item);
            }
        }

        var notices = new List<Notice>();
        var unread = new List<UnreadRow>();
        var deferred = new List<ListingItem>();
        var reads = new ConditionalReads(context.Validators);
        var fetched = 0;
        foreach (var item in candidates)
        {
            if (NoticeFromListing(item) is { } direct)
            {
                notices.Add(direct);
                continue;
            }

            if (fetched >= context.MaxDetailFetches)
            {
                deferred.Add(item);
                continue;
            }

            var detail = await FetchDetailAsync(item, context, reads, cancellationToken).ConfigureAwait(false);
            requests += detail.Requests;
            fetched += detail.Requests > 0 ? 1 : 0;
            if (detail.Notice is not null)
            {
                notices.Add(detail.Notice);
            }
            else if (detail.Failure is { } failure)
            {
                warnings.Add($"{failure.Item.Url}: {failure.Reason}");
                unread.Add(failure);
            }
        }

        if (deferred.Count > 0)
        {
            warnings.Add($"{deferred.Count} row(s) deferred to the next poll (at most {context.MaxDetailFetches} detail pages per poll)");
        }

        var readNow = candidateUrls.Concat(notices.SelectMany(n => n.Urls)).ToHashSet(StringComparer.Ordinal);
        var revalidated = 0;
        foreach (var known in context.Revalidate)
        {
            if (known.Urls.Any(readNow.Contains))
            {
                continue;
            }

            var again = await RevalidateAsync(known, context, reads, warnings, cancellationToken).ConfigureAwait(false);
            requests += again.Requests;
            revalidated++;
            if (again.Notice is not null)
            {
                notices.Add(again.Notice);
            }
        }

        foreach (var (url, value) in reads.Learned)
        {
            validators.TryAdd(url, value);
        }

        return new SourcePollResult(Descriptor.Id, anyModified ? FetchOutcome.Ok : FetchOutcome.NotModified)
        {
            Items = items,
            Listings = listingReads,
            Notices = notices,
            Unread = unread,
            Deferred = deferred,
            Validators = validators,
            Warnings = warnings,
            Requests = requests,
            Revalidated = revalidated,
        };

        SourcePollResult Unhealthy(FetchOutcome outcome, string detail) =>
            new(Descriptor.Id, outcome) { Detail = detail, Requests = requests, Warnings = warnings, Validators = context.Validators };
    }

    /// <summary>
    /// Fetches a detail page (following JS redirects and iframes) and parses it. Every hop must stay on the source's
    /// hosts (<see cref="SourceUrls.IsAllowedHost"/>); a refused hop, like a failed fetch, leaves the row unread.
    /// </summary>
    private async Task<(Notice? Notice, UnreadRow? Failure, int Requests)> FetchDetailAsync(ListingItem item, SourcePollContext context, ConditionalReads reads, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(item.Url, UriKind.Absolute, out var url))
        {
            return (null, new UnreadRow(item, FetchOutcome.LayoutChanged, "not an absolute URL"), 0);
        }

        var requests = 0;
        var current = url;
        for (var hop = 0; hop <= MaxFollowHops; hop++)
        {
            if (!SourceUrls.IsAllowedHost(current, context.BaseUrl, Descriptor, context.AllowedHosts))
            {
                var what = hop == 0 ? "row links to" : $"hop {hop} (JS redirect or iframe) leads to";
                return (null, new UnreadRow(item, FetchOutcome.Refused, $"refused: {what} {current.Scheme}://{current.Authority}, not a host of this source"), requests);
            }

            var request = DetailRequest(current);
            var result = await Fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
            requests++;
            if (!result.IsOk || result.Text is null)
            {
                return (null, new UnreadRow(item, result.Outcome, $"{result.Outcome.ToWire()} {result.Detail}".TrimEnd()), requests);
            }

            // Kept for the conditional re-reads of a live notice (issue 17); a redirect shell's are never used.
            reads.Remember(current, request, result);

            Uri? next = null;
            try
            {
                next = FollowUp(result.Text, current, context.BaseUrl);
            }
            catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
            {
                return (null, new UnreadRow(item, FetchOutcome.LayoutChanged, exception.Message), requests);
            }

            if (next is not null && next != current && hop < MaxFollowHops)
            {
                current = next;
                continue;
            }

            var notice = WithPage(ParseDetail(result.Text, current, item), current, result);
            // The annexes (entity lists, item/HS tables) are part of what the notice says: read them with it.
            var (withAnnexes, annexRequests) = await new AnnexFetcher(Fetcher).ReadAsync(notice, Descriptor, context.BaseUrl, reads, cancellationToken).ConfigureAwait(false);
            notice = withAnnexes;
            requests += annexRequests;
            var urls = notice.Urls.ToList();
            if (!urls.Contains(item.Url))
            {
                urls.Add(item.Url);
            }

            return (notice with { Urls = urls }, null, requests);
        }

        return (null, new UnreadRow(item, FetchOutcome.LayoutChanged, "too many redirects"), requests);
    }

    /// <summary>
    /// Re-reads a known notice whose listing row did not change: its page with its validators, then its annexes with
    /// theirs. Unchanged, that is one 304 per page and annex and no notice; changed (the page, or an annex replaced at
    /// the same link), the notice as it reads now, which the detector compares with what it knew. A failure is a
    /// warning: the notice stays as known and the next revalidation asks again.
    /// </summary>
    private async Task<(Notice? Notice, int Requests)> RevalidateAsync(
        Notice known, SourcePollContext context, ConditionalReads reads, List<string> warnings, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(known.CanonicalUrl, UriKind.Absolute, out var url)
            || !SourceUrls.IsAllowedHost(url, context.BaseUrl, Descriptor, context.AllowedHosts))
        {
            return (null, 0);
        }

        var requests = 0;
        var annexes = new AnnexFetcher(Fetcher);
        var request = DetailRequest(url);
        if (context.Validators.TryGetValue(url.ToString(), out var validators))
        {
            request = request with { ETag = validators.ETag, LastModified = validators.LastModified };
        }

        var page = await Fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
        requests++;
        reads.Remember(url, request, page);
        var previous = known.Attachments;
        var annexValidators = context.Validators;
        IReadOnlyList<FetchedPage> probedAnnexes = [];
        if (page.Outcome == FetchOutcome.NotModified)
        {
            // The page is as it was; an annex may have been replaced under the same link.
            var probe = new ConditionalReads(context.Validators, known.Attachments);
            var (probed, probeRequests) = await annexes.ReadAsync(known, Descriptor, context.BaseUrl, probe, cancellationToken).ConfigureAwait(false);
            requests += probeRequests;
            reads.Learn(probe.Learned);

            if (SameAnnexes(known.Attachments, probed.Attachments))
            {
                return (null, requests);
            }

            // Only the page's text can say what the notice reads with the new annex: fetch it, reuse the annexes just read.
            previous = probed.Attachments;
            // The re-read below answers 304 for the annex just fetched: its bytes are these.
            probedAnnexes = probed.Fetched;
            annexValidators = Overlay(context.Validators, probe.Learned);
            page = await Fetcher.FetchAsync(DetailRequest(url), cancellationToken).ConfigureAwait(false);
            requests++;
        }

        if (!page.IsOk || page.Text is null)
        {
            warnings.Add($"{url}: revalidation {page.Outcome.ToWire()} {page.Detail}".TrimEnd());
            return (null, requests);
        }

        var item = new ListingItem(url.ToString(), known.Title, known.Published);
        var notice = WithPage(ParseDetail(page.Text, url, item), url, page);
        var conditional = new ConditionalReads(annexValidators, previous);
        var (withAnnexes, annexRequests) = await annexes.ReadAsync(notice, Descriptor, context.BaseUrl, conditional, cancellationToken).ConfigureAwait(false);
        requests += annexRequests;
        reads.Learn(conditional.Learned);

        return (withAnnexes with
        {
            Urls = [.. withAnnexes.Urls.Concat(known.Urls).Distinct(StringComparer.Ordinal)],
            Fetched = [.. withAnnexes.Fetched, .. probedAnnexes.Where(p => withAnnexes.Fetched.All(f => f.Sha256 != p.Sha256))],
        }, requests);
    }

    /// <summary>The page's bytes as served, carried to the poll for the page archive; a fetcher that keeps none adds nothing.</summary>
    private static Notice WithPage(Notice notice, Uri url, FetchResult result) =>
        result.Bytes is { } bytes
            ? notice with { Fetched = [new FetchedPage(FetchedRole.Page, url.ToString(), bytes, result.ContentType, result.FetchedAt)] }
            : notice;

    private static bool SameAnnexes(IReadOnlyList<Attachment> before, IReadOnlyList<Attachment> after) =>
        before.Count == after.Count && before.Zip(after).All(p => p.First.Url == p.Second.Url && p.First.Sha256 == p.Second.Sha256);

    private static Dictionary<string, HttpValidators> Overlay(IReadOnlyDictionary<string, HttpValidators> known, IReadOnlyDictionary<string, HttpValidators> learned)
    {
        var all = new Dictionary<string, HttpValidators>(known, StringComparer.Ordinal);
        foreach (var (url, value) in learned)
        {
            all[url] = value;
        }

        return all;
    }
}
