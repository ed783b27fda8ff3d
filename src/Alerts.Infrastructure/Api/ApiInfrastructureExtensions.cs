using Alerts.Core.Api;
using Alerts.Infrastructure.Tables;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Api;

public static class ApiInfrastructureExtensions
{
    /// <summary>
    /// The API key store: SQLite in the embedded default, Azure Tables (<c>{Storage:TablePrefix}apikeys</c>) in Azure.
    /// In Azure the admin key comes from configuration (<c>Api:AdminKey</c>, a Key Vault reference).
    /// </summary>
    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services, HostingMode mode)
    {
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        }
        else
        {
            services.AddAzureStorage();
            services.TryAddSingleton<IApiKeyStore>(sp => new TablesApiKeyStore(sp.GetRequiredService<TableServiceClient>()
                .GetTableClient(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value.TablePrefix + "apikeys")));
        }

        return services;
    }
}
