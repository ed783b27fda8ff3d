using Alerts.Core.Common;
using Alerts.Core.Goods;
using Alerts.Core.Fetching;
using Alerts.Core.Ops;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The HTTP handlers shared by both hosts, validation and key handling (the dashboard's are <c>AddAlertsDashboard</c>). Stand-ins are registered
    /// with TryAdd so the real ones win whichever is registered first: <see cref="ITaxonomyReader"/> (the embedded goods taxonomy),
    /// <see cref="IHostResolver"/> (DNS), <see cref="IApiKeyGenerator"/> (CSPRNG). <see cref="IApiKeyStore"/> comes from
    /// Infrastructure (<c>AddApiInfrastructure</c>).
    /// </summary>
    public static IServiceCollection AddAlertsApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.SectionName)
            .ValidateSettings(ApiOptions.SectionName)
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChannelHealth>();
        services.TryAddSingleton<ITaxonomyReader>(sp => new GoodsTaxonomyReader(sp.GetService<GoodsTaxonomy>() ?? GoodsTaxonomy.Default));
        services.TryAddSingleton<IHostResolver, DnsHostResolver>();
        services.TryAddSingleton<IApiKeyGenerator, RandomApiKeyGenerator>();
        services.TryAddSingleton<WebhookUrlValidator>();
        services.TryAddTransient<SafeWebhookRedirectHandler>();
        services.TryAddSingleton(sp => new Subscriptions.CompanyValidator(sp.GetService<GoodsTaxonomy>() ?? GoodsTaxonomy.Default));
        services.TryAddSingleton<CompanyRequestValidator>();
        services.TryAddSingleton<ApiKeyService>();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<Messaging.DeadLetterService>();
        services.TryAddSingleton<CompanyHandlers>();
        services.TryAddSingleton<AlertHandlers>();
        services.TryAddSingleton<MeasureHandlers>();
        services.TryAddSingleton<AssessmentHandlers>();
        services.TryAddSingleton<AuditHandlers>(); // its IAuditPackService comes with the page archive (AddAlertsAudit)
        services.TryAddSingleton<OpsHandlers>();
        return services;
    }
}
