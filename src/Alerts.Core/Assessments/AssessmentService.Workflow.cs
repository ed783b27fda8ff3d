using Alerts.Core.Alerts;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Assessments;

/// <summary>
/// The assessment workflow over <see cref="IAssessmentStore"/>: every change is appended as events at the next sequence;
/// a conflict (someone else appended first) reads the history again and re-validates before retrying.
/// </summary>
public sealed class AssessmentService(IAssessmentStore store, ICompanyStore companies, TimeProvider clock, IOptions<AssessmentOptions> options) : IAssessmentService
{
    private const int MaxAttempts = 5;
    private const string SystemActor = "alerts";

    public async Task OpenAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        foreach (var alert in alerts)
        {
            await RetryAsync(alert.CompanyId, alert.NoticeKey, existing => OpenEvents(existing, alert), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Assessment?> GetAsync(string companyId, string noticeKey, CancellationToken cancellationToken) =>
        Assessment.Fold(await store.ListEventsAsync(companyId, noticeKey, cancellationToken).ConfigureAwait(false));

    public Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) =>
        store.ListAsync(companyId, cancellationToken);

    public async Task<AssessmentResult> ApplyAsync(AssessmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Company? company = null;
        if (command.Owner is not null)
        {
            company = await companies.GetAsync(command.CompanyId, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var history = await store.ListEventsAsync(command.CompanyId, command.NoticeKey, cancellationToken).ConfigureAwait(false);
            var current = Assessment.Fold(history);
            if (current is null)
            {
                return new AssessmentResult(AssessmentOutcome.NotFound, Message: $"No assessment of '{DisplayText.Clip(command.NoticeKey, 80)}' for this company.");
            }

            if (command.LinkId is { } link && history.Any(e => string.Equals(e.LinkId, link, StringComparison.Ordinal)))
            {
                return new AssessmentResult(AssessmentOutcome.Replayed, current, "This link was used before; nothing changed.");
            }

            var (events, problem) = Plan(current, command, company);
            if (problem is not null)
            {
                return new AssessmentResult(AssessmentOutcome.Invalid, current, problem);
            }

            try
            {
                foreach (var e in events)
                {
                    await store.AppendAsync(e, cancellationToken).ConfigureAwait(false);
                }

                return new AssessmentResult(AssessmentOutcome.Applied, await GetAsync(command.CompanyId, command.NoticeKey, cancellationToken).ConfigureAwait(false));
            }
            catch (AssessmentConflictException) when (attempt < MaxAttempts)
            {
                // Someone appended first: read again, so the transition is checked against the state that won.
            }
            catch (AssessmentConflictException) when (command.LinkId is not null)
            {
                return new AssessmentResult(AssessmentOutcome.Replayed, current, "This link was used before; nothing changed.");
            }
        }
    }

    private (List<AssessmentEvent> Events, string? Problem) Plan(Assessment current, AssessmentCommand command, Company? company)
    {
        var events = new List<AssessmentEvent>();
        var next = current.Events[^1].Sequence + 1;
        var now = clock.GetUtcNow();
        AssessmentEvent Event(AssessmentAction action) => new()
        {
            CompanyId = command.CompanyId,
            NoticeKey = command.NoticeKey,
            Sequence = next++,
            At = now,
            Action = action,
            Actor = command.Actor,
            Channel = command.Channel,
            AlertId = command.AlertId,

            // One event per link: the first carries its id, so the store refuses any second use.
            LinkId = events.Count == 0 ? command.LinkId : null,
        };

        if (command.Owner is { } owner)
        {
            if (company is null || !company.Recipients.Any(r => string.Equals(r.Email, owner, StringComparison.OrdinalIgnoreCase)))
            {
                return ([], $"The owner '{DisplayText.Clip(owner, 80)}' is not a recipient of this company.");
            }

            var email = company.Recipients.First(r => string.Equals(r.Email, owner, StringComparison.OrdinalIgnoreCase)).Email;
            if (!string.Equals(email, current.Owner, StringComparison.Ordinal))
            {
                events.Add(Event(AssessmentAction.Assigned) with { Owner = email });

                // Someone took it: a new assessment that gets an owner (the "Assign to me" link above all) is in review,
                // unless the same command decides its state.
                if (current.State == AssessmentState.New && command.State is null)
                {
                    events.Add(Event(AssessmentAction.StateChanged) with { State = AssessmentState.InReview });
                }
            }
        }

        if (command.State is { } state && state != current.State)
        {
            if (!AssessmentTransitions.IsAllowed(current.State, state))
            {
                return ([], $"An assessment cannot move from {current.State.WireName()} to {state.WireName()}.");
            }

            events.Add(Event(AssessmentAction.StateChanged) with { State = state });
        }

        if (command.Due is { } due && due != current.Due)
        {
            events.Add(Event(AssessmentAction.DueChanged) with { Due = due });
        }

        if (command.Note is { } note)
        {
            if (note.Length > 4000)
            {
                return ([], "The note is longer than 4000 characters.");
            }

            events.Add(Event(AssessmentAction.Noted) with { Note = note });
        }

        return events.Count == 0 && command.State is null && command.Owner is null && command.Due is null
            ? ([], "Nothing to change: give a state, owner, due date or note.")
            : (events, null);
    }

    private IReadOnlyList<AssessmentEvent> OpenEvents(IReadOnlyList<AssessmentEvent> existing, Alert alert)
    {
        if (existing.Any(e => string.Equals(e.AlertId, alert.AlertId, StringComparison.Ordinal) && e.Action is AssessmentAction.Opened or AssessmentAction.AlertAdded))
        {
            return []; // a redelivered change: this alert is already on the assessment
        }

        var now = clock.GetUtcNow();
        var opening = existing.Count == 0;
        return
        [
            new AssessmentEvent
            {
                CompanyId = alert.CompanyId,
                NoticeKey = alert.NoticeKey,
                Sequence = existing.Count == 0 ? 1 : existing.Max(e => e.Sequence) + 1,
                At = now,
                Action = opening ? AssessmentAction.Opened : AssessmentAction.AlertAdded,
                Actor = SystemActor,
                Channel = AssessmentChannel.System,
                State = opening ? AssessmentState.New : null,
                Due = opening ? DefaultDue(alert, now) : null,
                AlertId = alert.AlertId,
                AffectedItems = AffectedItems(alert),
            },
        ];
    }

    /// <summary>
    /// From the measure: a window's end when the notice sets one still ahead (a suspension: the company must be ready
    /// before the controls apply again), else the effective date when it is still ahead, else N days from opening.
    /// </summary>
    private DateOnly DefaultDue(Alert alert, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return alert switch
        {
            { WindowEnds: { } ends } when ends > today => ends,
            { Effective: { } effective } when effective > today => effective,
            _ => today.AddDays(options.Value.DefaultDueDays),
        };
    }

    private static List<string> AffectedItems(Alert alert) =>
        alert.Reasons.Select(r => $"{r.Kind.WireName()}: {r.Value}").Distinct(StringComparer.Ordinal).ToList();

    private async Task RetryAsync(string companyId, string noticeKey, Func<IReadOnlyList<AssessmentEvent>, IReadOnlyList<AssessmentEvent>> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await store.ListEventsAsync(companyId, noticeKey, cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var e in plan(existing))
                {
                    await store.AppendAsync(e, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (AssessmentConflictException) when (attempt < MaxAttempts)
            {
                // Another writer took the sequence: plan again over what it wrote.
            }
        }
    }
}
