using System.Collections.Concurrent;
using System.Globalization;
using Alerts.Core.Changes;

namespace Alerts.Testing;

/// <summary>An <see cref="ISnapshotStore"/> in memory with the same optimistic concurrency as the real ones.</summary>
public sealed class InMemorySnapshotStore : ISnapshotStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Version, SourceSnapshot Snapshot)> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ChangeRecord> _changes = new(StringComparer.Ordinal);

    /// <summary>Runs before each save (throw from it to simulate a crash between publish and save).</summary>
    public Action<SourceSnapshot>? BeforeSave { get; set; }

    public int Saves { get; private set; }

    public Task<SourceSnapshot?> LoadAsync(string sourceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_snapshots.TryGetValue(sourceId, out var s) ? s.Snapshot with { Version = s.Version.ToString(CultureInfo.InvariantCulture) } : null);
        }
    }

    public Task<string> SaveAsync(SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(changes);
        BeforeSave?.Invoke(snapshot);
        foreach (var change in changes)
        {
            _changes.TryAdd(change.Change.ChangeId, change);
        }

        lock (_gate)
        {
            var exists = _snapshots.TryGetValue(snapshot.SourceId, out var current);
            var expected = snapshot.Version is null ? (long?)null : long.Parse(snapshot.Version, CultureInfo.InvariantCulture);
            if ((expected is null && exists) || (expected is not null && (!exists || current.Version != expected)))
            {
                throw new SnapshotConflictException($"{snapshot.SourceId} was saved by another poller.");
            }

            var next = (expected ?? 0) + 1;
            _snapshots[snapshot.SourceId] = (next, snapshot with { Version = null });
            Saves++;
            return Task.FromResult(next.ToString(CultureInfo.InvariantCulture));
        }
    }

    public Task<IReadOnlyList<SourceSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<SourceSnapshot>>(_snapshots.Values.Select(s => s.Snapshot with { Version = s.Version.ToString(CultureInfo.InvariantCulture) }).ToList());
        }
    }

    public Task<ChangeRecord?> GetChangeAsync(string changeId, CancellationToken cancellationToken) =>
        Task.FromResult(_changes.TryGetValue(changeId, out var c) ? c : null);

    public Task<IReadOnlyList<ChangeEvent>> ListChangesAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChangeEvent>>(_changes.Values
            .Select(c => c.Change)
            .Where(c => since is null || c.DetectedAt >= since)
            .OrderByDescending(c => c.DetectedAt).ThenBy(c => c.ChangeId, StringComparer.Ordinal)
            .Take(limit)
            .ToList());
}
