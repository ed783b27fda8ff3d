using Microsoft.Extensions.Options;

namespace Alerts.Core.Assessments;

/// <summary>
/// Section <c>Assessments</c>:
/// <code>{ "Assessments": { "LinkSigningKey": "&lt;base64, 32 bytes or more&gt;", "PreviousLinkSigningKeys": [], "LinkLifetime": "14.00:00:00", "DefaultDueDays": 14 } }</code>
/// In Azure the key is a Key Vault reference (infra/main.bicep); <c>alerts run</c> and <c>alerts demo</c> create a key
/// file in the data folder once when none is configured.
/// </summary>
public sealed class AssessmentOptions
{
    public const string SectionName = "Assessments";

    /// <summary>The fewest key bytes accepted: HMAC-SHA256 gains nothing past 64 and is weakened below 32.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Signs new action links and verifies them (base64).</summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>
    /// Keys that verify links but no longer sign new ones: after a rotation, links already in inboxes keep working until
    /// they expire. Remove a key here to revoke every link it signed.
    /// </summary>
    public IList<string> PreviousLinkSigningKeys { get; } = [];

    /// <summary>How long an action link acts after its alert was raised.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Days from opening to the due date when the notice sets no future effective date (1–365).</summary>
    public int DefaultDueDays { get; set; } = 14;

    /// <summary>The key bytes of <paramref name="base64"/>, or null when it is not base64 of at least <see cref="MinimumKeyBytes"/>.</summary>
    public static byte[]? DecodeKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), buffer, out var written) && written >= MinimumKeyBytes ? buffer[..written] : null;
    }
}

/// <summary>The signing key is present and strong enough, a link lives between a minute and a year, a default due date lies 1–365 days out; named by path.</summary>
internal sealed class AssessmentOptionsValidator : IValidateOptions<AssessmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AssessmentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.LinkSigningKey))
        {
            errors.Add($"{AssessmentOptions.SectionName}:{nameof(AssessmentOptions.LinkSigningKey)}: is required (base64 of at least {AssessmentOptions.MinimumKeyBytes} random bytes, e.g. `openssl rand -base64 32`).");
        }
        else if (AssessmentOptions.DecodeKey(options.LinkSigningKey) is null)
        {
            // Never echo the value: it is a secret (or an unresolved Key Vault reference, which says where to look).
            errors.Add($"{AssessmentOptions.SectionName}:{nameof(AssessmentOptions.LinkSigningKey)}: is not base64 of at least {AssessmentOptions.MinimumKeyBytes} bytes (in Azure: check that its Key Vault reference resolves).");
        }

        for (var i = 0; i < options.PreviousLinkSigningKeys.Count; i++)
        {
            if (AssessmentOptions.DecodeKey(options.PreviousLinkSigningKeys[i]) is null)
            {
                errors.Add($"{AssessmentOptions.SectionName}:{nameof(AssessmentOptions.PreviousLinkSigningKeys)}:{i}: is not base64 of at least {AssessmentOptions.MinimumKeyBytes} bytes.");
            }
        }

        if (options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromDays(366))
        {
            errors.Add($"{AssessmentOptions.SectionName}:{nameof(AssessmentOptions.LinkLifetime)}: '{options.LinkLifetime}' must be between 00:01:00 and 366.00:00:00.");
        }

        if (options.DefaultDueDays is < 1 or > 365)
        {
            errors.Add($"{AssessmentOptions.SectionName}:{nameof(AssessmentOptions.DefaultDueDays)}: '{options.DefaultDueDays}' must be between 1 and 365.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
