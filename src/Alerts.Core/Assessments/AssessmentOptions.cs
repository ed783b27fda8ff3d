using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Assessments;

/// <summary>Section <c>Assessments</c>: <code>{ "Assessments": { "DefaultDueDays": 14 } }</code></summary>
public sealed class AssessmentOptions
{
    public const string SectionName = "Assessments";

    /// <summary>Days from opening to the due date when the notice sets no future effective date.</summary>
    [Range(1, 365)]
    public int DefaultDueDays { get; set; } = 14;

    /// <summary>Azure only: NCRONTAB with seconds (UTC) of the escalation timer (<c>%Assessments__EscalationSchedule%</c>).</summary>
    public string? EscalationSchedule { get; set; }
}
