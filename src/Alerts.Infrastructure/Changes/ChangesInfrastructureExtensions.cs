using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Infrastructure.LocalBus;
using Alerts.Infrastructure.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Changes;

public static partial class ChangesInfrastructureExtensions
{
    /// <summary>Registers snapshot stores and the change bus (SQLite + local bus, or Tables + Service Bus).</summary>
    public static IServiceCollection AddChangesInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (mode == HostingMode.Embedded)
        {
            services.AddOptions<LocalBusOptions>().BindConfiguration(LocalBusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.TryAddSingleton<ISnapshotStore, SqliteSnapshotStore>();
            services.TryAddSingleton<SqliteLocalBus>();
            services.TryAddSingleton<IChangePublisher>(sp => sp.GetRequiredService<SqliteLocalBus>());
            services.TryAddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<SqliteLocalBus>());
            services.TryAddSingleton<IDeadLetterQueue>(sp => sp.GetRequiredService<SqliteLocalBus>());
            return services;
        }

        AddAzure(services);
        return services;
    }

    static partial void AddAzure(IServiceCollection services);
}
