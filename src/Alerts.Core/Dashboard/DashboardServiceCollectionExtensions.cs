using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's handlers; they use the API's services (<c>AddAlertsApi</c>), which sit below them.</summary>
    public static IServiceCollection AddAlertsDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton<DashboardHandlers>();
        services.TryAddSingleton<ActionLinkHandlers>();
        return services;
    }
}
