using Alerts.Core.Common;
using Alerts.Core.Api;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery;
using Alerts.Core.Ops;
using Alerts.Infrastructure.Outbox;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Infrastructure.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Delivery;

public static class DeliveryInfrastructureExtensions
{
    /// <summary>
    /// Registers alert store, delivery ledger and digest cursors (SQLite when embedded, Tables in Azure), and the senders:
    /// SendGrid when <c>SendGrid:ApiKey</c> is set, else <c>.eml</c> files in the outbox; Teams webhooks, or card JSON in
    /// the outbox when embedded (<c>Teams:Mode=Auto</c>) or <c>Teams:Mode=Outbox</c>.
    /// </summary>
    public static IServiceCollection AddDeliveryInfrastructure(this IServiceCollection services, IConfiguration configuration, HostingMode mode)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.SectionName).ValidateSettings(SendGridOptions.SectionName).ValidateOnStart();
        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateSettings(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The senders report rejections retrying cannot fix here; health and the dashboard read it.
        services.TryAddSingleton<ChannelHealth>();

        // Core registers the same delay first; this keeps Infrastructure complete when registered without Core.
        services.TryAddSingleton<IDeliveryDelay, TimeProviderDelay>();

        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<IAlertStore, SqliteAlertStore>();
            services.TryAddSingleton<IDeliveryLedger, SqliteDeliveryLedger>();
            services.TryAddSingleton<IDigestCursorStore, SqliteDigestCursorStore>();
            services.TryAddSingleton<IAssessmentStore, SqliteAssessmentStore>();
        }
        else
        {
            services.AddAzureStorage();
            services.TryAddSingleton<DeliveryTableClients>();
            services.TryAddSingleton<IAlertStore, TableAlertStore>();
            services.TryAddSingleton<IDeliveryLedger, TableDeliveryLedger>();
            services.TryAddSingleton<IDigestCursorStore, TableDigestCursorStore>();
            services.TryAddSingleton<IAssessmentStore, TableAssessmentStore>();
        }

        var sendGrid = configuration.GetSection(SendGridOptions.SectionName).Get<SendGridOptions>() ?? new SendGridOptions();
        if (sendGrid.IsConfigured)
        {
            // No request logging: it would add nothing and the Teams client must not log URLs either.
            services.AddHttpClient<SendGridEmailSender>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout)
                .RemoveAllLoggers();
            services.TryAddTransient<IEmailSender>(sp => sp.GetRequiredService<SendGridEmailSender>());
        }
        else
        {
            services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxTemporaryCleaner>());
        }

        var teams = configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>() ?? new TeamsOptions();
        if (teams.UsesOutbox(mode))
        {
            services.TryAddSingleton<ITeamsSender, OutboxTeamsSender>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxTemporaryCleaner>());
        }
        else
        {
            services.TryAddSingleton<TeamsRateGate>();

            // Webhook URLs carry a bearer secret: the factory's request logging would print them.
            // Webhook URLs come from tenants: connect only to public addresses, and re-check every redirect hop (SSRF).
            services.AddHttpClient<TeamsWebhookSender>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.Timeout)
                .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<WebhookUrlValidator>().CreateSafeSocketsHandler())
                .AddHttpMessageHandler<SafeWebhookRedirectHandler>()
                .RemoveAllLoggers();
            services.TryAddTransient<ITeamsSender>(sp => sp.GetRequiredService<TeamsWebhookSender>());
        }

        return services;
    }
}
