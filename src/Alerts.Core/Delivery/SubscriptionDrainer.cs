using System.Text.Json;
using Alerts.Core.Messaging;
using Alerts.Core.Ops;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;
using Alerts.Core.Matching;

namespace Alerts.Core.Delivery;

/// <summary>What one drain did.</summary>
public sealed record DrainReport(string Subscription, int Received, int Completed, int LeftForRetry, int DeadLettered);

/// <summary>Drains one bus subscription (<c>alerts</c>, <c>email</c>, <c>teams</c>) within a time budget.</summary>
public interface ISubscriptionDrainer
{
    Task<DrainReport> DrainAsync(string subscription, CancellationToken cancellationToken);
}

/// <summary>How a handled message is settled.</summary>
public enum Settle
{
    /// <summary>Done: completed.</summary>
    Complete,

    /// <summary>Left unsettled: the lock's expiry is the back-off, and past the delivery limit the bus dead-letters it.</summary>
    Retry,

    /// <summary>Poison: dead-lettered with a reason.</summary>
    DeadLetter,
}

/// <summary>One message of a batch and what became of it.</summary>
public sealed record HandledMessage(ReceivedMessage Message, Settle Outcome, string Reason = "", string Description = "")
{
    public static HandledMessage Done(ReceivedMessage message) => new(message, Settle.Complete);

    public static HandledMessage Retry(ReceivedMessage message) => new(message, Settle.Retry);
}

/// <summary>A received message with its parsed payload.</summary>
public sealed record ParsedMessage<TMessage>(ReceivedMessage Message, TMessage Payload);

/// <summary>
/// One subscription's work; <see cref="SubscriptionDrainer"/> does the rest (receive, parse, settle, telemetry). A new
/// subscription is one new handler registered as <see cref="ISubscriptionHandler"/>; nothing switches on names.
/// </summary>
public interface ISubscriptionHandler
{
    string Subscription { get; }

    /// <summary>Parses every message and handles those that parsed; returns one outcome per message of the batch.</summary>
    Task<IReadOnlyList<HandledMessage>> HandleBatchAsync(IReadOnlyList<ReceivedMessage> batch, DateTimeOffset deadline, CancellationToken cancellationToken);
}

/// <summary>
/// A handler of one message type: the wire format is parsed here, once for every handler of the type, and a message
/// that does not parse is dead-lettered without reaching <see cref="HandleAsync"/>.
/// </summary>
public abstract class SubscriptionHandler<TMessage> : ISubscriptionHandler
    where TMessage : class
{
    public abstract string Subscription { get; }

    /// <summary>The schema version this consumer reads.</summary>
    protected abstract int SchemaVersion { get; }

    public async Task<IReadOnlyList<HandledMessage>> HandleBatchAsync(IReadOnlyList<ReceivedMessage> batch, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new List<HandledMessage>(batch.Count);
        var parsed = new List<ParsedMessage<TMessage>>(batch.Count);
        foreach (var message in batch)
        {
            if (MessageParsing.TryParse<TMessage>(message.Body, SchemaVersion, IsComplete, out var payload, out var reason, out var description))
            {
                parsed.Add(new ParsedMessage<TMessage>(message, payload));
            }
            else
            {
                results.Add(new HandledMessage(message, Settle.DeadLetter, reason, description));
            }
        }

        if (parsed.Count > 0)
        {
            results.AddRange(await HandleAsync(parsed, deadline, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>False for a payload missing what the handler needs (say, an id): it is dead-lettered as invalid.</summary>
    protected abstract bool IsComplete(TMessage payload, out string description);

    /// <summary>One outcome per message; nothing may escape (a failure is <see cref="Settle.Retry"/>).</summary>
    protected abstract Task<IReadOnlyList<HandledMessage>> HandleAsync(IReadOnlyList<ParsedMessage<TMessage>> batch, DateTimeOffset deadline, CancellationToken cancellationToken);
}

/// <summary>The JSON bodies of both topics: an object, a known <c>schemaVersion</c> (absent means the current one), a complete payload.</summary>
public static class MessageParsing
{
    public const string ReasonInvalidPayload = "InvalidPayload";
    public const string ReasonUnknownSchemaVersion = "UnknownSchemaVersion";

    public delegate bool Completeness<in T>(T payload, out string description);

    public static bool TryParse<T>(string body, int schemaVersion, Completeness<T> isComplete, out T payload, out string reason, out string description)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(isComplete);
        payload = null!;
        reason = ReasonInvalidPayload;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                description = "The body is not a JSON object.";
                return false;
            }

            if (document.RootElement.TryGetProperty("schemaVersion", out var version)
                && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != schemaVersion))
            {
                reason = ReasonUnknownSchemaVersion;
                description = $"schemaVersion {version.GetRawText()} is not {schemaVersion}, the version this consumer reads.";
                return false;
            }

            var parsed = document.RootElement.Deserialize<T>(AlertsJson.Web);
            if (parsed is null)
            {
                description = "The body is null.";
                return false;
            }

            if (!isComplete(parsed, out description))
            {
                return false;
            }

            payload = parsed;
            description = "";
            return true;
        }
        catch (JsonException ex)
        {
            description = $"Not a {typeof(T).Name}: {ex.Message}";
            return false;
        }
    }
}

/// <summary>
/// The one drain loop, for every subscription: receive a batch under PeekLock, hand it to the subscription's
/// <see cref="ISubscriptionHandler"/>, then settle: done → complete; retryable → left unsettled so lock expiry is the
/// back-off (never abandoned, which would burn the delivery count at once: azure-notes §4.3); poison → dead-letter
/// with a reason. Stops at the drain budget, a stop, an empty receive or a failed receive.
/// </summary>
public sealed partial class SubscriptionDrainer(
    IEnumerable<ISubscriptionHandler> handlers,
    IChangeConsumer consumer,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<SubscriptionDrainer> logger) : ISubscriptionDrainer
{
    public const string ReasonInvalidPayload = MessageParsing.ReasonInvalidPayload;
    public const string ReasonUnknownSchemaVersion = MessageParsing.ReasonUnknownSchemaVersion;

    private readonly DeliveryOptions _options = options.Value;
    private readonly Dictionary<string, ISubscriptionHandler> _handlers = handlers.ToDictionary(h => h.Subscription, StringComparer.Ordinal);

    public async Task<DrainReport> DrainAsync(string subscription, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(subscription, out var handler))
        {
            throw new ArgumentException($"Unknown subscription '{subscription}'; expected one of {string.Join(", ", _handlers.Keys)}.", nameof(subscription));
        }

        var deadline = time.GetUtcNow() + _options.DrainBudget;
        using var activity = AlertsTelemetry.StartDrain(subscription);
        int received = 0, completed = 0, retried = 0, deadLettered = 0;
        while (time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedMessage> batch;
            try
            {
                batch = await consumer.ReceiveAsync(subscription, _options.BatchSize, _options.ReceiveWait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogReceiveFailed(logger, subscription, ex);
                break;
            }

            if (batch.Count == 0)
            {
                break;
            }

            received += batch.Count;
            foreach (var message in batch)
            {
                AlertsTelemetry.RecordDrainLag(subscription, time.GetUtcNow() - message.EnqueuedAt);
            }

            IReadOnlyList<HandledMessage> outcomes;
            try
            {
                outcomes = await handler.HandleBatchAsync(batch, deadline, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A handler bug must not stop the loop or lose the batch: it comes back after the lock.
                LogHandlerFailed(logger, subscription, ex);
                outcomes = [.. batch.Select(HandledMessage.Retry)];
            }
            catch (OperationCanceledException)
            {
                outcomes = [.. batch.Select(HandledMessage.Retry)];
            }

            foreach (var outcome in outcomes)
            {
                if (outcome.Outcome == Settle.DeadLetter)
                {
                    LogPoison(logger, subscription, outcome.Message.MessageId, outcome.Reason);
                }

                await SettleAsync(outcome).ConfigureAwait(false);
                switch (outcome.Outcome)
                {
                    case Settle.Complete: completed++; break;
                    case Settle.Retry: retried++; break;
                    default: deadLettered++; break;
                }
            }
        }

        if (received > 0)
        {
            LogDrained(logger, subscription, received, completed, retried, deadLettered);
        }

        return new DrainReport(subscription, received, completed, retried, deadLettered);
    }

    /// <summary>Settles with its own timeout, not the drain's token: a stop after the sends still completes what was done.</summary>
    private async Task SettleAsync(HandledMessage outcome)
    {
        using var settle = new CancellationTokenSource(_options.LedgerWriteTimeout, time);
        var cancellationToken = settle.Token;
        var message = outcome.Message;
        try
        {
            switch (outcome.Outcome)
            {
                case Settle.Complete:
                    await consumer.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                case Settle.Retry:
                    await consumer.LeaveForRetryAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await consumer.DeadLetterAsync(message, outcome.Reason, outcome.Description, cancellationToken).ConfigureAwait(false);
                    AlertsTelemetry.RecordDeadLetter(message.Subscription, outcome.Reason);
                    break;
            }
        }
        catch (Exception ex)
        {
            // A lost lock: the message comes back and the stores and the ledger keep the second pass from doing it twice.
            LogSettleFailed(logger, message.Subscription, message.MessageId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained {Subscription}: {Received} received, {Completed} completed, {Retried} left for retry, {DeadLettered} dead-lettered")]
    private static partial void LogDrained(ILogger logger, string subscription, int received, int completed, int retried, int deadLettered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Receiving from {Subscription} failed; the drain stops")]
    private static partial void LogReceiveFailed(ILogger logger, string subscription, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Subscription} handler failed on a batch; the batch is left for retry")]
    private static partial void LogHandlerFailed(ILogger logger, string subscription, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettering {MessageId} from {Subscription}: {Reason}")]
    private static partial void LogPoison(ILogger logger, string subscription, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling {MessageId} on {Subscription} failed; it will be redelivered")]
    private static partial void LogSettleFailed(ILogger logger, string subscription, string messageId, Exception exception);
}
