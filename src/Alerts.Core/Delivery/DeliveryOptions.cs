using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Delivery;

/// <summary>
/// Section <c>Delivery</c>:
/// <code>{ "Delivery": { "PublicBaseUrl": "https://alerts.example.com", "DrainBudget": "00:07:00" } }</code>
/// </summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Where the dashboard lives; a change's diff page is <c>{PublicBaseUrl}/changes/{changeId}</c>.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7070";

    /// <summary>How long one drain may run: about 70 % of host.json's functionTimeout (10 min), so settlement finishes in time.</summary>
    public TimeSpan DrainBudget { get; set; } = TimeSpan.FromMinutes(7);

    [Range(1, 100)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long one receive waits for a first message; an empty batch ends the drain.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(5);

    public string DiffUrl(string changeId) => $"{PublicBaseUrl.TrimEnd('/')}/changes/{Uri.EscapeDataString(changeId)}";
}

/// <summary>
/// Section <c>Digest</c>:
/// <code>{ "Digest": { "SendWhenEmpty": true, "TopItems": 10 } }</code>
/// </summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>An empty period still sends a one-line "nothing new" e-mail.</summary>
    public bool SendWhenEmpty { get; set; } = true;

    [Range(1, 100)]
    public int TopItems { get; set; } = 10;

    /// <summary>Effective dates within this many days ahead are listed as upcoming.</summary>
    [Range(1, 365)]
    public int UpcomingDays { get; set; } = 30;
}
