using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Archive;

public static class ArchiveInfrastructureExtensions
{
    /// <summary>The folder under the data directory the embedded page archive keeps its files in.</summary>
    public const string FolderName = "pages";

    /// <summary>
    /// Embedded: the file page archive under <c>{DataDirectory}/pages</c> (so <c>alerts run</c> keeps what it fetched)
    /// and the audit pack over it. Azure has no page archive adapter yet (Blob storage), so it registers neither:
    /// its polls keep no bytes and it offers no audit pack, rather than failing when one is asked for.
    /// </summary>
    public static IServiceCollection AddArchiveInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        if (mode != HostingMode.Embedded)
        {
            return services;
        }

        services.TryAddSingleton<IPageArchive>(sp =>
            new FilePageArchive(Path.Combine(sp.GetRequiredService<IOptions<HostingOptions>>().Value.DataDirectory, FolderName)));
        services.AddAlertsAudit(configuration);
        return services;
    }
}
