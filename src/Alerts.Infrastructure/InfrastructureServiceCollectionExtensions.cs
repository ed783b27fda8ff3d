using Alerts.Core.Common;
using Alerts.Infrastructure.Api;
using Alerts.Infrastructure.Archive;
using Alerts.Infrastructure.Assessments;
using Alerts.Infrastructure.Changes;
using Alerts.Infrastructure.Delivery;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the adapters behind Core's ports for the configured <see cref="HostingMode"/>:
    /// SQLite + local bus + outbox (embedded default), or Tables + Service Bus + SendGrid + Teams (Azure).
    /// </summary>
    public static IServiceCollection AddAlertsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HostingOptions>()
            .BindConfiguration(HostingOptions.SectionName)
            .ValidateSettings(HostingOptions.SectionName)
            .ValidateOnStart();

        var hosting = configuration.GetSection(HostingOptions.SectionName).Get<HostingOptions>() ?? new HostingOptions();
        if (hosting.Mode == HostingMode.Embedded)
        {
            services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<HostingOptions>>().Value.DatabasePath));
        }

        if (hosting.Mode == HostingMode.Azure)
        {
            services.AddSingleton<AzureSettingsValidator>();
            services.AddSingleton<IValidateOptions<SendGrid.SendGridOptions>>(sp => sp.GetRequiredService<AzureSettingsValidator>());
            services.AddSingleton<IValidateOptions<Core.Delivery.DeliveryOptions>>(sp => sp.GetRequiredService<AzureSettingsValidator>());
            services.AddSingleton<IValidateOptions<Tables.TableStorageOptions>>(sp => sp.GetRequiredService<AzureSettingsValidator>());
        }

        services.AddChangesInfrastructure(configuration, hosting.Mode);
        services.AddSubscriptionsInfrastructure(configuration, hosting.Mode);
        services.AddDeliveryInfrastructure(configuration, hosting.Mode);
        services.AddApiInfrastructure(hosting.Mode);
        services.AddAssessmentsInfrastructure(hosting.Mode);
        services.AddArchiveInfrastructure(configuration, hosting.Mode);
        return services;
    }
}
