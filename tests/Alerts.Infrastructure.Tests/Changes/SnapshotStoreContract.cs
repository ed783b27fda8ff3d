using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Testing;
using Alerts.Testing.Azurite;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Alerts.Infrastructure.Tests.Changes;

/// <summary>One behaviour for every snapshot store: SQLite (row version) and Table storage (ETag) run these tests.</summary>
public abstract class SnapshotStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    protected abstract ISnapshotStore CreateStore();

    private static SourceSnapshot Snapshot(string id = "cn-mofcom-announcements", string body = "正文")
    {
        var notice = new NoticeBuilder().WithBody(body).Build();
        return new SourceSnapshot(id)
        {
            Baselined = true,
            Validators = new Dictionary<string, HttpValidators> { ["https://x/list.html"] = new("\"e1\"", Now) },
            KnownItems = new Dictionary<string, string> { ["https://x/1.html"] = "fp" },
            Notices = new Dictionary<string, NoticeState> { [notice.Key] = new(notice, "v1", Now, Now) { ConsecutiveMissing = 2 } },
            Health = [new PollHealth(Now, FetchOutcome.Ok) { Requests = 3, Items = 1 }],
            SequenceGaps = ["2026 No.26 not seen yet"],
        };
    }

    private static ChangeRecord Record(int n, DateTimeOffset at, string body = "正文")
    {
        var notice = new NoticeBuilder().WithKey($"cn-mofcom:2026:{n}").WithBody(body).Build();
        return new ChangeRecord(ChangeEvent.From(notice, ChangeKind.Added, $"v{n}", at), notice, null, "[-a-]{+b+}");
    }

    [Fact]
    public async Task LoadAsync_Unknown_ReturnsNull()
    {
        (await CreateStore().LoadAsync("nope", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task SaveAsync_ThenLoad_RoundTripsEverything()
    {
        var store = CreateStore();
        var original = Snapshot();

        var version = await store.SaveAsync(original, [], CancellationToken.None);
        var loaded = await store.LoadAsync(original.SourceId, CancellationToken.None);

        loaded!.Version.ShouldBe(version);
        loaded.Baselined.ShouldBeTrue();
        loaded.Validators["https://x/list.html"].ShouldBe(original.Validators["https://x/list.html"]);
        loaded.KnownItems["https://x/1.html"].ShouldBe("fp");
        var state = loaded.Notices["cn-mofcom:2026:1"];
        state.ConsecutiveMissing.ShouldBe(2);
        state.Notice.Destinations.ShouldBe(["JP"]);
        state.Notice.Effective.ShouldBe(new DateOnly(2026, 1, 6));
        loaded.Health.Single().Outcome.ShouldBe(FetchOutcome.Ok);
        loaded.SequenceGaps.ShouldBe(["2026 No.26 not seen yet"]);
    }

    [Fact]
    public async Task SaveAsync_SkippedListingRows_RoundTrip()
    {
        // Issue 15 item 5: what health says of rows of an unexpected link shape survives the store (it is kept over 304s).
        var store = CreateStore();
        var original = Snapshot("cn-mofcom-spokesperson") with
        {
            SkippedRows = new Dictionary<string, string> { ["https://x/list.html"] = "https://x/list.html: 1 dated row(s) skipped" },
        };

        await store.SaveAsync(original, [], CancellationToken.None);
        var loaded = await store.LoadAsync(original.SourceId, CancellationToken.None);

        loaded!.SkippedRows.ShouldBe(original.SkippedRows);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsConflict()
    {
        var store = CreateStore();
        await store.SaveAsync(Snapshot(), [], CancellationToken.None);
        var first = await store.LoadAsync("cn-mofcom-announcements", CancellationToken.None);
        var second = await store.LoadAsync("cn-mofcom-announcements", CancellationToken.None);
        await store.SaveAsync(first!, [], CancellationToken.None);

        await Should.ThrowAsync<SnapshotConflictException>(() => store.SaveAsync(second!, [], CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewWhenOneExists_ThrowsConflict()
    {
        var store = CreateStore();
        await store.SaveAsync(Snapshot(), [], CancellationToken.None);

        await Should.ThrowAsync<SnapshotConflictException>(() => store.SaveAsync(Snapshot(), [], CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_TextOver32KCharacters_RoundTrips()
    {
        var store = CreateStore();
        var body = string.Concat(Enumerable.Repeat("禁止两用物项出口。", 5000));

        await store.SaveAsync(Snapshot("long", body), [Record(9, Now, body)], CancellationToken.None);

        (await store.LoadAsync("long", CancellationToken.None))!.Notices.Values.Single().Notice.Body.ShouldBe(body);
        (await store.GetChangeAsync(Record(9, Now).Change.ChangeId, CancellationToken.None))!.Notice.Body.ShouldBe(body);
    }

    [Fact]
    public async Task GetChangeAsync_Saved_ReturnsRecordWithDiff()
    {
        var store = CreateStore();
        var record = Record(1, Now);
        await store.SaveAsync(Snapshot("a"), [record], CancellationToken.None);

        var loaded = await store.GetChangeAsync(record.Change.ChangeId, CancellationToken.None);

        loaded!.Change.ShouldBe(record.Change with { }, new ChangeIdComparer());
        loaded.Diff.ShouldBe("[-a-]{+b+}");
    }

    [Fact]
    public async Task ListChangesAsync_Since_ReturnsNewestFirst()
    {
        var store = CreateStore();
        await store.SaveAsync(Snapshot("b"), [Record(1, Now), Record(2, Now.AddHours(1)), Record(3, Now.AddHours(2))], CancellationToken.None);

        var list = await store.ListChangesAsync(Now.AddMinutes(30), 10, CancellationToken.None);

        list.Select(c => c.NoticeKey).ShouldBe(["cn-mofcom:2026:3", "cn-mofcom:2026:2"]);
    }

    [Fact]
    public async Task ListAsync_ReturnsEverySource()
    {
        var store = CreateStore();
        await store.SaveAsync(Snapshot("s1"), [], CancellationToken.None);
        await store.SaveAsync(Snapshot("s2"), [], CancellationToken.None);

        (await store.ListAsync(CancellationToken.None)).Select(s => s.SourceId).Order().ShouldBe(["s1", "s2"]);
    }

    private sealed class ChangeIdComparer : IEqualityComparer<ChangeEvent>
    {
        public bool Equals(ChangeEvent? x, ChangeEvent? y) => x?.ChangeId == y?.ChangeId && x?.Kind == y?.Kind && x?.NoticeKey == y?.NoticeKey;

        public int GetHashCode(ChangeEvent obj) => obj.ChangeId.GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class SqliteSnapshotStoreTests : SnapshotStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override ISnapshotStore CreateStore() => new SqliteSnapshotStore(new SqliteDatabase(_directory.Combine("alerts.db")));

    public void Dispose() => _directory.Dispose();
}

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableSnapshotStoreTests(AzuriteFixture azurite) : SnapshotStoreContract
{
    private static int _counter;

    protected override ISnapshotStore CreateStore()
    {
        // A fresh table prefix per store keeps tests independent on one Azurite.
        var prefix = $"t{Interlocked.Increment(ref _counter)}x{Environment.ProcessId}";
        return new TableSnapshotStore(
            new TableServiceClient(azurite.ConnectionString),
            new BlobServiceClient(azurite.ConnectionString),
            new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });
    }
}
