using Alerts.Core.Common;
using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Infrastructure.LocalBus;
using Alerts.Infrastructure.ServiceBus;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Azure.Data.Tables;
using Azure.Core;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Changes;

public static class ChangesInfrastructureExtensions
{
    /// <summary>Registers snapshot stores and the bus of both topics (SQLite + local bus, or Tables + Service Bus).</summary>
    public static IServiceCollection AddChangesInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (mode == HostingMode.Embedded)
        {
            services.AddOptions<LocalBusOptions>().BindConfiguration(LocalBusOptions.SectionName).ValidateSettings(LocalBusOptions.SectionName).ValidateOnStart();
            services.TryAddSingleton<ISnapshotStore, SqliteSnapshotStore>();
            services.TryAddSingleton<SqliteLocalBus>();
            AddBusPorts<SqliteLocalBus>(services);
            services.TryAddSingleton<IAlertsRaisedPublisher>(sp => sp.GetRequiredService<SqliteLocalBus>());
            return services;
        }

        services.AddAzureStorage();
        services.AddOptions<ServiceBusOptions>().BindConfiguration(ServiceBusOptions.SectionName).ValidateSettings(ServiceBusOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton<ISnapshotStore>(sp => new TableSnapshotStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<BlobServiceClient>(),
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new ServiceBusClient(o.FullyQualifiedNamespace, sp.GetRequiredService<TokenCredential>())
                : new ServiceBusClient(o.ConnectionString);
        });
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            return string.IsNullOrWhiteSpace(o.ConnectionString)
                ? new ServiceBusAdministrationClient(o.FullyQualifiedNamespace, sp.GetRequiredService<TokenCredential>())
                : new ServiceBusAdministrationClient(o.ConnectionString);
        });
        services.TryAddSingleton(sp => new ServiceBusChangeBus(
            sp.GetRequiredService<ServiceBusClient>(),
            sp.GetRequiredService<IOptions<ServiceBusOptions>>(),
            sp.GetRequiredService<ServiceBusAdministrationClient>(),
            sp.GetRequiredService<TimeProvider>()));
        AddBusPorts<ServiceBusChangeBus>(services);
        services.TryAddSingleton<IAlertsRaisedPublisher>(sp => new ServiceBusAlertsRaisedPublisher(
            sp.GetRequiredService<ServiceBusClient>(),
            sp.GetRequiredService<IOptions<ServiceBusOptions>>()));
        return services;
    }

    private static void AddBusPorts<TBus>(IServiceCollection services)
        where TBus : class, IChangePublisher, IChangeConsumer, IDeadLetterQueue
    {
        services.TryAddSingleton<IChangePublisher>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<TBus>());
        services.TryAddSingleton<IDeadLetterQueue>(sp => sp.GetRequiredService<TBus>());
    }
}
