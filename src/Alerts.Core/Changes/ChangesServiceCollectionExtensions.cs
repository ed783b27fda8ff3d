using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>
    /// Snapshots, change detection and publication: <see cref="PollService"/>, <see cref="IChangeArchive"/> and the
    /// source health reader. The store (<see cref="ISnapshotStore"/>) and the bus come from Infrastructure.
    /// </summary>
    public static IServiceCollection AddAlertsChangeDetection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<PollService>();
        services.TryAddSingleton<ListingShrinkConfirmation>();
        services.TryAddSingleton<IChangeArchive, SnapshotChangeArchive>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceHealthReader, SnapshotHealthReader>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISourceStatusReader, SnapshotStatusReader>());
        return services;
    }

    /// <summary>For long-running hosts (<c>alerts run</c>): polls every source on its schedule.</summary>
    public static IServiceCollection AddAlertsPollScheduler(this IServiceCollection services)
    {
        services.AddHostedService<PollScheduler>();
        return services;
    }
}
