using Alerts.Core.Subscriptions;

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
/// The API's door to the one rule set (<see cref="CompanyValidator"/>: fields, size caps, paths for problem+json), with
/// Teams webhook URLs checked against the SSRF rules (<see cref="WebhookUrlValidator"/>: resolved, public addresses
/// only) instead of by shape alone.
/// </summary>
public sealed class CompanyRequestValidator(CompanyValidator rules, WebhookUrlValidator webhooks)
{
    public static bool IsValidCompanyId(string? id) => CompanyValidator.IsCompanyId(id);

    public async Task ValidateAsync(Company company, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(errors);
        Copy(rules.Validate(company, checkWebhookUrls: false), errors);
        await ValidateWebhookUrlsAsync(company.Teams, "teams", errors, cancellationToken).ConfigureAwait(false);
    }

    public void ValidateWatch(WatchProfile? watch, string prefix, ValidationErrors errors) => Copy(rules.ValidateWatch(watch, prefix), errors);

    public static void ValidateRecipients(IReadOnlyList<Recipient>? recipients, string path, ValidationErrors errors) =>
        Copy(CompanyValidator.ValidateRecipients(recipients, path), errors);

    public async Task ValidateTeamsAsync(IReadOnlyList<TeamsWebhook>? hooks, string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        Copy(CompanyValidator.ValidateTeams(hooks, path, checkUrls: false), errors);
        await ValidateWebhookUrlsAsync(hooks, path, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The one e-mail rule of the product (<see cref="CompanyValidator.IsEmail"/>).</summary>
    public static bool IsValidEmail(string? email) => CompanyValidator.IsEmail(email);

    private async Task ValidateWebhookUrlsAsync(IReadOnlyList<TeamsWebhook>? hooks, string path, ValidationErrors errors, CancellationToken cancellationToken)
    {
        // A null or oversized list is already refused by the rules; its URLs are not resolved.
        if (hooks is null || hooks.Count > CompanyValidator.MaxWebhooks)
        {
            return;
        }

        for (var i = 0; i < hooks.Count; i++)
        {
            var verdict = await webhooks.ValidateAsync(hooks[i]?.WebhookUrl, cancellationToken).ConfigureAwait(false);
            if (!verdict.IsAllowed)
            {
                errors.Add($"{path}[{i}].webhookUrl", verdict.Error!);
            }
        }
    }

    private static void Copy(IReadOnlyList<CompanyValidationError> problems, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, problem.Message);
        }
    }
}
