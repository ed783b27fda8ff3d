using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.SendGrid;

/// <summary>
/// Section <c>SendGrid</c>. Without an API key, e-mail goes to the outbox folder as <c>.eml</c> files (embedded default).
/// <code>{ "SendGrid": { "ApiKey": "(Key Vault)", "FromEmail": "alerts@example.com", "SandboxMode": false } }</code>
/// </summary>
public sealed class SendGridOptions : IValidatableObject
{
    public const string SectionName = "SendGrid";

    public string? ApiKey { get; set; }

    /// <summary>API origin; tests point it at WireMock. EU data residency: https://api.eu.sendgrid.com.</summary>
    [Required]
    public string Host { get; set; } = "https://api.sendgrid.com";

    /// <summary>
    /// The sender, a domain or single sender verified in SendGrid (it answers 403 for any other). Required with an API
    /// key; the outbox uses <see cref="OutboxFromEmail"/> when unset.
    /// </summary>
    [EmailAddress]
    public string? FromEmail { get; set; }

    /// <summary>The From of <c>.eml</c> files in the outbox when <see cref="FromEmail"/> is unset.</summary>
    public const string OutboxFromEmail = "alerts@localhost";

    public string FromName { get; set; } = "Export-control alerts";

    /// <summary>Validated by SendGrid and never delivered (200 instead of 202).</summary>
    public bool SandboxMode { get; set; }

    /// <summary>Attempts per request on 429, 5xx and timeouts before the send is reported retryable.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Longest wait for one back-off; a longer X-RateLimit-Reset leaves the message for the bus to retry.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(FromEmail))
        {
            yield return new ValidationResult(
                "required when SendGrid:ApiKey is set: the sender address verified in SendGrid (SendGrid answers 403 for any other).",
                [nameof(FromEmail)]);
        }
    }
}
