using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Testing;

namespace Alerts.Core.Tests.Changes;

public sealed class SnapshotHealthReaderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 9, 12, 0, TimeSpan.Zero);

    // Issue 12 item 1: /api/health reads the same note as the dashboard when a healthy poll left a row unread.
    [Fact]
    public async Task ReadAsync_HealthyPollWithAnUnreadRow_CarriesItsNote()
    {
        var item = new ListingItem("https://www.mofcom.gov.cn/a.html", "公告", null);
        var store = new InMemorySnapshotStore();
        await store.SaveAsync(new SourceSnapshot("cn-mofcom-announcements")
        {
            Health = [new PollHealth(Monday, FetchOutcome.Ok)],
            Unread = new Dictionary<string, UnreadItem> { [item.Url] = new(item, Monday, Monday, 1, false) { Reason = "server-error HTTP 503" } },
        }, [], CancellationToken.None);

        var summary = (await new SnapshotHealthReader(store).ReadAsync(CancellationToken.None)).ShouldHaveSingleItem();

        summary.Outcome.ShouldBe("ok");
        summary.Notes.ShouldBe(["1 row unread since 2026-02-23 09:12 UTC: server-error HTTP 503 (https://www.mofcom.gov.cn/a.html, 1 attempt(s))"]);
    }
}
