using System.Globalization;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Alerts.Core.Common.DisplayText;
using static Alerts.Core.Delivery.AlertEmailRenderer;

namespace Alerts.Core.Delivery;

public sealed record EscalationRunReport(int Sent, int Skipped, int Failed);

public interface IEscalationService
{
    /// <summary>Run on a schedule (hourly is enough): sends each escalation step that is due and not yet sent, once per recipient.</summary>
    Task<EscalationRunReport> RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Escalation of open assessments (issue 19). Two rules start it: an assessment still <c>new</c>
/// <see cref="CriticalNewAfter"/> after a critical alert joined it, and an open assessment <see cref="DueSoonDays"/>
/// days before its due date. Step 1 tells its owner (or, with none, the company's immediate recipients); step 2, when
/// nobody moved it <see cref="SecondStepAfter"/> after step 1, the company's escalation recipients. Each send has a
/// content id (company, notice, rule, step, recipient) checked in and recorded to the delivery ledger, so it goes once
/// however often the timer runs and across restarts; a step whose sends all reached a final outcome appends one
/// <see cref="AssessmentAction.Escalated"/> event, which is also what step 2 counts from.
/// </summary>
public sealed partial class EscalationService(
    IAssessmentStore assessments,
    IAlertStore alerts,
    ICompanyStore companies,
    IDeliveryLedger ledger,
    IEmailSender email,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<EscalationService> logger) : IEscalationService
{
    public static readonly TimeSpan CriticalNewAfter = TimeSpan.FromHours(24);

    public const int DueSoonDays = 3;

    public static readonly TimeSpan SecondStepAfter = TimeSpan.FromHours(24);

    public const string Actor = "alerts";

    public async Task<EscalationRunReport> RunAsync(CancellationToken cancellationToken)
    {
        int sent = 0, skipped = 0, failed = 0;
        IReadOnlyList<Assessment> open;
        Dictionary<string, Company> byId;
        try
        {
            open = await assessments.ListOpenAsync(cancellationToken).ConfigureAwait(false);
            byId = (await companies.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(logger, "*", ex);
            return new EscalationRunReport(0, 0, 1);
        }

        foreach (var assessment in open)
        {
            if (!byId.TryGetValue(assessment.CompanyId, out var company))
            {
                continue;
            }

            try
            {
                var current = assessment;
                foreach (var rule in await RulesAsync(assessment, cancellationToken).ConfigureAwait(false))
                {
                    var (s, k, f) = await EscalateAsync(company, current, rule, cancellationToken).ConfigureAwait(false);

                    // A step appends an event: the next rule appends after it, not at the same sequence.
                    current = Assessment.Fold(await assessments.ListEventsAsync(current.CompanyId, current.NoticeKey, cancellationToken).ConfigureAwait(false)) ?? current;
                    sent += s;
                    skipped += k;
                    failed += f;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRunFailed(logger, assessment.CompanyId, ex);
                failed++;
            }
        }

        return new EscalationRunReport(sent, skipped, failed);
    }

    /// <summary>One rule that holds for an assessment: its name (part of the content id) and when step 1 became due.</summary>
    private sealed record Rule(string Name, DateTimeOffset Since, string Why);

    private async Task<List<Rule>> RulesAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        var rules = new List<Rule>();
        if (assessment.State is AssessmentState.Done or AssessmentState.NotApplicable)
        {
            return rules;
        }

        if (assessment.State == AssessmentState.New && await FirstCriticalAsync(assessment, cancellationToken).ConfigureAwait(false) is { } critical)
        {
            rules.Add(new Rule("critical-new", critical + CriticalNewAfter, $"still new {CriticalNewAfter.TotalHours:0} h after a critical alert"));
        }

        if (assessment.Due is { } due)
        {
            // The due date's rule is named with the date: moving the due date starts it again for the new date.
            var since = new DateTimeOffset(due.AddDays(-DueSoonDays).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            rules.Add(new Rule("due-soon-" + due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), since, $"open {DueSoonDays} days before its due date {due:yyyy-MM-dd}"));
        }

        return rules;
    }

    /// <summary>When the first critical alert joined the assessment (opened it, or was added), or null when none is critical.</summary>
    private async Task<DateTimeOffset?> FirstCriticalAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        foreach (var e in assessment.Events.Where(e => e.AlertId is not null && e.Action is AssessmentAction.Opened or AssessmentAction.AlertAdded))
        {
            var alert = await alerts.GetAsync(e.AlertId!, cancellationToken).ConfigureAwait(false);
            if (alert?.Severity == Severity.Critical)
            {
                return e.At;
            }
        }

        return null;
    }

    private async Task<(int Sent, int Skipped, int Failed)> EscalateAsync(Company company, Assessment assessment, Rule rule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < rule.Since)
        {
            return (0, 0, 0);
        }

        var first = StepEvent(assessment, rule, 1);
        if (first is null)
        {
            var recipients = assessment.Owner is { Length: > 0 } owner
                ? [owner.Trim()]
                : company.Recipients.Where(r => r.Role == RecipientRole.Immediate).Select(r => r.Email.Trim()).DistinctBy(EmailAddresses.Normalize).ToList();
            return await StepAsync(company, assessment, rule, 1, recipients, cancellationToken).ConfigureAwait(false);
        }

        if (StepEvent(assessment, rule, 2) is not null || now < first.At + SecondStepAfter || Moved(assessment, first))
        {
            return (0, 0, 0);
        }

        var managers = company.Recipients.Where(r => r.Role == RecipientRole.Escalation).Select(r => r.Email.Trim()).DistinctBy(EmailAddresses.Normalize).ToList();
        return await StepAsync(company, assessment, rule, 2, managers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Someone acted on the assessment after <paramref name="since"/> (a new alert joining it is not acting).</summary>
    private static bool Moved(Assessment assessment, AssessmentEvent since) =>
        assessment.Events.Any(e => e.Sequence > since.Sequence && e.Action is AssessmentAction.Assigned or AssessmentAction.StateChanged or AssessmentAction.DueChanged or AssessmentAction.Noted);

    private static AssessmentEvent? StepEvent(Assessment assessment, Rule rule, int step) =>
        assessment.Events.FirstOrDefault(e => e.Action == AssessmentAction.Escalated && e.Note is { } note && note.StartsWith(NotePrefix(rule, step), StringComparison.Ordinal));

    // The event's note names the rule and step before who was told: step 2 finds step 1's time from it.
    private static string NotePrefix(Rule rule, int step) => $"{rule.Name} step {step.ToString(CultureInfo.InvariantCulture)}:";

    private async Task<(int Sent, int Skipped, int Failed)> StepAsync(Company company, Assessment assessment, Rule rule, int step, List<string> recipients, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            LogNobodyToTell(logger, company.Id, assessment.NoticeKey, rule.Name, step);
            return (0, 0, 0);
        }

        int sent = 0, skipped = 0, failed = 0;
        var final = true;
        foreach (var recipient in recipients)
        {
            var normalized = EmailAddresses.Normalize(recipient);
            var id = "escalation-" + ContentHash.Short(company.Id, assessment.NoticeKey, rule.Name, step.ToString(CultureInfo.InvariantCulture), normalized);
            if (await ledger.WasSentAsync(id, DeliveryChannel.Email, normalized, cancellationToken).ConfigureAwait(false))
            {
                skipped++;
                continue;
            }

            var subject = OneLine($"Assessment of {assessment.NoticeKey} for {company.Name}: {rule.Why}", 200);
            var message = new EmailMessage(EmailKind.Escalation, id, company.Id, "escalation", subject, Html(company, assessment, subject, step), Text(company, assessment, subject, step), [recipient]);
            var results = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var result = results.Count == 0 ? new SendResult(SendStatus.Retryable, "no result") : results[0].Result;
            await ledger.RecordSendAsync(id, DeliveryChannel.Email, normalized, result, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            switch (result.Status)
            {
                case SendStatus.Sent:
                    sent++;
                    LogEscalated(logger, company.Id, assessment.NoticeKey, rule.Name, step);
                    break;
                case SendStatus.Retryable:
                    final = false;
                    failed++;
                    LogNotSent(logger, company.Id, assessment.NoticeKey, result.Status, result.Detail);
                    break;
                default:
                    failed++;
                    LogNotSent(logger, company.Id, assessment.NoticeKey, result.Status, result.Detail);
                    break;
            }
        }

        // Only once every recipient's send is final: a retried one goes on the next run, and then the step is recorded.
        if (final)
        {
            var last = assessment.Events.Count == 0 ? 0 : assessment.Events.Max(e => e.Sequence);
            try
            {
                await assessments.AppendAsync(new AssessmentEvent
                {
                    CompanyId = company.Id,
                    NoticeKey = assessment.NoticeKey,
                    Sequence = last + 1,
                    At = time.GetUtcNow(),
                    Action = AssessmentAction.Escalated,
                    Actor = Actor,
                    Channel = AssessmentChannel.System,
                    Note = $"{NotePrefix(rule, step)} {string.Join(", ", recipients)}",
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (AssessmentConflictException ex)
            {
                // Someone acted meanwhile: the next run reads the new history, finds the sends in the ledger and records the step then.
                LogAppendConflict(logger, company.Id, assessment.NoticeKey, ex.Message);
            }
        }

        return (sent, skipped, failed);
    }

    private string Html(Company company, Assessment assessment, string subject, int step) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{H(subject)}</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">"
        + $"<p>{(step == 1 ? "Export-control assessment waiting" : "Escalation: export-control assessment not moved")} for {H(company.Name)}</p><p><b>{H(subject)}</b></p>"
        + $"<p style=\"color:#555\">State {H(assessment.State.WireName())}, owner {H(assessment.Owner ?? "none")}, due {H(assessment.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set")}.</p>"
        + $"<p><a href=\"{H(CompanyUrl(company))}\">Open assessments of {H(company.Name)}</a></p></body></html>";

    private string Text(Company company, Assessment assessment, string subject, int step) =>
        $"{(step == 1 ? "Export-control assessment waiting" : "Escalation: export-control assessment not moved")} for {company.Name}\n\n{subject}\n"
        + $"State {assessment.State.WireName()}, owner {assessment.Owner ?? "none"}, due {assessment.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set"}.\n\n"
        + $"Open assessments: {CompanyUrl(company)}\n";

    private string CompanyUrl(Company company) =>
        $"{delivery.Value.PublicBaseUrl.TrimEnd('/')}/companies/{Uri.EscapeDataString(company.Id)}/alerts";

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of {CompanyId} {NoticeKey} ({Rule}, step {Step}) sent")]
    private static partial void LogEscalated(ILogger logger, string companyId, string noticeKey, string rule, int step);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of {CompanyId} {NoticeKey} not sent: {Status} {Detail}")]
    private static partial void LogNotSent(ILogger logger, string companyId, string noticeKey, SendStatus status, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation of {CompanyId} {NoticeKey} ({Rule}, step {Step}) has nobody to tell")]
    private static partial void LogNobodyToTell(ILogger logger, string companyId, string noticeKey, string rule, int step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation event of {CompanyId} {NoticeKey} not appended now: {Detail}")]
    private static partial void LogAppendConflict(ILogger logger, string companyId, string noticeKey, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalations for {CompanyId} failed")]
    private static partial void LogRunFailed(ILogger logger, string companyId, Exception exception);
}
