using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>Snapshots, change detection and publication.</summary>
    public static IServiceCollection AddAlertsChangeDetection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
