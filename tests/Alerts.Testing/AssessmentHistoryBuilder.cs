using Alerts.Core.Assessments;

namespace Alerts.Testing;

/// <summary>
/// Builds one assessment's history as the workflow would append it: opened by the system, then state changes,
/// assignments and notes at given times (a state change with a note is two events at the same instant, as one command makes).
/// </summary>
public sealed class AssessmentHistoryBuilder(string noticeKey, string companyId = "acme-trading")
{
    private readonly List<AssessmentEvent> _events = [];

    public AssessmentHistoryBuilder Opened(DateTimeOffset at, DateOnly? due, string? alertId = null) =>
        Add(at, AssessmentAction.Opened, "alerts", e => e with { State = AssessmentState.New, Due = due, AlertId = alertId, Channel = AssessmentChannel.System });

    public AssessmentHistoryBuilder Assigned(DateTimeOffset at, string owner, string? actor = null) =>
        Add(at, AssessmentAction.Assigned, actor ?? owner, e => e with { Owner = owner });

    public AssessmentHistoryBuilder Changed(DateTimeOffset at, AssessmentState state, string actor, string? note = null)
    {
        Add(at, AssessmentAction.StateChanged, actor, e => e with { State = state });
        return note is null ? this : Add(at, AssessmentAction.Noted, actor, e => e with { Note = note });
    }

    public AssessmentEvent[] Build() => [.. _events];

    private AssessmentHistoryBuilder Add(DateTimeOffset at, AssessmentAction action, string actor, Func<AssessmentEvent, AssessmentEvent> set)
    {
        _events.Add(set(new AssessmentEvent
        {
            CompanyId = companyId,
            NoticeKey = noticeKey,
            Sequence = _events.Count + 1,
            At = at,
            Action = action,
            Actor = actor,
            Channel = AssessmentChannel.Api,
        }));
        return this;
    }
}
