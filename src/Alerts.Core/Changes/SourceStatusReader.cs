namespace Alerts.Core.Changes;

/// <summary>The richer health of one source, for the dashboard. Every field but the id is optional.</summary>
public sealed record SourceStatus(string Id)
{
    public string? DisplayName { get; init; }

    /// <summary>The last poll's outcome on the wire (<c>ok</c>, <c>blocked</c>, <c>layout-changed</c>…).</summary>
    public string? Outcome { get; init; }

    public DateTimeOffset? LastPoll { get; init; }

    public DateTimeOffset? LastSuccess { get; init; }

    public DateTimeOffset? LastErrorAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>The failure class of the last error (a <c>FetchOutcome</c> on the wire).</summary>
    public string? LastErrorClass { get; init; }

    public double? LatencyMs { get; init; }

    public int? ConsecutiveFailures { get; init; }

    /// <summary><c>closed</c>, <c>open</c> or <c>half-open</c>.</summary>
    public string? CircuitState { get; init; }

    public int? ItemsKnown { get; init; }

    /// <summary>Numbers missing from a numbered series (<c>2026 No.13</c>).</summary>
    public IReadOnlyList<string> SequenceGaps { get; init; } = [];

    /// <summary>Unread or deferred rows and suspect listings (<c>SourceHealthNotes</c>).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>False when <c>Sources:{id}:Enabled</c> is false: the source is not polled, and that is not a problem.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The first failed poll of the failures in a row, when the source is failing now.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>The time between two polls on the source's schedule (to tell a stale source).</summary>
    public TimeSpan? PollInterval { get; init; }

    /// <summary>Healthy and enabled, but no successful poll within <paramref name="factor"/> poll intervals: its polls stopped.</summary>
    public bool IsStale(DateTimeOffset now, int factor) =>
        Enabled && PollInterval is { } interval && LastSuccess is { } success && Outcome is "ok" or "not-modified"
        && now - success > interval * factor;

    /// <summary>Enabled, polled, and the last poll failed.</summary>
    public bool IsFailing => Enabled && Outcome is not (null or "ok" or "not-modified" or "never-polled" or "disabled");
}

/// <summary>Optional, richer than <c>ISourceHealthReader</c>: the change-detection layer may provide it.</summary>
public interface ISourceStatusReader
{
    Task<IReadOnlyList<SourceStatus>> ReadAsync(CancellationToken cancellationToken);
}
