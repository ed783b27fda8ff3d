using System.Text.Json.Serialization;

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
}

/// <summary>One send to one recipient on one channel. Recipient is an e-mail address or a hash of a webhook URL (never the URL).</summary>
public sealed record DeliveryRecord(string AlertId, DeliveryChannel Channel, string Recipient, DeliveryOutcome Outcome, DateTimeOffset At)
{
    public string? Detail { get; init; }

    public string Key => ContentHash.Short(AlertId, Channel.ToString(), Recipient);
}

public sealed record DeliveryStat(DeliveryChannel Channel, DeliveryOutcome Outcome, long Count);

/// <summary>Checked before and written after each send, so a redelivered change sends nothing twice.</summary>
public interface IDeliveryLedger
{
    Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken);

    Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
