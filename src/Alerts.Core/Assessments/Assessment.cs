using System.Text.Json.Serialization;
using Alerts.Core.Common;

namespace Alerts.Core.Assessments;

/// <summary>Where a company's assessment of one notice stands (issue 19).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentState>))]
public enum AssessmentState
{
    /// <summary>Opened by the first alert; nobody has looked yet.</summary>
    [JsonStringEnumMemberName("new")] New,

    [JsonStringEnumMemberName("in-review")] InReview,

    [JsonStringEnumMemberName("applicable")] Applicable,

    [JsonStringEnumMemberName("not-applicable")] NotApplicable,

    [JsonStringEnumMemberName("action-needed")] ActionNeeded,

    [JsonStringEnumMemberName("done")] Done,
}

/// <summary>Where a transition came from: an audit reads "assigned from the e-mail link", not just "assigned".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentChannel>))]
public enum AssessmentChannel
{
    /// <summary>Opened or escalated by Alerts itself.</summary>
    [JsonStringEnumMemberName("system")] System,

    [JsonStringEnumMemberName("api")] Api,

    [JsonStringEnumMemberName("cli")] Cli,

    [JsonStringEnumMemberName("email-link")] EmailLink,

    [JsonStringEnumMemberName("teams-link")] TeamsLink,

    [JsonStringEnumMemberName("dashboard")] Dashboard,
}

/// <summary>What one event did. Each event carries only the fields its action sets; the rest stay null.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssessmentAction>))]
public enum AssessmentAction
{
    /// <summary>The first alert of a notice to a company opened the assessment (state <c>new</c>, default due date).</summary>
    [JsonStringEnumMemberName("opened")] Opened,

    /// <summary>A later alert of the same notice (an amendment) joined the assessment.</summary>
    [JsonStringEnumMemberName("alert-added")] AlertAdded,

    [JsonStringEnumMemberName("assigned")] Assigned,

    [JsonStringEnumMemberName("state-changed")] StateChanged,

    [JsonStringEnumMemberName("due-changed")] DueChanged,

    [JsonStringEnumMemberName("noted")] Noted,

    /// <summary>An escalation reminder was sent (to whom is in <see cref="AssessmentEvent.Note"/>).</summary>
    [JsonStringEnumMemberName("escalated")] Escalated,
}

/// <summary>
/// One append-only entry in an assessment's history. <see cref="Sequence"/> counts from 1 per (company, notice); the
/// store refuses a sequence that is already taken, so two writers cannot both append event 3, and a retried append of
/// the same content is recognised by <see cref="EventId"/> (a hash of company, notice and sequence) instead of doubled.
/// </summary>
public sealed record AssessmentEvent
{
    public required string CompanyId { get; init; }

    public required string NoticeKey { get; init; }

    public required int Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required AssessmentAction Action { get; init; }

    /// <summary>Who acted: a recipient's e-mail address, an API caller's name, or <c>alerts</c> for the system.</summary>
    public required string Actor { get; init; }

    public required AssessmentChannel Channel { get; init; }

    /// <summary>The state after this event (set on <see cref="AssessmentAction.Opened"/> and <see cref="AssessmentAction.StateChanged"/>).</summary>
    public AssessmentState? State { get; init; }

    public string? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public string? Note { get; init; }

    /// <summary>The alert this event came with (opened, alert-added) or was acted on from (a link in its e-mail).</summary>
    public string? AlertId { get; init; }

    /// <summary>The id of the signed link that made this event, so a replayed link is refused (at most one event per link).</summary>
    public string? LinkId { get; init; }

    /// <summary>What matched for this company when the assessment was opened: goods, codes, counterparties, destinations.</summary>
    public IReadOnlyList<string> AffectedItems { get; init; } = [];

    public string EventId => ContentHash.Short(CompanyId, NoticeKey, Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>An assessment as its events fold: the current state, owner, due date and note, with the full history.</summary>
public sealed record Assessment
{
    public required string CompanyId { get; init; }

    public required string NoticeKey { get; init; }

    public required AssessmentState State { get; init; }

    public string? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<string> AlertIds { get; init; } = [];

    public IReadOnlyList<string> AffectedItems { get; init; } = [];

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<AssessmentEvent> Events { get; init; } = [];

    /// <summary>Folds the events of one (company, notice), oldest first, into its current form; null when there are none.</summary>
    public static Assessment? Fold(IReadOnlyList<AssessmentEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return null;
        }

        var ordered = events.OrderBy(e => e.Sequence).ToList();
        var first = ordered[0];
        var state = AssessmentState.New;
        string? owner = null, note = null;
        DateOnly? due = null;
        var alerts = new List<string>();
        var affected = new List<string>();
        foreach (var e in ordered)
        {
            state = e.State ?? state;
            owner = e.Action == AssessmentAction.Assigned ? e.Owner : owner;
            due = e.Action is AssessmentAction.Opened or AssessmentAction.DueChanged ? e.Due ?? due : due;
            note = e.Action == AssessmentAction.Noted ? e.Note : note;
            if (e.AlertId is { } alertId && e.Action is AssessmentAction.Opened or AssessmentAction.AlertAdded && !alerts.Contains(alertId, StringComparer.Ordinal))
            {
                alerts.Add(alertId);
            }

            affected.AddRange(e.AffectedItems.Where(item => !affected.Contains(item, StringComparer.Ordinal)));
        }

        return new Assessment
        {
            CompanyId = first.CompanyId,
            NoticeKey = first.NoticeKey,
            State = state,
            Owner = owner,
            Due = due,
            Note = note,
            AlertIds = alerts,
            AffectedItems = affected,
            OpenedAt = first.At,
            Events = ordered,
        };
    }
}

/// <summary>The events were appended by someone else first (the sequence is taken): read again and retry.</summary>
public sealed class AssessmentConflictException(string message) : Exception(message);

/// <summary>
/// Append-only assessment histories: SQLite when embedded, Table storage in Azure. Nothing is updated or deleted.
/// </summary>
public interface IAssessmentStore
{
    /// <summary>
    /// Appends <paramref name="assessmentEvent"/>. Appending the same event again (same <see cref="AssessmentEvent.EventId"/>
    /// and content) is a no-op; a different event at a taken sequence, or a second event carrying the same
    /// <see cref="AssessmentEvent.LinkId"/>, throws <see cref="AssessmentConflictException"/>.
    /// </summary>
    Task AppendAsync(AssessmentEvent assessmentEvent, CancellationToken cancellationToken);

    /// <summary>The events of one (company, notice), oldest first; empty when it has none.</summary>
    Task<IReadOnlyList<AssessmentEvent>> ListEventsAsync(string companyId, string noticeKey, CancellationToken cancellationToken);

    /// <summary>Every assessment of a company, folded.</summary>
    Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken);

    /// <summary>Every assessment of every company that is not done or not applicable (for escalation), folded.</summary>
    Task<IReadOnlyList<Assessment>> ListOpenAsync(CancellationToken cancellationToken);
}
