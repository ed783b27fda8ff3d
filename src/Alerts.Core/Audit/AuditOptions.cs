using System.ComponentModel.DataAnnotations;
using NCrontab;

namespace Alerts.Core.Audit;

/// <summary>
/// Section <c>Audit</c>: how long the page archive keeps what it fetched and, in Azure, when it is pruned.
/// <code>{ "Audit": { "RetentionDays": 2557, "PruneSchedule": "0 30 3 * * *" } }</code>
/// </summary>
public sealed class AuditOptions : IValidatableObject
{
    public const string SectionName = "Audit";

    /// <summary>7 years (2557 days), the usual export-control record-keeping horizon; bytes last kept earlier are pruned.</summary>
    public const int DefaultRetentionDays = 2557;

    /// <summary>Daily at 03:30 UTC: a quiet hour for the ministries' sites, so the pass does not compete with polls.</summary>
    public const string DefaultPruneSchedule = "0 30 3 * * *";

    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = DefaultRetentionDays;

    /// <summary>
    /// Azure only: NCRONTAB with seconds (UTC) of the prune timer (<c>%Audit__PruneSchedule%</c>); <c>alerts run</c>
    /// prunes at start and then daily. Daily is plenty for a retention counted in years.
    /// </summary>
    public string PruneSchedule { get; set; } = DefaultPruneSchedule;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(PruneSchedule) || CrontabSchedule.TryParse(PruneSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return new ValidationResult($"'{PruneSchedule}' is not NCRONTAB with seconds (e.g. '{DefaultPruneSchedule}').", [nameof(PruneSchedule)]);
        }
    }
}
