using Azure.Messaging.ServiceBus;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>Sends messages in as few batches as the size limit allows; one message too large alone is an error, not a silent drop.</summary>
internal static class ServiceBusBatches
{
    public static async Task SendAsync(ServiceBusSender sender, IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        var batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var message in messages)
            {
                if (batch.TryAddMessage(message))
                {
                    continue;
                }

                if (batch.Count == 0)
                {
                    throw new InvalidOperationException($"Message {message.MessageId} is too large for one Service Bus message.");
                }

                // The batch is full: send it and start the next one with this message.
                await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken).ConfigureAwait(false);
                if (!batch.TryAddMessage(message))
                {
                    throw new InvalidOperationException($"Message {message.MessageId} is too large for one Service Bus message.");
                }
            }

            if (batch.Count > 0)
            {
                await sender.SendMessagesAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            batch.Dispose();
        }
    }
}
