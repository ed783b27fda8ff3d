using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.KeyVault;

/// <summary>
/// Section <c>KeyVault</c> (Azure mode): the vault that keeps each company's Teams webhook URLs.
/// <code>{ "KeyVault": { "VaultUri": "https://kv-alerts-prod-abc.vault.azure.net/" } }</code>
/// </summary>
public sealed class KeyVaultOptions
{
    public const string SectionName = "KeyVault";

    /// <summary>Written by <c>infra/main.bicep</c> (<c>KeyVault__VaultUri</c>); required in Azure mode.</summary>
    [Required]
    public Uri? VaultUri { get; set; }
}
