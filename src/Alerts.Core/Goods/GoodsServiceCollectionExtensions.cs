using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Goods;

public static class GoodsServiceCollectionExtensions
{
    /// <summary>Goods taxonomy, matcher and subscriptions.</summary>
    public static IServiceCollection AddAlertsMatching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
