using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure;

/// <summary>Which adapters back the ports.</summary>
public enum HostingMode
{
    /// <summary>One machine: SQLite, the durable local bus on SQLite, an outbox folder.</summary>
    Embedded,

    /// <summary>Azure: Table storage (+ Blob for long texts), Service Bus, SendGrid, Teams.</summary>
    Azure,
}

/// <summary>
/// Section <c>Hosting</c>:
/// <code>{ "Hosting": { "Mode": "Embedded", "DataDirectory": ".alerts" } }</code>
/// </summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Embedded mode: the folder holding <c>alerts.db</c> and the outbox.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".alerts";

    public string DatabasePath => Path.Combine(DataDirectory, "alerts.db");

    public string OutboxDirectory => Path.Combine(DataDirectory, "outbox");
}
