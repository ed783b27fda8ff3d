namespace Alerts.Core.Assessments;

/// <summary>
/// One assessment without its history, as <c>GET /api/companies/{id}/assessments</c> lists it and
/// <c>alerts assess list --json</c> prints it (one object per line): <c>{"company","noticeKey","state","owner","due","alerts":[…]}</c>.
/// </summary>
public sealed record AssessmentLine(
    string Company,
    string NoticeKey,
    AssessmentState State,
    string? Owner,
    DateOnly? Due,
    IReadOnlyList<string> Alerts)
{
    public static AssessmentLine From(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new AssessmentLine(assessment.CompanyId, assessment.NoticeKey, assessment.State, assessment.Owner, assessment.Due, assessment.AlertIds);
    }

    /// <summary>Open ones first by due date (no date last), then the rest; ties by notice key, so the order is stable.</summary>
    public static IReadOnlyList<AssessmentLine> Ordered(IEnumerable<Assessment> assessments, AssessmentState? state) =>
        [.. assessments
            .Where(a => state is null || a.State == state)
            .OrderBy(a => a.State is AssessmentState.Done or AssessmentState.NotApplicable)
            .ThenBy(a => a.Due ?? DateOnly.MaxValue)
            .ThenBy(a => a.NoticeKey, StringComparer.Ordinal)
            .Select(From)];
}
