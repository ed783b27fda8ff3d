using System.Collections.Concurrent;
using System.Globalization;
using Alerts.Core;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;

namespace Alerts.Testing;

/// <summary>
/// A scripted site for change-detection tests: one listing (with an ETag that changes when the listing does) and detail
/// pages. It behaves like a real adapter — conditional listing request, detail fetch only for new or changed rows —
/// and counts every request. It also answers detail URLs as an <see cref="IPageFetcher"/> (404 once a page is removed).
/// </summary>
public sealed class FakeNoticeSource : INoticeSource, IPageFetcher
{
    public const string DefaultId = "fake-source";

    private readonly ConcurrentDictionary<string, (ListingItem Item, Notice Notice)> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _listed = new(StringComparer.Ordinal);
    private int _listingVersion;
    private int _requests;
    private int _detailFetches;

    public FakeNoticeSource(string id = DefaultId, bool hasNumberedSeries = true)
    {
        Descriptor = new SourceDescriptor(id, "Fake source", "CN", "zh-Hans", "https://fake.example", "0 */10 * * * *") { HasNumberedSeries = hasNumberedSeries };
    }

    public SourceDescriptor Descriptor { get; }

    /// <summary>When set, every poll fails with this outcome (a site down, blocked or behind a WAF).</summary>
    public FetchOutcome? FailWith { get; set; }

    /// <summary>When true, the listing answers 200 with no rows.</summary>
    public bool EmptyListing { get; set; }

    /// <summary>Runs inside <see cref="PollAsync"/> after the listing was read (to line up concurrent pollers).</summary>
    public Func<Task>? DuringPoll { get; set; }

    public int Requests => _requests;

    public int DetailFetches => _detailFetches;

    public string ListingUrl(Uri baseUrl) => new Uri(baseUrl, "/list/index.html").ToString();

    /// <summary>Puts a notice on the listing (or changes it); the notice's first URL is its detail page.</summary>
    /// <param name="listedOn">The row's date; real listings show a revision date when a notice is re-issued, which is
    /// what makes an adapter fetch the detail page again.</param>
    public FakeNoticeSource Publish(Notice notice, DateOnly? listedOn = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var url = notice.CanonicalUrl;
        var item = new ListingItem(url, notice.Title, listedOn ?? notice.Published);
        _pages[url] = (item, notice with { SourceId = Descriptor.Id });
        _listed[url] = true;
        Interlocked.Increment(ref _listingVersion);
        return this;
    }

    /// <summary>Takes a notice off the listing; with <paramref name="gone"/> its page answers 404 too.</summary>
    public FakeNoticeSource Remove(string url, bool gone = true)
    {
        _listed.TryRemove(url, out _);
        if (gone)
        {
            _pages.TryRemove(url, out _);
        }

        Interlocked.Increment(ref _listingVersion);
        return this;
    }

    public async Task<SourcePollResult> PollAsync(SourcePollContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        var listingUrl = ListingUrl(context.BaseUrl);
        Interlocked.Increment(ref _requests);
        if (FailWith is { } failure)
        {
            return new SourcePollResult(Descriptor.Id, failure) { Detail = $"scripted {failure.ToWire()}", Requests = 1 };
        }

        var etag = $"\"v{Volatile.Read(ref _listingVersion).ToString(CultureInfo.InvariantCulture)}\"";
        if (context.Validators.TryGetValue(listingUrl, out var validators) && validators.ETag == etag)
        {
            return new SourcePollResult(Descriptor.Id, FetchOutcome.NotModified) { Requests = 1, Validators = context.Validators };
        }

        var items = EmptyListing ? [] : _listed.Keys.Order(StringComparer.Ordinal).Select(u => _pages.TryGetValue(u, out var p) ? p.Item : new ListingItem(u, u, null)).ToList();
        if (DuringPoll is { } hook)
        {
            await hook().ConfigureAwait(false);
        }

        var notices = new List<Notice>();
        var requests = 1;
        foreach (var item in items)
        {
            if (context.KnownItems.TryGetValue(item.Url, out var fingerprint) && fingerprint == item.Fingerprint)
            {
                continue;
            }

            requests++;
            Interlocked.Increment(ref _requests);
            Interlocked.Increment(ref _detailFetches);
            if (_pages.TryGetValue(item.Url, out var page))
            {
                notices.Add(page.Notice);
            }
        }

        return new SourcePollResult(Descriptor.Id, items.Count == 0 ? FetchOutcome.LayoutChanged : FetchOutcome.Ok)
        {
            Items = items,
            Notices = notices,
            Requests = requests,
            Validators = new Dictionary<string, HttpValidators> { [listingUrl] = new(etag, null) },
        };
    }

    public Notice ParseDetail(string html, Uri url, ListingItem? item = null) =>
        throw new NotSupportedException("The fake source has no HTML.");

    /// <summary>Detail pages: 200 while the page exists, 404 (<see cref="FetchOutcome.Gone"/>) once removed.</summary>
    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _requests);
        var found = _pages.ContainsKey(request.Url.ToString());
        return Task.FromResult(new FetchResult(found ? FetchOutcome.Ok : FetchOutcome.Gone, request.Url) { StatusCode = found ? 200 : 404 });
    }
}

/// <summary>A catalog of given sources, all on their default base URL and schedule unless overridden.</summary>
public sealed class FakeSourceCatalog(params INoticeSource[] sources) : ISourceCatalog
{
    public Dictionary<string, string> Schedules { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<INoticeSource> All => sources;

    public INoticeSource? Find(string sourceId) => sources.FirstOrDefault(s => s.Descriptor.Id == sourceId);

    public Uri BaseUrlOf(string sourceId) => new(Find(sourceId)?.Descriptor.DefaultBaseUrl ?? "https://unknown.example");

    public string ScheduleOf(string sourceId) =>
        Schedules.TryGetValue(sourceId, out var s) ? s : Find(sourceId)?.Descriptor.DefaultSchedule ?? "0 0 * * * *";
}
