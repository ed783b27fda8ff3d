using Alerts.Core.Messaging;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>
/// Publishes to the <c>alerts-raised</c> topic (one subscription per channel). MessageId = <see cref="AlertsRaised.MessageId"/>,
/// a content hash, so the topic's duplicate detection drops the re-send of an <c>alerts</c> drain that crashed
/// between publishing and completing.
/// </summary>
internal sealed class ServiceBusAlertsRaisedPublisher(ServiceBusClient client, IOptions<ServiceBusOptions> options) : IAlertsRaisedPublisher, IAsyncDisposable
{
    private ServiceBusSender? _sender;

    private ServiceBusSender Sender => _sender ??= client.CreateSender(options.Value.AlertsRaisedTopicName);

    public static ServiceBusMessage ToMessage(AlertsRaised raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return ServiceBusBatches.Message(AlertsRaisedMessages.Body(raised), raised.MessageId, AlertsRaisedMessages.Subject(raised), AlertsRaisedMessages.Properties(raised));
    }

    public async Task PublishAsync(IReadOnlyList<AlertsRaised> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await ServiceBusBatches.SendAsync(Sender, messages.Select(ToMessage), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sender is not null)
        {
            await _sender.DisposeAsync().ConfigureAwait(false);
        }
    }
}
