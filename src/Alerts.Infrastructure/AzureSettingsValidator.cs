using Alerts.Core.Delivery;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Tables;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure;

/// <summary>
/// What Azure mode needs and the one-machine defaults get wrong (issue 14): a SendGrid key and sender (the outbox
/// folder of an instance is read by no one), a public dashboard origin (not 127.0.0.1), and storage endpoints. Each
/// failure names the setting by its configuration path.
/// </summary>
internal sealed class AzureSettingsValidator :
    IValidateOptions<SendGridOptions>,
    IValidateOptions<DeliveryOptions>,
    IValidateOptions<TableStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsConfigured)
        {
            // A key without a sender is reported by SendGridOptions itself, in every mode.
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>
        {
            "SendGrid:ApiKey: required in Azure mode (without it e-mail goes to an outbox folder no one reads); set SendGrid__ApiKey, a Key Vault reference.",
        };
        if (string.IsNullOrWhiteSpace(options.FromEmail))
        {
            errors.Add("SendGrid:FromEmail: required in Azure mode: the sender address verified in SendGrid (SendGrid answers 403 for any other).");
        }

        return ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Unset: an explicit loopback origin stays allowed (func start on a developer's machine).
        return string.Equals(options.PublicBaseUrl, DeliveryOptions.DefaultPublicBaseUrl, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail(
                $"Delivery:PublicBaseUrl: required in Azure mode: unset, every link in e-mails and cards points at {DeliveryOptions.DefaultPublicBaseUrl}; set Delivery__PublicBaseUrl to the dashboard's public origin.")
            : ValidateOptionsResult.Success;
    }

    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (options.TableServiceUri is null)
        {
            errors.Add("Storage:TableServiceUri: required in Azure mode unless Storage:ConnectionString is set.");
        }

        if (options.BlobServiceUri is null)
        {
            errors.Add("Storage:BlobServiceUri: required in Azure mode unless Storage:ConnectionString is set.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
