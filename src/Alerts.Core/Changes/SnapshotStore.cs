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

/// <summary>
/// A listed row whose notice has not been read yet (its detail page failed, a hop was refused, or the poll's cap
/// deferred it). It is not a known item: it is fetched again once <see cref="LastTry"/> + back-off has passed.
/// </summary>
/// <param name="Since">When the row was first left unread.</param>
/// <param name="Attempts">Failed fetches so far (0 for a row only deferred by the cap: due on the next poll).</param>
/// <param name="Baseline">Seen on the baseline poll: when read at last it is a baseline record, not an "added" alert.</param>
public sealed record UnreadItem(ListingItem Item, DateTimeOffset Since, DateTimeOffset LastTry, int Attempts, bool Baseline)
{
    public FetchOutcome Outcome { get; init; }

    public string Reason { get; init; } = "";

    public bool Deferred => Attempts == 0;

    /// <summary>When the row may be fetched again: base × 2^(attempts − 1) after the last try, at most <paramref name="max"/>.</summary>
    public DateTimeOffset DueAt(TimeSpan baseDelay, TimeSpan max)
    {
        if (Attempts <= 0)
        {
            return LastTry;
        }

        var factor = Math.Pow(2, Math.Min(Attempts - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(baseDelay.Ticks * factor, max.Ticks));
        return LastTry + delay;
    }
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

    /// <summary>Rows whose notice is still unread after this poll (failed or refused), deferred ones excluded.</summary>
    public int Unread { get; init; }

    /// <summary>Rows left for the next poll by the detail-fetch cap.</summary>
    public int Deferred { get; init; }

    /// <summary>Listings that shrank sharply against what they listed before: no withdrawal evidence while they stay so.</summary>
    public IReadOnlyList<string> SuspectListings { get; init; } = [];
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

    /// <summary>Item URL → listing fingerprint of every listed row whose notice was read (or needs no reading).</summary>
    public IReadOnlyDictionary<string, string> KnownItems { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Listing URL → what it listed (item URL → fingerprint) when last read. A listing that answers 304 or fails in a
    /// tolerated way carries its rows forward, so its notices never look missing (issue 12). Empty in snapshots saved
    /// before it existed: <see cref="KnownItems"/> stands in for them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Listings { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Listing URL → why it is suspect (it shrank sharply); kept while it answers 304, cleared when it recovers.</summary>
    public IReadOnlyDictionary<string, string> SuspectListings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Suspect listings a person confirmed as really shorter (<see cref="ListingShrinkConfirmation"/>): the next read of
    /// each is taken as it is, so notices it no longer lists can be withdrawn. Cleared by that read.
    /// </summary>
    public IReadOnlyList<string> ShrinksConfirmed { get; init; } = [];

    /// <summary>
    /// Listing URL → its dated rows whose link is not a notice page of the source (issue 15: a row of an unexpected URL
    /// shape is a notice that may be missed, so health says so); kept while the listing answers 304, cleared when it is
    /// read without such rows.
    /// </summary>
    public IReadOnlyDictionary<string, string> SkippedRows { get; init; } = new Dictionary<string, string>();

    /// <summary>Item URL → a listed row whose notice is not read yet, retried with back-off.</summary>
    public IReadOnlyDictionary<string, UnreadItem> Unread { get; init; } = new Dictionary<string, UnreadItem>();

    /// <summary>Notice key → state.</summary>
    public IReadOnlyDictionary<string, NoticeState> Notices { get; init; } = new Dictionary<string, NoticeState>();

    /// <summary>
    /// When the live notices' pages were last re-read (issue 17), or when the cadence started; null before the first
    /// healthy poll. The next revalidation is due at the <c>RevalidateSchedule</c>'s next occurrence after it.
    /// </summary>
    public DateTimeOffset? LastRevalidated { get; init; }

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
