using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Subscriptions;

public static class SubscriptionsInfrastructureExtensions
{
    /// <summary>Registers company stores (SQLite or Tables).</summary>
    public static IServiceCollection AddSubscriptionsInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _ = mode;
        return services;
    }
}
