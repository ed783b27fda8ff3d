using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Changes;

/// <summary>
/// The polling defects of issue 12 (items 1, 2, 3, 5, 13), each reproduced over the MOFCOM announcements fixture site
/// through the real adapter, detector and poll service. Every test here failed before its fix.
/// </summary>
public sealed class PollFaultTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 12, 0, TimeSpan.Zero));
    private readonly ScriptedMofcomSite _site = new();
    private readonly InMemorySnapshotStore _store = new();
    private readonly InMemoryChangeBus _bus;
    private readonly MofcomAnnouncementsSource _source;

    public PollFaultTests()
    {
        _bus = new InMemoryChangeBus(_clock);
        _source = new MofcomAnnouncementsSource(_site);
    }

    private PollService Service() =>
        new(new FakeSourceCatalog(_source), _store, _bus, _site, _clock, NullLogger<PollService>.Instance);

    private ListingShrinkConfirmation Confirmation() => new(_store, new FakeSourceCatalog(_source));

    private Task<PollReport> PollAsync() => Service().PollAsync(_source, Base, PollOptions.Default, CancellationToken.None);

    private async Task<List<PollReport>> PollTimesAsync(int count, TimeSpan every)
    {
        var reports = new List<PollReport>();
        for (var i = 0; i < count; i++)
        {
            _clock.Advance(every);
            reports.Add(await PollAsync());
        }

        return reports;
    }

    private static FetchResult Answer(FetchRequest request, FetchOutcome outcome, string detail) =>
        new(outcome, request.Url) { Detail = detail };

    private static IEnumerable<ChangeKind> Kinds(IEnumerable<PollReport> reports) => reports.SelectMany(r => r.Changes).Select(c => c.Change.Kind);

    // Issue 12 item 1: a row whose detail page answered 503 the first time was stored as known and never fetched again.
    [Fact]
    public async Task PollAsync_DetailPage503OnFirstSight_RetriesUntilReadAndReportsAddedOnce()
    {
        await PollAsync();
        _site.AddNotice(30);
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(30) ? Answer(r, FetchOutcome.ServerError, "HTTP 503") : null;
        var failed = await PollTimesAsync(1, TimeSpan.FromMinutes(15));
        _site.Fault = null;

        var later = await PollTimesAsync(3, TimeSpan.FromMinutes(15));

        Kinds(failed).ShouldBeEmpty();
        var added = later.SelectMany(r => r.Changes).Where(c => c.Change.Kind == ChangeKind.Added).ToList();
        added.Single().Change.NoticeKey.ShouldBe(ScriptedMofcomSite.KeyOf(30));
    }

    // Issue 12 item 1: retries back off (base delay × 2^(attempts − 1) since the last try), measured on the injected clock.
    [Fact]
    public async Task PollAsync_UnreadRow_IsRetriedOnlyAfterItsBackOff()
    {
        await PollAsync();
        _site.AddNotice(30);
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(30) ? Answer(r, FetchOutcome.Timeout, "timed out") : null;
        await PollTimesAsync(1, TimeSpan.FromMinutes(1));
        var afterFirstFailure = _site.RequestsTo(ScriptedMofcomSite.DetailPath(30));

        await PollTimesAsync(1, TimeSpan.FromMinutes(1));
        var tooSoon = _site.RequestsTo(ScriptedMofcomSite.DetailPath(30));
        await PollTimesAsync(1, SourcePollSettings.Default.UnreadRetryBaseDelay);
        var due = _site.RequestsTo(ScriptedMofcomSite.DetailPath(30));

        afterFirstFailure.ShouldBe(1);
        tooSoon.ShouldBe(1);
        due.ShouldBe(2);
    }

    // Issue 12 item 2: one listing answering 304 while another answers 200 made the 304 listing's notices look missing.
    [Fact]
    public async Task PollAsync_OneListing304WhileAnotherChanges_WithdrawsNothing()
    {
        await PollAsync();
        _site.Fault = r => r.Url.AbsolutePath.StartsWith("/zcfb/blgg/gg/2026/art/", StringComparison.Ordinal)
            || r.Url.AbsolutePath.StartsWith("/zcfb/zgdwjjmywg/", StringComparison.Ordinal)
            ? Answer(r, FetchOutcome.Gone, "HTTP 404")
            : null;
        _site.IgnoreValidators.Add(ScriptedMofcomSite.Index2025);

        var reports = await PollTimesAsync(5, TimeSpan.FromMinutes(15));

        reports.ShouldAllBe(r => r.IsHealthy);
        Kinds(reports).ShouldNotContain(ChangeKind.Withdrawn);
    }

    // Issue 12 item 2, on upgrade: a snapshot saved before per-listing rows has only KnownItems; they must carry a 304
    // listing's rows, and the first read of another listing must not look like a shrink.
    [Fact]
    public async Task PollAsync_SnapshotFromBeforePerListingRows_CarriesKnownItemsAndFlagsNoShrink()
    {
        await PollAsync();
        var old = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);
        await _store.SaveAsync(old! with { Listings = new Dictionary<string, IReadOnlyDictionary<string, string>>() }, [], CancellationToken.None);
        _site.Fault = r => r.Url.AbsolutePath.Contains("/art/", StringComparison.Ordinal) ? Answer(r, FetchOutcome.Gone, "HTTP 404") : null;
        _site.IgnoreValidators.Add(ScriptedMofcomSite.Index2025);

        var reports = await PollTimesAsync(4, TimeSpan.FromMinutes(15));
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        Kinds(reports).ShouldNotContain(ChangeKind.Withdrawn);
        snapshot!.SuspectListings.ShouldBeEmpty();
        snapshot.Notices.Values.ShouldAllBe(n => n.ConsecutiveMissing == 0);
    }

    // Issue 12 item 3: a 404 on the current year's index was accepted all year, and its notices were withdrawn.
    [Fact]
    public async Task PollAsync_CurrentYearIndexGoneInDecember_IsUnhealthyAndWithdrawsNothing()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        await PollAsync();
        _site.GoneListings.Add(ScriptedMofcomSite.Index2026);
        _site.Fault = r => r.Url.AbsolutePath.Contains("/art/", StringComparison.Ordinal) ? Answer(r, FetchOutcome.Gone, "HTTP 404") : null;

        var reports = await PollTimesAsync(5, TimeSpan.FromMinutes(15));

        reports.ShouldAllBe(r => r.Outcome == FetchOutcome.Gone);
        Kinds(reports).ShouldBeEmpty();
    }

    // Issue 12 item 3: early January the new year's index may not exist yet; that stays a warning.
    [Fact]
    public async Task PollAsync_NewYearIndexGoneOnJanuarySecond_IsHealthy()
    {
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 2, 1, 0, 0, TimeSpan.Zero));

        var report = await PollAsync();

        report.IsHealthy.ShouldBeTrue();
        _site.RequestsTo(ScriptedMofcomSite.Index2027).ShouldBe(1);
    }

    // Issue 12 item 3: the grace for a missing new-year index ends after its first 14 days (China time).
    [Fact]
    public async Task PollAsync_NewYearIndexGoneOnJanuaryTwentieth_IsGone()
    {
        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 20, 1, 0, 0, TimeSpan.Zero));

        var report = await PollAsync();

        report.Outcome.ShouldBe(FetchOutcome.Gone);
    }

    // Issue 12 item 3: a listing truncated to 2 of its 6 rows withdrew the other 4.
    [Fact]
    public async Task PollAsync_ListingCutToTwoOfSixRows_WithdrawsNothingAndWarns()
    {
        await PollAsync();
        _site.Truncate(ScriptedMofcomSite.Index2026, 2);
        _site.Fault = r => r.Url.AbsolutePath.Contains("/art/", StringComparison.Ordinal) ? Answer(r, FetchOutcome.Gone, "HTTP 404") : null;

        var reports = await PollTimesAsync(5, TimeSpan.FromMinutes(15));

        Kinds(reports).ShouldNotContain(ChangeKind.Withdrawn);
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);
        snapshot!.LastPoll!.SuspectListings.ShouldContain(new Uri(Base, ScriptedMofcomSite.Index2026).ToString());
    }

    // Issue 12 item 3: a suspect listing stays suspect only "until it recovers".
    [Fact]
    public async Task PollAsync_TruncatedListingRecovers_ClearsTheWarningAndWithdrawsNothing()
    {
        await PollAsync();
        _site.Truncate(ScriptedMofcomSite.Index2026, 2);
        var truncated = await PollTimesAsync(2, TimeSpan.FromMinutes(15));
        _site.Truncate(ScriptedMofcomSite.Index2026, null);

        var recovered = await PollTimesAsync(2, TimeSpan.FromMinutes(15));
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        Kinds([.. truncated, .. recovered]).ShouldBeEmpty();
        snapshot!.SuspectListings.ShouldBeEmpty();
        snapshot.LastPoll!.SuspectListings.ShouldBeEmpty();
        SourceHealthNotes.Of(snapshot).ShouldNotContain(n => n.Contains("suspect", StringComparison.Ordinal));
    }

    // Issue 12 item 3: "…until it recovers or a person confirms". A confirmed shrink is read as it is, even though the
    // unchanged listing would answer 304 to the validators it had (they are dropped with the confirmation).
    [Fact]
    public async Task PollAsync_ShrinkConfirmedByAPerson_WithdrawsTheNoticesTheListingNoLongerLists()
    {
        await PollAsync();
        _site.Truncate(ScriptedMofcomSite.Index2026, 2);
        _site.Fault = r => r.Url.AbsolutePath.Contains("/art/", StringComparison.Ordinal) ? Answer(r, FetchOutcome.Gone, "HTTP 404") : null;
        var suspect = await PollTimesAsync(2, TimeSpan.FromMinutes(15));

        var confirmation = await Confirmation().ConfirmAsync(MofcomAnnouncementsSource.Id, null, CancellationToken.None);
        var after = await PollTimesAsync(3, TimeSpan.FromMinutes(15));

        Kinds(suspect).ShouldNotContain(ChangeKind.Withdrawn);
        confirmation.Outcome.ShouldBe(ShrinkConfirmationOutcome.Confirmed);
        confirmation.Listings.ShouldBe([new Uri(Base, ScriptedMofcomSite.Index2026).ToString()]);
        Kinds(after).Count(k => k == ChangeKind.Withdrawn).ShouldBe(4);
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);
        snapshot!.SuspectListings.ShouldBeEmpty();
        snapshot.ShrinksConfirmed.ShouldBeEmpty();
    }

    [Fact]
    public async Task ConfirmAsync_NoListingIsSuspect_IsNotSuspectAndSavesNothing()
    {
        await PollAsync();
        var before = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        var confirmation = await Confirmation().ConfirmAsync(MofcomAnnouncementsSource.Id, null, CancellationToken.None);

        confirmation.Outcome.ShouldBe(ShrinkConfirmationOutcome.NotSuspect);
        (await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None))!.Version.ShouldBe(before!.Version);
    }

    [Fact]
    public async Task ConfirmAsync_SourceNeverPolled_IsNeverPolled()
    {
        var confirmation = await Confirmation().ConfirmAsync(MofcomAnnouncementsSource.Id, null, CancellationToken.None);

        confirmation.Outcome.ShouldBe(ShrinkConfirmationOutcome.NeverPolled);
    }

    // Issue 12 item 5: a listing row linking to another host was fetched and became a notice.
    [Fact]
    public async Task PollAsync_RowLinkingToAnotherHost_IsNotFetched()
    {
        await PollAsync();
        _site.AddForeignRow("http://169.254.169.254" + ScriptedMofcomSite.DetailPath(33));

        var reports = await PollTimesAsync(1, TimeSpan.FromMinutes(15));

        _site.Requests.ShouldNotContain(r => r.Url.Host == "169.254.169.254");
        reports[0].IsHealthy.ShouldBeTrue();
        Kinds(reports).ShouldBeEmpty();
    }

    // Issue 12 item 5: a JS redirect (window.location.href) to another host was followed.
    [Fact]
    public async Task PollAsync_JsRedirectToAnotherHost_IsNotFollowed()
    {
        await PollAsync();
        _site.AddNotice(31);
        var evil = "http://169.254.169.254" + ScriptedMofcomSite.DetailPath(31);
        var shell = $"<html><body><script>window.location.href='{evil}';</script></body></html>";
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(31) && r.Url.Host == Base.Host
            ? new FetchResult(FetchOutcome.Ok, r.Url) { StatusCode = 200, Text = shell }
            : null;

        var reports = await PollTimesAsync(1, TimeSpan.FromMinutes(15));

        _site.Requests.ShouldNotContain(r => r.Url.Host == "169.254.169.254");
        Kinds(reports).ShouldBeEmpty();
    }

    // Issue 12 item 5: an <iframe src> shell pointing at another host was followed.
    [Fact]
    public async Task PollAsync_IframeShellToAnotherHost_IsNotFollowed()
    {
        await PollAsync();
        _site.AddNotice(32);
        var shell = "<html><body><div class=\"art-con\"><iframe src=\"http://10.0.0.5/zcfb/secret.html\"></iframe></div></body></html>";
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(32)
            ? new FetchResult(FetchOutcome.Ok, r.Url) { StatusCode = 200, Text = shell }
            : null;

        var reports = await PollTimesAsync(1, TimeSpan.FromMinutes(15));

        _site.Requests.ShouldNotContain(r => r.Url.Host == "10.0.0.5");
        reports[0].IsHealthy.ShouldBeTrue();
    }

    // Issue 12 item 13: a listing of 120 new rows made 120 detail requests in one poll.
    [Fact]
    public async Task PollAsync_ListingOf120NewRows_FetchesAtMostTheCapPerPollAndLosesNone()
    {
        await PollAsync();
        for (var n = 100; n < 220; n++)
        {
            _site.AddNotice(n);
        }

        var perPoll = new List<int>();
        var reports = new List<PollReport>();
        for (var i = 0; i < 4; i++)
        {
            var before = _site.Requests.Count(r => r.Url.AbsolutePath.Contains("0a0b0c0d", StringComparison.Ordinal));
            reports.AddRange(await PollTimesAsync(1, TimeSpan.FromMinutes(15)));
            perPoll.Add(_site.Requests.Count(r => r.Url.AbsolutePath.Contains("0a0b0c0d", StringComparison.Ordinal)) - before);
        }

        perPoll.ShouldAllBe(n => n <= SourcePollSettings.DefaultMaxDetailFetchesPerPoll);
        reports.SelectMany(r => r.Changes).Where(c => c.Change.Kind == ChangeKind.Added).Select(c => c.Change.NoticeKey).Distinct().Count().ShouldBe(120);
    }

    // Issue 12 item 1: the poll was reported healthy and nothing said that a row was left unread.
    [Fact]
    public async Task Notes_RowUnreadAfter503_SayHowManySinceWhenAndWhy()
    {
        await PollAsync();
        _site.AddNotice(30);
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(30) ? Answer(r, FetchOutcome.ServerError, "HTTP 503") : null;
        await PollTimesAsync(2, TimeSpan.FromMinutes(15));

        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        SourceHealthNotes.Of(snapshot!).ShouldContain(n => n.StartsWith("1 row unread since 2026-11-28 01:27 UTC: server-error HTTP 503", StringComparison.Ordinal));
        snapshot!.KnownItems.ShouldNotContainKey(new Uri(Base, ScriptedMofcomSite.DetailPath(30)).ToString());
    }

    // Issue 12 item 13: rows over the cap wait for the next poll, and health says so.
    [Fact]
    public async Task Notes_RowsOverTheCap_SayHowManyAreDeferred()
    {
        await PollAsync();
        for (var n = 100; n < 160; n++)
        {
            _site.AddNotice(n);
        }

        await PollTimesAsync(1, TimeSpan.FromMinutes(15));
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        SourceHealthNotes.Of(snapshot!).ShouldContain("10 rows deferred to the next poll (detail-fetch cap)");
        snapshot!.LastPoll!.Deferred.ShouldBe(10);
    }

    // Issue 12 item 5: a refused hop is a warning in health, not a crash.
    [Fact]
    public async Task Notes_RowLinkingToAnotherHost_SayItWasRefused()
    {
        await PollAsync();
        _site.AddForeignRow("http://169.254.169.254" + ScriptedMofcomSite.DetailPath(33));

        await PollTimesAsync(1, TimeSpan.FromMinutes(15));
        var snapshot = await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);

        SourceHealthNotes.Of(snapshot!).ShouldContain(n => n.Contains("refused: row links to http://169.254.169.254", StringComparison.Ordinal));
    }

    // Issue 12 item 1: a row that failed on the installation's first poll is old news when read later, not an alert.
    [Fact]
    public async Task PollAsync_RowUnreadOnBaselinePoll_IsBaselineWhenReadLater()
    {
        _site.AddNotice(30);
        _site.Fault = r => r.Url.AbsolutePath == ScriptedMofcomSite.DetailPath(30) ? Answer(r, FetchOutcome.Timeout, "timed out") : null;
        await PollAsync();
        _site.Fault = null;

        var later = await PollTimesAsync(2, TimeSpan.FromMinutes(15));

        later.SelectMany(r => r.Changes).Single().Change.Kind.ShouldBe(ChangeKind.Baseline);
    }
}
