using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Alerts.Infrastructure.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Archive;

public static class ArchiveInfrastructureExtensions
{
    /// <summary>The folder under the data directory the embedded page archive keeps its files in.</summary>
    public const string FolderName = "pages";

    /// <summary>The Azure page archive's container: <c>{Storage:TablePrefix}-pages</c> (lower case), beside <c>-texts</c>.</summary>
    public static string ContainerName(TableStorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.TablePrefix.ToLowerInvariant() + "-" + FolderName;
    }

    /// <summary>
    /// The page archive for the mode, so PollService keeps what it fetched and the audit pack can hand it on, and the
    /// audit pack over it: embedded, files under <c>{DataDirectory}/pages</c>; Azure, blobs in the <c>-pages</c>
    /// container of the one Blob service client every Azure store shares (<see cref="AzureStorageRegistration"/>).
    /// </summary>
    public static IServiceCollection AddArchiveInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<IPageArchive>(sp =>
                new FilePageArchive(Path.Combine(sp.GetRequiredService<IOptions<HostingOptions>>().Value.DataDirectory, FolderName)));
        }
        else
        {
            services.AddAzureStorage();
            services.TryAddSingleton<IPageArchive>(sp => new BlobPageArchive(
                sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(ContainerName(sp.GetRequiredService<IOptions<TableStorageOptions>>().Value))));
        }

        services.AddAlertsAudit(configuration);
        return services;
    }
}
