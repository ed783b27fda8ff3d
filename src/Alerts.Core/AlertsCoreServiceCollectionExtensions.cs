using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Dashboard;
using Alerts.Core.Matching;
using Alerts.Core.Measures;
using Alerts.Core.Ops;
using Alerts.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core;

public static class AlertsCoreServiceCollectionExtensions
{
    /// <summary>
    /// The composition root of Core, above every layer (docs/architecture.md). Registers the domain and pipeline: sources and fetching, change detection, goods matching, delivery, and the
    /// HTTP handlers both hosts map.
    /// Adapters (stores, bus, senders) come from <c>AddAlertsInfrastructure</c>.
    /// </summary>
    public static IServiceCollection AddAlertsCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<ChannelHealth>();
        services.AddSingleton<HealthService>();
        services.AddAlertsSources(configuration);
        services.AddAlertsChangeDetection(configuration);
        services.AddAlertsMatching(configuration);
        services.AddAlertsMeasures();
        services.AddAlertsAssessments();
        services.AddAlertsDelivery(configuration);
        services.AddAlertsApi(configuration);
        services.AddAlertsDashboard();
        return services;
    }
}
