using Alerts.Core.Alerts;
using Alerts.Core.Assessments;

namespace Alerts.Testing;

/// <summary>
/// A small stand-in for the assessment workflow, for tests of the doors that call it (links, dashboard, digest): it
/// opens on the first alert (due = the notice's effective date), applies owner and state changes as events, and refuses
/// a link id it has seen as <see cref="AssessmentOutcome.Replayed"/>. It checks no transition rules; the real service does.
/// </summary>
public sealed class InMemoryAssessmentService(TimeProvider clock) : IAssessmentService
{
    private readonly Dictionary<(string Company, string Notice), List<AssessmentEvent>> _events = [];

    public List<AssessmentCommand> Applied { get; } = [];

    public Task OpenAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            var key = (alert.CompanyId, alert.NoticeKey);
            if (!_events.TryGetValue(key, out var list))
            {
                _events[key] = [Event(alert.CompanyId, alert.NoticeKey, 1, AssessmentAction.Opened, "alerts", AssessmentChannel.System) with
                {
                    State = AssessmentState.New, Due = alert.Effective, AlertId = alert.AlertId,
                }];
            }
            else if (!list.Any(e => e.AlertId == alert.AlertId))
            {
                list.Add(Event(alert.CompanyId, alert.NoticeKey, list.Count + 1, AssessmentAction.AlertAdded, "alerts", AssessmentChannel.System) with { AlertId = alert.AlertId });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Adds events as they are (a history a test sets up: states, owners, due dates, decisions at given times).</summary>
    public void Seed(params AssessmentEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            var key = (e.CompanyId, e.NoticeKey);
            if (!_events.TryGetValue(key, out var list))
            {
                _events[key] = list = [];
            }

            list.Add(e);
        }
    }

    public Task<Assessment?> GetAsync(string companyId, string noticeKey, CancellationToken cancellationToken) =>
        Task.FromResult(_events.TryGetValue((companyId, noticeKey), out var list) ? Assessment.Fold(list) : null);

    public Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Assessment>>([.. _events.Where(p => p.Key.Company == companyId).Select(p => Assessment.Fold(p.Value)!)]);

    public Task<AssessmentResult> ApplyAsync(AssessmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!_events.TryGetValue((command.CompanyId, command.NoticeKey), out var list))
        {
            return Task.FromResult(new AssessmentResult(AssessmentOutcome.NotFound));
        }

        if (command.LinkId is { } linkId && _events.Values.SelectMany(e => e).Any(e => e.LinkId == linkId))
        {
            return Task.FromResult(new AssessmentResult(AssessmentOutcome.Replayed, Assessment.Fold(list)));
        }

        Applied.Add(command);
        var linkUsed = false;
        void Add(AssessmentAction action, Func<AssessmentEvent, AssessmentEvent> set)
        {
            var e = set(Event(command.CompanyId, command.NoticeKey, list.Count + 1, action, command.Actor, command.Channel) with { AlertId = command.AlertId });
            list.Add(linkUsed ? e : e with { LinkId = command.LinkId });
            linkUsed = true;
        }

        if (command.Owner is { } owner)
        {
            Add(AssessmentAction.Assigned, e => e with { Owner = owner });
        }

        if (command.State is { } state)
        {
            Add(AssessmentAction.StateChanged, e => e with { State = state });
        }

        if (command.Due is { } due)
        {
            Add(AssessmentAction.DueChanged, e => e with { Due = due });
        }

        if (command.Note is { } note)
        {
            Add(AssessmentAction.Noted, e => e with { Note = note });
        }

        return Task.FromResult(new AssessmentResult(AssessmentOutcome.Applied, Assessment.Fold(list)));
    }

    private AssessmentEvent Event(string company, string notice, int sequence, AssessmentAction action, string actor, AssessmentChannel channel) => new()
    {
        CompanyId = company,
        NoticeKey = notice,
        Sequence = sequence,
        At = clock.GetUtcNow(),
        Action = action,
        Actor = actor,
        Channel = channel,
    };
}
