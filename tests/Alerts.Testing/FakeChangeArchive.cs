using Alerts.Core.Changes;

namespace Alerts.Testing;

/// <summary>Change records in memory.</summary>
public sealed class FakeChangeArchive : IChangeArchive
{
    private readonly Dictionary<string, ChangeRecord> _records = [];

    public void Add(ChangeRecord record) => _records[record.Change.ChangeId] = record;

    public Task<ChangeRecord?> GetAsync(string changeId, CancellationToken cancellationToken) => Task.FromResult(_records.GetValueOrDefault(changeId));

    public Task<IReadOnlyList<ChangeEvent>> ListAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChangeEvent>>(_records.Values.Select(r => r.Change).Where(c => since is null || c.DetectedAt >= since)
            .OrderByDescending(c => c.DetectedAt).Take(limit).ToList());
}
