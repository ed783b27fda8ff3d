using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;

namespace Alerts.Core.Tests.Changes;

public sealed class SnapshotStatusReaderTests
{
    private static readonly DateTimeOffset Monday = new(2026, 2, 23, 0, 0, 0, TimeSpan.Zero);

    private static SourceSnapshot Snapshot(params PollHealth[] health) => new("cn-mofcom-announcements")
    {
        Health = health,
        KnownItems = new Dictionary<string, string> { ["/a.html"] = "f1", ["/b.html"] = "f2" },
        SequenceGaps = ["2026 No.2 not seen yet"],
    };

    [Fact]
    public void StatusOf_TwoFailuresAfterASuccess_CountsTwoInARowAndKeepsTheLastSuccess()
    {
        var status = SnapshotStatusReader.StatusOf(Snapshot(
            new PollHealth(Monday, FetchOutcome.Ok),
            new PollHealth(Monday.AddHours(1), FetchOutcome.Blocked) { Detail = "HTTP 403" },
            new PollHealth(Monday.AddHours(2), FetchOutcome.Timeout)));

        status.ConsecutiveFailures.ShouldBe(2);
        status.LastSuccess.ShouldBe(Monday);
        status.LastErrorClass.ShouldBe("timeout");
        status.Outcome.ShouldBe("timeout");
    }

    [Fact]
    public void StatusOf_CarriesItemsKnownAndSequenceGaps()
    {
        var status = SnapshotStatusReader.StatusOf(Snapshot(new PollHealth(Monday, FetchOutcome.Ok)));

        status.ItemsKnown.ShouldBe(2);
        status.SequenceGaps.ShouldBe(["2026 No.2 not seen yet"]);
        status.ConsecutiveFailures.ShouldBe(0);
    }

    // Issue 12 item 1: a healthy poll with an unread row must still say so on the dashboard.
    [Fact]
    public void StatusOf_UnreadRow_CarriesItsNote()
    {
        var item = new ListingItem("https://www.mofcom.gov.cn/a.html", "公告", null);
        var snapshot = Snapshot(new PollHealth(Monday, FetchOutcome.Ok)) with
        {
            Unread = new Dictionary<string, UnreadItem> { [item.Url] = new(item, Monday, Monday, 1, false) { Reason = "server-error HTTP 503" } },
        };

        var status = SnapshotStatusReader.StatusOf(snapshot);

        status.Notes.ShouldBe(["1 row unread since 2026-02-23 00:00 UTC: server-error HTTP 503 (https://www.mofcom.gov.cn/a.html, 1 attempt(s))"]);
    }
}
