namespace Alerts.Core.Changes;

public sealed record SourceHealthSummary(string Id, string Outcome, DateTimeOffset? LastPoll)
{
    /// <summary>Standing problems of a source whose polls may still be healthy: unread or deferred rows, suspect listings.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>Reports the last poll of each source. The change-detection layer provides the real one.</summary>
public interface ISourceHealthReader
{
    Task<IReadOnlyList<SourceHealthSummary>> ReadAsync(CancellationToken cancellationToken);
}
