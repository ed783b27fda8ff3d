namespace Alerts.Core.Changes;

/// <summary>The claim-check side of the snapshot store: change records by id.</summary>
internal sealed class SnapshotChangeArchive(ISnapshotStore store) : IChangeArchive
{
    public Task<ChangeRecord?> GetAsync(string changeId, CancellationToken cancellationToken) => store.GetChangeAsync(changeId, cancellationToken);

    public Task<IReadOnlyList<ChangeEvent>> ListAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        store.ListChangesAsync(since, limit, cancellationToken);
}
