using System.Text.Json;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Changes;

/// <summary>
/// Issue 12's fault-injection acceptance for polling: over the MOFCOM announcements fixture site, 50 polls with
/// seeded-random 503/404/timeouts/WAF pages/mojibake/too-large answers on detail pages (and on the withdrawal
/// checks, which fetch the same pages), listings answering 304 or 200 at random, a current-year index cut to 2 rows
/// for six polls and gone (404, in December) for five, produce every expected change exactly once and no withdrawal.
/// Deterministic: the faults come from a seeded <see cref="Random"/> and time from a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class PollingFaultInjectionTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");

    /// <summary>The eight notices of the fixture site, all of them baseline.</summary>
    private static readonly string[] FixtureKeys =
        ["cn-mofcom-customs:2025:18", "cn-mofcom:2026:1", "cn-mofcom:2026:11", "cn-mofcom:2026:12", "cn-mofcom:2026:25", "cn-mofcom:2026:27", "cn-mofcom:2026:28", "cn-uel:2025:7"];

    private static readonly FetchOutcome[] DetailFaults =
        [FetchOutcome.ServerError, FetchOutcome.Gone, FetchOutcome.Timeout, FetchOutcome.Blocked, FetchOutcome.Mojibake, FetchOutcome.TooLarge];

    [Theory]
    [InlineData(20261202)]
    [InlineData(7)]
    [InlineData(12345)]
    public async Task PollAsync_FiftyPollsOfFaults_EveryChangeExactlyOnceAndNoWithdrawal(int seed)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
        var site = new ScriptedMofcomSite();
        var store = new InMemorySnapshotStore();
        var bus = new InMemoryChangeBus(clock);
        var source = new MofcomAnnouncementsSource(site);
        var polls = new PollService(new FakeSourceCatalog(source), store, bus, site, clock, NullLogger<PollService>.Instance);
        var random = new Random(seed);
        var faultsOn = true;
        site.Fault = request =>
        {
            var detail = !request.Url.AbsolutePath.EndsWith("/index.html", StringComparison.Ordinal);
            if (!faultsOn || !detail || random.NextDouble() >= 0.3)
            {
                return null;
            }

            var outcome = DetailFaults[random.Next(DetailFaults.Length)];
            return new FetchResult(outcome, request.Url) { Detail = "injected " + outcome.ToWire() };
        };

        var added = new List<int>();
        var changes = new List<ChangeRecord>();
        for (var poll = 1; poll <= 50; poll++)
        {
            if (poll % 5 == 0)
            {
                added.Add(40 + poll / 5);
                site.AddNotice(40 + poll / 5);
            }

            // Mixed 304/200: each listing ignores its validators at random, as a CMS regenerating one index would.
            foreach (var index in new[] { ScriptedMofcomSite.Index2026, ScriptedMofcomSite.Index2025 })
            {
                if (random.Next(2) == 0)
                {
                    site.IgnoreValidators.Add(index);
                }
                else
                {
                    site.IgnoreValidators.Remove(index);
                }
            }

            site.Truncate(ScriptedMofcomSite.Index2026, poll is >= 21 and <= 26 ? 2 : null);
            if (poll is >= 31 and <= 35)
            {
                site.GoneListings.Add(ScriptedMofcomSite.Index2026);
            }
            else
            {
                site.GoneListings.Remove(ScriptedMofcomSite.Index2026);
            }

            var report = await polls.PollAsync(source, Base, PollOptions.Default, CancellationToken.None);
            changes.AddRange(report.Changes);
            clock.Advance(TimeSpan.FromMinutes(15));
        }

        // The site recovers; unread rows are read once their back-off (at most 6 h) has passed.
        faultsOn = false;
        for (var i = 0; i < 5 && (await store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None))!.Unread.Count > 0; i++)
        {
            clock.Advance(SourcePollSettings.Default.UnreadRetryMaxDelay);
            changes.AddRange((await polls.PollAsync(source, Base, PollOptions.Default, CancellationToken.None)).Changes);
        }

        var snapshot = await store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None);
        snapshot!.Unread.ShouldBeEmpty();
        changes.ShouldNotContain(c => c.Change.Kind == ChangeKind.Withdrawn);
        changes.GroupBy(c => c.Change.NoticeKey).ShouldAllBe(g => g.Count() == 1);
        changes.Where(c => c.Change.Kind == ChangeKind.Baseline).Select(c => c.Change.NoticeKey).Order(StringComparer.Ordinal).ShouldBe(FixtureKeys);
        changes.Where(c => c.Change.Kind == ChangeKind.Added).Select(c => c.Change.NoticeKey).Order(StringComparer.Ordinal)
            .ShouldBe(added.Select(ScriptedMofcomSite.KeyOf).Order(StringComparer.Ordinal));
        changes.Count.ShouldBe(FixtureKeys.Length + added.Count);
        bus.Accepted.Count.ShouldBe(added.Count);
    }

    // The new snapshot state (per-listing rows, unread rows, suspect listings) must survive the stores' JSON.
    [Fact]
    public void Snapshot_WithUnreadRowsAndListings_RoundTripsThroughTheStoresJson()
    {
        var at = new DateTimeOffset(2026, 12, 1, 9, 12, 0, TimeSpan.Zero);
        var item = new ListingItem("https://www.mofcom.gov.cn/a.html", "公告", new DateOnly(2026, 12, 1));
        var snapshot = new SourceSnapshot("s")
        {
            Listings = new Dictionary<string, IReadOnlyDictionary<string, string>> { ["https://www.mofcom.gov.cn/i.html"] = new Dictionary<string, string> { [item.Url] = item.Fingerprint } },
            Unread = new Dictionary<string, UnreadItem> { [item.Url] = new(item, at, at, 2, false) { Outcome = FetchOutcome.ServerError, Reason = "server-error HTTP 503" } },
            SuspectListings = new Dictionary<string, string> { ["https://www.mofcom.gov.cn/i.html"] = "shrank" },
        };

        var back = JsonSerializer.Deserialize<SourceSnapshot>(JsonSerializer.Serialize(snapshot, AlertsJson.Web), AlertsJson.Web)!;

        back.Unread[item.Url].ShouldBe(snapshot.Unread[item.Url]);
        back.Unread[item.Url].Item.Fingerprint.ShouldBe(item.Fingerprint);
        back.Listings["https://www.mofcom.gov.cn/i.html"][item.Url].ShouldBe(item.Fingerprint);
        back.SuspectListings.Keys.ShouldBe(["https://www.mofcom.gov.cn/i.html"]);
    }
}
