using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Alerts, delivery ledger, e-mail, Teams and digests.</summary>
    public static IServiceCollection AddAlertsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
