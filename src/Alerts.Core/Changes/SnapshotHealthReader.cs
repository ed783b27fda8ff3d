using Alerts.Core.Fetching;
using Alerts.Core.Ops;
using Alerts.Core.Sources;

namespace Alerts.Core.Changes;

/// <summary>Each catalogued source's last poll, from its snapshot (<c>never-polled</c> when there is none).</summary>
/// <remarks>The catalog is optional so that a host without sources (or a test host) still answers health.</remarks>
internal sealed class SnapshotHealthReader(ISnapshotStore store, ISourceCatalog? catalog = null) : ISourceHealthReader
{
    public async Task<IReadOnlyList<SourceHealthSummary>> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshots = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.SourceId, StringComparer.Ordinal);
        var ids = (catalog?.All ?? []).Select(s => s.Descriptor.Id).Concat(snapshots.Keys).Distinct(StringComparer.Ordinal);
        return ids
            .Select(id => snapshots.TryGetValue(id, out var s) && s.LastPoll is { } last
                ? new SourceHealthSummary(id, last.Outcome.ToWire(), last.At) { Notes = SourceHealthNotes.Of(s) }
                : new SourceHealthSummary(id, "never-polled", null))
            .ToList();
    }
}
