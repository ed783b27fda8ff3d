using System.Text.Json.Serialization;
using Alerts.Core.Ops;
using Alerts.Core.Common;

namespace Alerts.Core.Delivery;

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryChannel>))]
public enum DeliveryChannel
{
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("teams")] Teams,
    [JsonStringEnumMemberName("digest")] Digest,
}

[JsonConverter(typeof(JsonStringEnumConverter<DeliveryOutcome>))]
public enum DeliveryOutcome
{
    [JsonStringEnumMemberName("sent")] Sent,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("retrying")] Retrying,

    /// <summary>
    /// Written just before the provider call: "maybe sent". A restart that finds it asks the sender whether the message
    /// went out (the outbox can tell by its file name); a sender that cannot tell (SendGrid) sends again.
    /// </summary>
    [JsonStringEnumMemberName("sending")] Sending,
}

/// <summary>One send to one recipient on one channel. Recipient is an e-mail address or a hash of a webhook URL (never the URL).</summary>
public sealed record DeliveryRecord(string AlertId, DeliveryChannel Channel, string Recipient, DeliveryOutcome Outcome, DateTimeOffset At)
{
    public string? Detail { get; init; }

    /// <summary>The provider's id of the message a sent record stands for (<see cref="SendResult.ProviderMessageId"/>).</summary>
    public string? ProviderMessageId { get; init; }

    public string Key => ContentHash.Short(AlertId, Channel.ToString(), Recipient);
}

public sealed record DeliveryStat(DeliveryChannel Channel, DeliveryOutcome Outcome, long Count);

/// <summary>
/// Checked before and written after each send, so a redelivered change sends nothing twice. A final outcome (sent,
/// failed) is never overwritten by a later <see cref="DeliveryOutcome.Retrying"/> or <see cref="DeliveryOutcome.Sending"/>.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>True once the outcome is final: sent, or failed for good.</summary>
    Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken);

    /// <summary>The last recorded outcome, or null when nothing was recorded.</summary>
    Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken);

    Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Every row of one alert (its last outcome per channel and recipient, with its detail), by channel then recipient: what an audit pack shows.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken);
}

/// <summary>The check before and the record after a send, the same for e-mail, Teams and digests.</summary>
internal static class DeliveryLedgerSends
{
    /// <summary>The items the ledger has not seen sent to their recipient, in order: a redelivery sends only what is missing.</summary>
    public static async Task<List<T>> UnsentAsync<T>(
        this IDeliveryLedger ledger, IEnumerable<T> items, DeliveryChannel channel, Func<T, (string Id, string Recipient)> key, CancellationToken cancellationToken)
    {
        var unsent = new List<T>();
        foreach (var item in items)
        {
            var (id, recipient) = key(item);
            if (!await ledger.WasSentAsync(id, channel, recipient, cancellationToken).ConfigureAwait(false))
            {
                unsent.Add(item);
            }
        }

        return unsent;
    }

    /// <summary>Records one send in the ledger and counts it in telemetry.</summary>
    public static async Task RecordSendAsync(
        this IDeliveryLedger ledger, string id, DeliveryChannel channel, string recipient, SendResult result, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Status.ToLedgerOutcome();
        await ledger.RecordAsync(new DeliveryRecord(id, channel, recipient, outcome, at) { Detail = result.Detail, ProviderMessageId = result.ProviderMessageId }, cancellationToken).ConfigureAwait(false);
        AlertsTelemetry.RecordDelivery(channel, outcome);
    }
}
