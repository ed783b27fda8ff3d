using Alerts.Core.Api;
using Alerts.Infrastructure.Tables;
using Azure.Data.Tables;
using Azure.Identity;
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
        services.AddOptions<TableStorageOptions>().BindConfiguration(TableStorageOptions.SectionName);
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        }
        else
        {
            services.TryAddSingleton<IApiKeyStore>(sp =>
            {
                var storage = sp.GetRequiredService<IOptions<TableStorageOptions>>().Value;
                return new TablesApiKeyStore(CreateTableClient(storage, storage.TablePrefix + "apikeys"));
            });
        }

        return services;
    }

    internal static TableClient CreateTableClient(TableStorageOptions storage, string tableName)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (!string.IsNullOrEmpty(storage.ConnectionString))
        {
            return new TableClient(storage.ConnectionString, tableName);
        }

        var uri = storage.TableServiceUri ?? throw new InvalidOperationException("Storage:ConnectionString or Storage:TableServiceUri is required in Azure mode.");
        return new TableServiceClient(uri, new DefaultAzureCredential()).GetTableClient(tableName);
    }
}
