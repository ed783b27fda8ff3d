using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Audit;

/// <summary>How long the page archive keeps what it fetched (<c>Audit:RetentionDays</c>).</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>7 years (2557 days), the usual export-control record-keeping horizon; bytes last kept earlier are pruned.</summary>
    public const int DefaultRetentionDays = 2557;

    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = DefaultRetentionDays;
}
