using Azure.Messaging.ServiceBus;

namespace Alerts.Infrastructure.ServiceBus;

/// <summary>Sends messages in as few batches as the size limit allows; one message too large alone is an error, not a silent drop.</summary>
internal static class ServiceBusBatches
{
    /// <summary>One of our messages: a JSON body, a content id (duplicate detection drops a resend), a subject and the properties subscriptions filter on.</summary>
    public static ServiceBusMessage Message(string body, string messageId, string subject, IReadOnlyDictionary<string, string> properties)
    {
        var message = new ServiceBusMessage(BinaryData.FromString(body))
        {
            MessageId = messageId,
            Subject = subject,
            ContentType = Core.Messaging.ChangeMessages.ContentType,
        };
        foreach (var (key, value) in properties)
        {
            message.ApplicationProperties[key] = value;
        }

        return message;
    }

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
