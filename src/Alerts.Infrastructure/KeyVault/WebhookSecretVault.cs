using System.Collections.Concurrent;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;

namespace Alerts.Infrastructure.KeyVault;

/// <summary>
/// Keeps Teams webhook URLs in Key Vault, not in table rows: a Workflows URL carries its <c>sig=</c> bearer secret, and
/// whoever reads it can post into the channel (design.md, "Secrets"). A stored company holds <c>keyvault:&lt;name&gt;</c>
/// in place of each URL. Secret names come from the company and the URL, so saving twice writes one secret, a
/// retried import is harmless, and a name, once resolved, can be cached for good.
/// </summary>
internal sealed partial class WebhookSecretVault(SecretClient secrets, ILogger<WebhookSecretVault> logger)
{
    public const string ReferencePrefix = "keyvault:";

    // Every secret this class writes is named so; a reference to any other name (the SendGrid or admin key in the same
    // vault) is never resolved into a webhook URL nor deleted, whatever a stored row says.
    private const string SecretNamePrefix = "teams-webhook-";

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    /// <summary>Key Vault secret names allow letters, digits and dashes, up to 127 characters.</summary>
    public static string SecretName(string companyId, string webhookUrl) => SecretNamePrefix + ContentHash.Of(companyId, webhookUrl)[..40];

    /// <summary>A reference to a secret this class wrote: <c>keyvault:teams-webhook-…</c>.</summary>
    public static bool IsReference(string value) => value.StartsWith(ReferencePrefix + SecretNamePrefix, StringComparison.Ordinal);

    /// <summary>The company as it is stored: each URL written to the vault (once) and replaced by its reference.</summary>
    public async Task<Company> ToStoredAsync(Company company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (company.Teams.Count == 0)
        {
            return company;
        }

        var stored = new List<TeamsWebhook>(company.Teams.Count);
        foreach (var webhook in company.Teams)
        {
            if (IsReference(webhook.WebhookUrl))
            {
                stored.Add(webhook);
                continue;
            }

            var name = SecretName(company.Id, webhook.WebhookUrl);
            if (!_urls.ContainsKey(name))
            {
                var secret = new KeyVaultSecret(name, webhook.WebhookUrl);
                secret.Properties.ContentType = "text/uri-list";
                secret.Properties.Tags["company"] = company.Id;
                await secrets.SetSecretAsync(secret, cancellationToken).ConfigureAwait(false);
                _urls[name] = webhook.WebhookUrl;
            }

            stored.Add(webhook with { WebhookUrl = ReferencePrefix + name });
        }

        return company with { Teams = stored };
    }

    /// <summary>
    /// The company with its URLs read back. A secret gone from the vault keeps its reference: the Teams sender refuses
    /// it as not a URL, so that channel fails with a reason instead of every company failing to load.
    /// </summary>
    public async Task<Company> ToLiveAsync(Company company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        if (!company.Teams.Any(t => IsReference(t.WebhookUrl)))
        {
            return company;
        }

        var live = new List<TeamsWebhook>(company.Teams.Count);
        foreach (var webhook in company.Teams)
        {
            var url = IsReference(webhook.WebhookUrl) ? await ResolveAsync(company.Id, webhook.WebhookUrl[ReferencePrefix.Length..], cancellationToken).ConfigureAwait(false) : null;
            live.Add(url is null ? webhook : webhook with { WebhookUrl = url });
        }

        return company with { Teams = live };
    }

    /// <summary>Deletes the secrets a company no longer refers to (a removed or changed webhook, a deleted company).</summary>
    public async Task ForgetAsync(IEnumerable<string> references, CancellationToken cancellationToken)
    {
        foreach (var name in references.Where(IsReference).Select(r => r[ReferencePrefix.Length..]).Distinct(StringComparer.Ordinal))
        {
            try
            {
                // Soft delete: the vault keeps it for its retention period, which is what a mistaken removal needs.
                await secrets.StartDeleteSecretAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Already gone: nothing to forget.
            }

            _urls.TryRemove(name, out _);
        }
    }

    private async Task<string?> ResolveAsync(string companyId, string name, CancellationToken cancellationToken)
    {
        if (_urls.TryGetValue(name, out var cached))
        {
            return cached;
        }

        try
        {
            var secret = await secrets.GetSecretAsync(name, null, cancellationToken).ConfigureAwait(false);
            return _urls[name] = secret.Value.Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            LogSecretMissing(logger, companyId, name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams webhook secret {SecretName} of company {CompanyId} is not in Key Vault; its cards cannot be sent")]
    private static partial void LogSecretMissing(ILogger logger, string companyId, string secretName);
}
