using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.Teams;

public enum TeamsMode
{
    /// <summary>Outbox when embedded, webhooks in Azure.</summary>
    Auto,
    Webhook,
    Outbox,
}

/// <summary>
/// Section <c>Teams</c>:
/// <code>{ "Teams": { "Mode": "Auto", "MinInterval": "00:00:01", "MaxAttempts": 4 } }</code>
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    public TeamsMode Mode { get; set; } = TeamsMode.Auto;

    /// <summary>About one request per second per webhook URL (azure-notes §5: old connectors throttled at 4 rps).</summary>
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool UsesOutbox(HostingMode hosting) => Mode == TeamsMode.Outbox || (Mode == TeamsMode.Auto && hosting == HostingMode.Embedded);
}
