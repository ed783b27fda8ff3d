using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery.Reminders;

namespace Alerts.Core.Delivery;

/// <summary>
/// One digest as <see cref="DigestService"/> gathers it, before rendering: the e-mail (HTML and text) and the printable
/// page are both rendered from this by <see cref="DigestRenderer"/>, so they cannot disagree.
/// </summary>
public sealed record DigestModel
{
    public required string CompanyId { get; init; }

    public required string CompanyName { get; init; }

    /// <summary>The period, half-open: from <see cref="Since"/> (inclusive) to <see cref="Until"/>.</summary>
    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset Until { get; init; }

    /// <summary>The recipient's local date at <see cref="Since"/>.</summary>
    public required DateOnly From { get; init; }

    /// <summary>The recipient's local date at <see cref="Until"/>: its "today", from which "overdue" and "upcoming" count.</summary>
    public required DateOnly To { get; init; }

    /// <summary>The alerts raised in the period.</summary>
    public required IReadOnlyList<Alert> Alerts { get; init; }

    /// <summary>The company's alerts of the last year, for effective dates coming up.</summary>
    public IReadOnlyList<Alert> Recent { get; init; } = [];

    /// <summary>What takes effect or applies again in the coming days (null: no measure service on this host).</summary>
    public IReadOnlyList<MeasureEvent>? Measures { get; init; }

    /// <summary>Open assessments, soonest due first, undated last, then by notice key (null: no assessment service).</summary>
    public IReadOnlyList<Assessment>? Open { get; init; }

    /// <summary>The decisions taken in the period, oldest first (null: no assessment service).</summary>
    public IReadOnlyList<DigestDecision>? Decisions { get; init; }

    /// <summary>An alert of each notice an assessment names, by notice key, for its number and title.</summary>
    public IReadOnlyDictionary<string, Alert> Notices { get; init; } = new Dictionary<string, Alert>(StringComparer.Ordinal);

    /// <summary>Nothing happened in the period: no alert and no decision (open items alone do not make news).</summary>
    public bool IsQuiet => Alerts.Count == 0 && Decisions is not { Count: > 0 };

    /// <summary>
    /// The period's decisions: state changes, within [<paramref name="since"/>, <paramref name="until"/>), to a
    /// conclusion (applicable, not applicable, action needed, done), with the note given in the same command. Reopening
    /// into review is not a decision. Ordered by time, then notice key, then sequence.
    /// </summary>
    public static IReadOnlyList<DigestDecision> DecisionsOf(IEnumerable<Assessment> assessments, DateTimeOffset since, DateTimeOffset until) =>
        [.. (assessments ?? throw new ArgumentNullException(nameof(assessments)))
            .SelectMany(a => a.Events
                .Where(e => e.Action == AssessmentAction.StateChanged && IsDecision(e.State) && e.At >= since && e.At < until)
                .Select(e => new DigestDecision(a, e, NoteOf(a, e))))
            .OrderBy(d => d.Change.At)
            .ThenBy(d => d.Assessment.NoticeKey, StringComparer.Ordinal)
            .ThenBy(d => d.Change.Sequence)];

    /// <summary>Open assessments by due date (undated last), ties by notice key.</summary>
    public static IReadOnlyList<Assessment> OpenOf(IEnumerable<Assessment> assessments) =>
        [.. (assessments ?? throw new ArgumentNullException(nameof(assessments)))
            .Where(a => AssessmentTransitions.IsOpen(a.State))
            .OrderBy(a => a.Due ?? DateOnly.MaxValue)
            .ThenBy(a => a.NoticeKey, StringComparer.Ordinal)];

    private static bool IsDecision(AssessmentState? state) =>
        state is AssessmentState.Applicable or AssessmentState.NotApplicable or AssessmentState.ActionNeeded or AssessmentState.Done;

    /// <summary>A command's note is appended after its state change with the same time and actor.</summary>
    private static string? NoteOf(Assessment assessment, AssessmentEvent change) =>
        assessment.Events.FirstOrDefault(e => e.Action == AssessmentAction.Noted && e.Sequence > change.Sequence && e.At == change.At
            && string.Equals(e.Actor, change.Actor, StringComparison.Ordinal))?.Note;
}

/// <summary>One decision of the period: the assessment (as it stands now), the state change, and its note if any.</summary>
public sealed record DigestDecision(Assessment Assessment, AssessmentEvent Change, string? Note);
