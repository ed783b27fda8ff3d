using Alerts.Core.Changes;
using Alerts.Infrastructure.LocalBus;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using BusSubscriptions = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Infrastructure.Tests.Changes;

/// <summary>The embedded stack (SQLite snapshots + local bus) killed between publish and save, then started again.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeNoticeSource _site = new();

    /// <summary>A fresh process: new objects over the same database file.</summary>
    private (PollService Polls, SqliteLocalBus Bus) Start(bool crashOnSave)
    {
        var database = new SqliteDatabase(_data.Combine("alerts.db"));
        ISnapshotStore store = new SqliteSnapshotStore(database);
        if (crashOnSave)
        {
            store = new CrashingStore(store);
        }

        var bus = new SqliteLocalBus(database, Options.Create(new LocalBusOptions()), _clock);
        return (new PollService(new FakeSourceCatalog(_site), store, bus, _site, _clock, NullLogger<PollService>.Instance), bus);
    }

    [Fact]
    public async Task Poll_KilledBetweenPublishAndSave_RestartLosesNothingAndPublishesNothingTwice()
    {
        _site.Publish(new NoticeBuilder().WithKey("cn-mofcom:2026:1").Build());
        await Start(crashOnSave: false).Polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);
        _site.Publish(new NoticeBuilder().WithKey("cn-mofcom:2026:2").With(n => n with { Urls = ["https://fake.example/2.html"] }).Build());

        var killed = await Start(crashOnSave: true).Polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);
        var (polls, bus) = Start(crashOnSave: false);
        var restarted = await polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);
        var again = await polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);

        killed.Error.ShouldNotBeNull();
        restarted.Changes.Single().Change.Kind.ShouldBe(ChangeKind.Added);
        again.Changes.ShouldBeEmpty();
        var delivered = await bus.ReceiveAsync(BusSubscriptions.Alerts, 10, TimeSpan.Zero, CancellationToken.None);
        delivered.Single().MessageId.ShouldBe(restarted.Changes.Single().Change.ChangeId);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private sealed class CrashingStore(ISnapshotStore inner) : ISnapshotStore
    {
        public Task<SourceSnapshot?> LoadAsync(string sourceId, CancellationToken cancellationToken) => inner.LoadAsync(sourceId, cancellationToken);

        public Task<string> SaveAsync(SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken) =>
            throw new IOException("process killed");

        public Task<IReadOnlyList<SourceSnapshot>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

        public Task<ChangeRecord?> GetChangeAsync(string changeId, CancellationToken cancellationToken) => inner.GetChangeAsync(changeId, cancellationToken);

        public Task<IReadOnlyList<ChangeEvent>> ListChangesAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
            inner.ListChangesAsync(since, limit, cancellationToken);
    }
}
