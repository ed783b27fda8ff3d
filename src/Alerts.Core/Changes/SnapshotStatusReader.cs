using Alerts.Core.Api;
using Alerts.Core.Fetching;

namespace Alerts.Core.Changes;

/// <summary>
/// The dashboard's per-source detail, from each source's snapshot: last success, last error and its class, latency,
/// failures in a row, items known and sequence gaps. (The circuit state lives in the HTTP pipeline and is not stored.)
/// </summary>
internal sealed class SnapshotStatusReader(ISnapshotStore store) : ISourceStatusReader
{
    public async Task<IReadOnlyList<SourceStatus>> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshots = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        return [.. snapshots.Select(StatusOf)];
    }

    internal static SourceStatus StatusOf(SourceSnapshot snapshot)
    {
        var last = snapshot.LastPoll;
        var lastSuccess = snapshot.Health.LastOrDefault(h => h.Outcome.IsHealthy());
        var lastError = snapshot.Health.LastOrDefault(h => !h.Outcome.IsHealthy());
        var failing = snapshot.Health.Reverse().TakeWhile(h => !h.Outcome.IsHealthy()).ToList();
        var failuresInARow = failing.Count;
        return new SourceStatus(snapshot.SourceId)
        {
            Outcome = last?.Outcome.ToWire(),
            LastPoll = last?.At,
            LastSuccess = lastSuccess?.At,
            LastErrorAt = lastError?.At,
            LastError = lastError?.Detail,
            LastErrorClass = lastError?.Outcome.ToWire(),
            LatencyMs = last is null || last.Elapsed == TimeSpan.Zero ? null : last.Elapsed.TotalMilliseconds,
            ConsecutiveFailures = failuresInARow,
            FailingSince = failing.Count > 0 ? failing[^1].At : null,
            ItemsKnown = snapshot.KnownItems.Count,
            SequenceGaps = snapshot.SequenceGaps,
            Notes = SourceHealthNotes.Of(snapshot),
        };
    }
}
