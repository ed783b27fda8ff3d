using Alerts.Core.Subscriptions;
using Alerts.Core.Common;
using Alerts.Infrastructure.KeyVault;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Subscriptions;

public static class SubscriptionsInfrastructureExtensions
{
    /// <summary>Registers the company store: SQLite (Embedded) or Azure Tables (Azure).</summary>
    public static IServiceCollection AddSubscriptionsInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<ICompanyStore>(sp => new SqliteCompanyStore(sp.GetRequiredService<SqliteDatabase>()));
            return services;
        }

        services.AddAzureStorage();

        // Teams webhook URLs are bearer secrets: in Azure they live in Key Vault, the company rows hold references.
        services.AddOptions<KeyVaultOptions>().BindConfiguration(KeyVaultOptions.SectionName).ValidateSettings(KeyVaultOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(sp => new SecretClient(
            sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value.VaultUri ?? throw new InvalidOperationException("KeyVault:VaultUri is required in Azure mode."),
            sp.GetRequiredService<TokenCredential>()));
        services.TryAddSingleton<WebhookSecretVault>();
        services.TryAddSingleton<ICompanyStore>(sp => new TableCompanyStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value,
            sp.GetRequiredService<WebhookSecretVault>()));
        return services;
    }
}
