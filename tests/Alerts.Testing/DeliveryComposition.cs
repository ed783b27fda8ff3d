using Alerts.Core.Matching;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Alerts.Testing;

/// <summary>The drain loop with the three handlers, composed by hand the way AddAlertsDelivery composes it.</summary>
public static class DeliveryComposition
{
    public static SubscriptionDrainer Drainer(
        IChangeConsumer consumer,
        IAlertsRaisedPublisher raised,
        IChangeArchive archive,
        ICompanyStore companies,
        INoticeMatcher matcher,
        IAlertStore alerts,
        IDeliveryLedger ledger,
        IEmailSender email,
        ITeamsSender teams,
        DeliveryOptions deliveryOptions,
        TimeProvider time,
        IAssessmentService? assessments = null)
    {
        var options = Options.Create(deliveryOptions);
        ISubscriptionHandler[] handlers =
        [
            new AlertsHandler(archive, companies, matcher, alerts, raised, assessments ?? new InMemoryAssessmentService(time), NullLogger<AlertsHandler>.Instance),
            new AlertChannelHandler<EmailChannel>(
                new EmailChannel(ledger, email, new AlertEmailRenderer(options), options, time, NullLogger<EmailChannel>.Instance),
                alerts, companies, NullLogger<AlertChannelHandler<EmailChannel>>.Instance),
            new AlertChannelHandler<TeamsChannel>(
                new TeamsChannel(ledger, teams, new TeamsCardBuilder(options), options, time, NullLogger<TeamsChannel>.Instance),
                alerts, companies, NullLogger<AlertChannelHandler<TeamsChannel>>.Instance),
        ];
        return new SubscriptionDrainer(handlers, consumer, options, time, NullLogger<SubscriptionDrainer>.Instance);
    }
}
