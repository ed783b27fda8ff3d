using Alerts.Core.Common;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// The Azure clients every store shares: one credential (<see cref="AzureCredentials"/>: the managed identity in Azure;
/// each credential fetches and caches its own tokens), one Table service client and one Blob service client, from the <c>Storage</c> section.
/// </summary>
internal static class AzureStorageRegistration
{
    public static IServiceCollection AddAzureStorage(this IServiceCollection services)
    {
        // Called by each area that stores in Azure: register (and validate) once.
        if (services.Any(d => d.ServiceType == typeof(TableServiceClient)))
        {
            return services;
        }

        services.AddOptions<TableStorageOptions>().BindConfiguration(TableStorageOptions.SectionName).ValidateSettings(TableStorageOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<TokenCredential>(_ => AzureCredentials.Create(Environment.GetEnvironmentVariable)); // managed identity in Azure
        services.TryAddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            return !string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new TableServiceClient(storage.ConnectionString)
                : new TableServiceClient(
                    storage.TableServiceUri ?? throw new InvalidOperationException("Storage:ConnectionString or Storage:TableServiceUri is required in Azure mode."),
                    sp.GetRequiredService<TokenCredential>());
        });
        services.TryAddSingleton(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<TableStorageOptions>>().Value;
            return !string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new BlobServiceClient(storage.ConnectionString)
                : new BlobServiceClient(
                    storage.BlobServiceUri ?? throw new InvalidOperationException("Storage:ConnectionString or Storage:BlobServiceUri is required in Azure mode."),
                    sp.GetRequiredService<TokenCredential>());
        });
        return services;
    }
}
