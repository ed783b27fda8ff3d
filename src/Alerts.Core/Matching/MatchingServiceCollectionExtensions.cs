using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
}
