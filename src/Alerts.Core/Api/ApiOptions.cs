using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Api;

/// <summary>
/// Section <c>Api</c>:
/// <code>{ "Api": { "AdminKey": "…", "MaxBodyBytes": 262144, "AllowLoopbackWebhooks": false } }</code>
/// <c>AdminKey</c> comes from the environment (<c>Api__AdminKey</c>) or Key Vault, never from a committed file.
/// </summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>The ops key. When empty, the embedded host generates one on first start and stores only its hash.</summary>
    public string? AdminKey { get; set; }

    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Lets <c>http://127.0.0.1</c> webhooks through, for tests and the local demo only (a fake Teams on loopback).
    /// Never set it in Azure.
    /// </summary>
    public bool AllowLoopbackWebhooks { get; set; }

    /// <summary>Prefix of the dashboard pages' links: empty for <c>alerts run</c>; <c>/api/ui</c> in the Functions app (its routes sit under <c>/api</c>).</summary>
    [RegularExpression("^(/[A-Za-z0-9_-]+)*$")]
    public string DashboardBasePath { get; set; } = "";
}
