using Alerts.Core.Alerts;

namespace Alerts.Core.Assessments;

/// <summary>
/// One change asked of an assessment, from any door (API, CLI, a signed link, the dashboard). Only the fields set are
/// changed; each becomes its own event (assigned, state-changed, due-changed, noted), in that order.
/// </summary>
public sealed record AssessmentCommand(string CompanyId, string NoticeKey, string Actor, AssessmentChannel Channel)
{
    public AssessmentState? State { get; init; }

    /// <summary>The new owner: an e-mail address of one of the company's recipients.</summary>
    public string? Owner { get; init; }

    public DateOnly? Due { get; init; }

    public string? Note { get; init; }

    /// <summary>The alert the actor acted from (the e-mail or card that carried the link).</summary>
    public string? AlertId { get; init; }

    /// <summary>The signed link's id: an action link acts once (a second use is refused as <see cref="AssessmentOutcome.Replayed"/>).</summary>
    public string? LinkId { get; init; }
}

public enum AssessmentOutcome
{
    Applied,

    /// <summary>No assessment of that notice for that company (or the company is not the caller's).</summary>
    NotFound,

    /// <summary>The command breaks a rule (a transition not allowed, an owner who is not a recipient): see the message.</summary>
    Invalid,

    /// <summary>The link that carried the command was used before; nothing changed.</summary>
    Replayed,
}

public sealed record AssessmentResult(AssessmentOutcome Outcome, Assessment? Assessment = null, string? Message = null);

/// <summary>The assessment workflow every door calls (issue 19).</summary>
public interface IAssessmentService
{
    /// <summary>
    /// Opens an assessment for each (company, notice) of <paramref name="alerts"/> that has none (state <c>new</c>, a due
    /// date from the measure), and records a later alert of the same notice on the open one. Idempotent.
    /// </summary>
    Task OpenAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);

    Task<Assessment?> GetAsync(string companyId, string noticeKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken);

    Task<AssessmentResult> ApplyAsync(AssessmentCommand command, CancellationToken cancellationToken);
}
