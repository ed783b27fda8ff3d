using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Core.Api;

/// <summary>Collects validation errors by field path (<c>recipients[1].email</c>), so a problem names each field.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// Checks what a company sends before anything is stored: the size caps of the API and field paths for problem+json,
/// with the product's one set of field rules (<see cref="CompanyValidator"/>: ids, e-mail, time zones, HS and control
/// codes, destinations) and Teams webhook URLs resolved against the SSRF rules (<see cref="WebhookUrlValidator"/>).
/// </summary>
public sealed class CompanyRequestValidator(ITaxonomyReader taxonomy, WebhookUrlValidator webhooks)
{
    public const int MaxNameLength = 200;
    public const int MaxListItems = 500;
    public const int MaxTermLength = 200;
    public const int MaxRecipients = 100;
    public const int MaxWebhooks = 20;

    // JSON "teams": null would be stored as a null list and fail everything that reads the company later.
    private const string NullList = "must not be null (use [] for none)";

    public static bool IsValidCompanyId(string? id) => CompanyValidator.IsCompanyId(id);

    public async Task ValidateAsync(Company company, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(errors);
        if (!IsValidCompanyId(company.Id))
        {
            errors.Add("id", "must be 1–64 characters: lower-case letters, digits and '-', starting with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(company.Name))
        {
            errors.Add("name", "is required");
        }
        else if (company.Name.Length > MaxNameLength)
        {
            errors.Add("name", $"is longer than {MaxNameLength} characters");
        }

        ValidateWatch(company.Watch, "watch.", errors);
        ValidateRecipients(company.Recipients, "recipients", errors);
        await ValidateTeamsAsync(company.Teams, "teams", errors, cancellationToken).ConfigureAwait(false);
    }

    public void ValidateWatch(WatchProfile? watch, string prefix, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (watch is null)
        {
            errors.Add(prefix.TrimEnd('.') is { Length: > 0 } p ? p : "body", "is required");
            return;
        }

        ValidateList(watch.Categories, prefix + "categories", errors, (value, field) =>
        {
            if (!taxonomy.Contains(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not a category id of the taxonomy (GET /api/taxonomy)");
            }
        });
        ValidateList(watch.Terms, prefix + "terms", errors, (value, field) =>
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "must not be empty");
            }
        });
        ValidateList(watch.HsCodes, prefix + "hsCodes", errors, (value, field) =>
        {
            if (!CompanyValidator.IsHsCode(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not an HS code (4–10 digits, dots and spaces allowed: 2805.30, 280530, 2805301910)");
            }
        });
        ValidateList(watch.ControlCodes, prefix + "controlCodes", errors, (value, field) =>
        {
            if (!CompanyValidator.IsControlCode(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not a control-list code (digit, category letter A–E, three digits, optional sub-items: 1C902, 1C902.a)");
            }
        });
        ValidateList(watch.Destinations, prefix + "destinations", errors, (value, field) =>
        {
            if (!CompanyValidator.IsDestination(value))
            {
                errors.Add(field, $"'{DisplayText.Clip(value, 60)}' is not an ISO 3166-1 alpha-2 code (JP, CN, US) or EU");
            }
        });

        var counterparties = watch.Counterparties;
        if (counterparties is null)
        {
            errors.Add(prefix + "counterparties", NullList);
            return;
        }

        if (counterparties.Count > MaxListItems)
        {
            errors.Add(prefix + "counterparties", $"has more than {MaxListItems} items");
        }

        for (var i = 0; i < Math.Min(counterparties.Count, MaxListItems); i++)
        {
            var field = $"{prefix}counterparties[{i}]";
            var party = counterparties[i];
            if (party is null || string.IsNullOrWhiteSpace(party.Name))
            {
                errors.Add(field + ".name", "is required");
                continue;
            }

            if (party.Name.Length > MaxTermLength)
            {
                errors.Add(field + ".name", $"is longer than {MaxTermLength} characters");
            }

            if ((party.Aliases?.Count ?? 0) > 50)
            {
                errors.Add(field + ".aliases", "has more than 50 items");
            }
            else if (party.Aliases?.Any(a => string.IsNullOrWhiteSpace(a) || a.Length > MaxTermLength) == true)
            {
                errors.Add(field + ".aliases", $"each alias must be 1–{MaxTermLength} characters");
            }
        }
    }

    public static void ValidateRecipients(IReadOnlyList<Recipient>? recipients, string path, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (recipients is null)
        {
            errors.Add(path, NullList);
            return;
        }

        if (recipients.Count > MaxRecipients)
        {
            errors.Add(path, $"has more than {MaxRecipients} items");
            return;
        }

        for (var i = 0; i < recipients.Count; i++)
        {
            var field = $"{path}[{i}]";
            var recipient = recipients[i];
            if (recipient is null)
            {
                errors.Add(field, "must not be null");
                continue;
            }

            if (!IsValidEmail(recipient.Email))
            {
                errors.Add(field + ".email", $"'{DisplayText.Clip(recipient.Email ?? "", 60)}' is not an e-mail address");
            }

            if (!CompanyValidator.IsTimeZone(recipient.TimeZone))
            {
                errors.Add(field + ".timeZone", $"'{DisplayText.Clip(recipient.TimeZone ?? "", 60)}' is not an IANA time zone (Asia/Tokyo)");
            }

            if (recipient.Hour is < 0 or > 23)
            {
                errors.Add(field + ".hour", "must be 0–23");
            }

            if (!CompanyValidator.IsKnown(recipient.MinSeverity))
            {
                errors.Add(field + ".minSeverity", "must be low, medium, high or critical");
            }

            if (!CompanyValidator.IsKnown(recipient.Role))
            {
                errors.Add(field + ".role", "must be immediate or digest");
            }

            if (!CompanyValidator.IsKnown(recipient.Cadence))
            {
                errors.Add(field + ".cadence", "must be daily or weekly");
            }
        }
    }

    public async Task ValidateTeamsAsync(IReadOnlyList<TeamsWebhook>? hooks, string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (hooks is null)
        {
            errors.Add(path, NullList);
            return;
        }

        if (hooks.Count > MaxWebhooks)
        {
            errors.Add(path, $"has more than {MaxWebhooks} items");
            return;
        }

        for (var i = 0; i < hooks.Count; i++)
        {
            var field = $"{path}[{i}].webhookUrl";
            var verdict = await webhooks.ValidateAsync(hooks[i]?.WebhookUrl, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsAllowed)
            {
                errors.Add(field, verdict.Error!);
            }

            if (hooks[i] is { } hook && !CompanyValidator.IsKnown(hook.MinSeverity))
            {
                errors.Add($"{path}[{i}].minSeverity", "must be low, medium, high or critical");
            }
        }
    }

    /// <summary>The one e-mail rule of the product (<see cref="CompanyValidator.IsEmail"/>).</summary>
    public static bool IsValidEmail(string? email) => CompanyValidator.IsEmail(email);

    private static void ValidateList(IReadOnlyList<string>? values, string path, ValidationErrors errors, Action<string, string> check)
    {
        if (values is null)
        {
            errors.Add(path, NullList);
            return;
        }

        if (values.Count > MaxListItems)
        {
            errors.Add(path, $"has more than {MaxListItems} items");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var field = $"{path}[{i}]";
            var value = values[i];
            if (value is null)
            {
                errors.Add(field, "must not be null");
            }
            else if (value.Length > MaxTermLength)
            {
                errors.Add(field, $"is longer than {MaxTermLength} characters");
            }
            else
            {
                check(value, field);
            }
        }
    }
}
