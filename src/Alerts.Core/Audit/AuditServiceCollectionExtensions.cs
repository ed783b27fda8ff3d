using Alerts.Core.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit pack and the page archive's retention (<c>Audit:RetentionDays</c>); the archive itself comes from Infrastructure.</summary>
    public static IServiceCollection AddAlertsAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateSettings(AuditOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<IAuditPackService, AuditPackService>();
        services.TryAddTransient<PageArchivePruner>();
        return services;
    }

    /// <summary>For long-running hosts (<c>alerts run</c>): a page-archive prune pass daily.</summary>
    public static IServiceCollection AddAlertsPageArchivePruning(this IServiceCollection services)
    {
        services.AddHostedService<PageArchivePruneService>();
        return services;
    }
}
