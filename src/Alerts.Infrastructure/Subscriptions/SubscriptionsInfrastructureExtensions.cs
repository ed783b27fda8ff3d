using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Subscriptions;

public static class SubscriptionsInfrastructureExtensions
{
    /// <summary>Registers the company store: SQLite (Embedded) or Azure Tables (Azure).</summary>
    public static IServiceCollection AddSubscriptionsInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<ICompanyStore>(sp => new SqliteCompanyStore(sp.GetRequiredService<SqliteDatabase>()));
            return services;
        }

        services.AddAzureStorage();
        services.TryAddSingleton<ICompanyStore>(sp => new TableCompanyStore(
            sp.GetRequiredService<TableServiceClient>(),
            sp.GetRequiredService<IOptions<TableStorageOptions>>().Value));
        return services;
    }
}
