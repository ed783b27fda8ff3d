using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>Goods taxonomy, title glossary, matcher and subscriptions (validation, import/export).</summary>
    public static IServiceCollection AddAlertsMatching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => GoodsTaxonomy.Default);
        services.TryAddSingleton(_ => TitleGlossary.Default);
        services.TryAddSingleton<INoticeMatcher>(sp => new NoticeMatcher(sp.GetRequiredService<GoodsTaxonomy>(), sp.GetRequiredService<TitleGlossary>()));
        services.TryAddSingleton<CompanyValidator>();
        services.TryAddSingleton<SubscriptionsService>();
        return services;
    }

    /// <summary>
    /// Wraps the registered company store in <see cref="IndexedCompanyStore"/>, so a company change rebuilds the
    /// matcher's index in the background and not on the next delivery. Call after the adapters are registered.
    /// </summary>
    public static IServiceCollection AddMatcherIndexRefresh(this IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ICompanyStore) && !d.IsKeyedService);
        if (inner is null)
        {
            return services;
        }

        Func<IServiceProvider, ICompanyStore> create = inner switch
        {
            { ImplementationInstance: ICompanyStore instance } => _ => instance,
            { ImplementationFactory: { } factory } => sp => (ICompanyStore)factory(sp),
            _ => sp => (ICompanyStore)ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!),
        };
        services.Remove(inner);
        services.Add(ServiceDescriptor.Describe(
            typeof(ICompanyStore),
            sp => new IndexedCompanyStore(create(sp), sp.GetRequiredService<INoticeMatcher>(), sp.GetRequiredService<ILogger<IndexedCompanyStore>>()),
            inner.Lifetime));
        return services;
    }
}
