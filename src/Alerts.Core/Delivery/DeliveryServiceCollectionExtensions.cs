using Alerts.Core.Common;
using Alerts.Core.Delivery.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Alerts, delivery ledger, e-mail, Teams and digests: the drain loop and its handlers, the digest service and the renderers. The ports
    /// (alert store, ledger, cursor store, senders, bus, archive, companies, matcher) come from other registrations.
    /// </summary>
    public static IServiceCollection AddAlertsDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateSettings(DeliveryOptions.SectionName).ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateSettings(DigestOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryScheduleValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DeliveryScheduleValidator>());
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateSettings(ReminderOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDeliveryDelay, TimeProviderDelay>();
        services.TryAddSingleton<AlertEmailRenderer>();
        services.TryAddSingleton<TeamsCardBuilder>();
        services.TryAddSingleton<DigestRenderer>();

        // Transient: they hold the senders, and the SendGrid and Teams senders are typed HttpClients whose handlers
        // IHttpClientFactory rotates; a singleton would pin one handler forever.
        // One drain loop; one handler per subscription: the alerts subscription matches once and stores, each channel
        // delivers the stored alerts from its subscription of alerts-raised.
        services.TryAddTransient<ISubscriptionDrainer, SubscriptionDrainer>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISubscriptionHandler, AlertsHandler>());
        services.AddAlertChannel<EmailChannel>();
        services.AddAlertChannel<TeamsChannel>();
        services.TryAddTransient<IDigestService, DigestService>();
        services.TryAddTransient<IReminderService, ReminderService>();
        services.TryAddTransient<IUpcomingMeasures, UpcomingMeasures>();
        return services;
    }
}
