using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;

namespace Alerts.Core.Changes;

/// <summary>What is known of one notice: its latest version, where it was seen, and how long it has been missing.</summary>
/// <param name="VersionHash">Hash of the notice content (not its URLs: mirrors share a version).</param>
/// <param name="ConsecutiveMissing">Healthy listings in a row that did not show the notice (withdrawal evidence).</param>
public sealed record NoticeState(Notice Notice, string VersionHash, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public int ConsecutiveMissing { get; init; }

    public bool Withdrawn { get; init; }
}

/// <summary>One poll as ops see it.</summary>
public sealed record PollHealth(DateTimeOffset At, FetchOutcome Outcome)
{
    public string? Detail { get; init; }

    public int Requests { get; init; }

    public TimeSpan Elapsed { get; init; }

    public int Items { get; init; }

    public int Changes { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Everything a source's next poll needs, stored as one document so that a save is one conditional write.
/// <see cref="Version"/> is the store's opaque concurrency token (row version in SQLite, ETag in Tables); null when new.
/// </summary>
public sealed record SourceSnapshot(string SourceId)
{
    public const int MaxHealthHistory = 50;

    public string? Version { get; init; }

    /// <summary>True once a healthy poll recorded the baseline; before that every notice seen is a baseline.</summary>
    public bool Baselined { get; init; }

    public IReadOnlyDictionary<string, HttpValidators> Validators { get; init; } = new Dictionary<string, HttpValidators>();

    /// <summary>Item URL → listing fingerprint.</summary>
    public IReadOnlyDictionary<string, string> KnownItems { get; init; } = new Dictionary<string, string>();

    /// <summary>Notice key → state.</summary>
    public IReadOnlyDictionary<string, NoticeState> Notices { get; init; } = new Dictionary<string, NoticeState>();

    /// <summary>Oldest first, at most <see cref="MaxHealthHistory"/>.</summary>
    public IReadOnlyList<PollHealth> Health { get; init; } = [];

    /// <summary>Numbers missing between numbers seen ("2026 No.26 not seen yet").</summary>
    public IReadOnlyList<string> SequenceGaps { get; init; } = [];

    public PollHealth? LastPoll => Health.Count > 0 ? Health[^1] : null;

    /// <summary>This snapshot with <paramref name="health"/> appended, keeping the newest <see cref="MaxHealthHistory"/>.</summary>
    public SourceSnapshot WithHealth(PollHealth health) =>
        this with { Health = [.. Health.Skip(Math.Max(0, Health.Count - MaxHealthHistory + 1)), health] };
}

/// <summary>Another poller saved the snapshot since it was loaded: this poll's result must be dropped.</summary>
public sealed class SnapshotConflictException : Exception
{
    public SnapshotConflictException()
    {
    }

    public SnapshotConflictException(string message)
        : base(message)
    {
    }

    public SnapshotConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Per-source poll state and the change records (claim check), with optimistic concurrency.</summary>
public interface ISnapshotStore
{
    Task<SourceSnapshot?> LoadAsync(string sourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the change records (idempotent by change id), then the snapshot if its <see cref="SourceSnapshot.Version"/>
    /// is still current (null: must not exist yet). Returns the new version.
    /// </summary>
    /// <exception cref="SnapshotConflictException">Someone else saved first.</exception>
    Task<string> SaveAsync(SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceSnapshot>> ListAsync(CancellationToken cancellationToken);

    Task<ChangeRecord?> GetChangeAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ChangeEvent>> ListChangesAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken);
}
