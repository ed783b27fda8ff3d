using Alerts.Core.Common;
using System.Globalization;
using System.Text.Json;

namespace Alerts.Core.Messaging;

/// <summary>
/// The <c>alerts</c> drain matched a change and stored these alerts: the channels deliver them from the alert store,
/// never from a second match. Small on purpose (ids only); a change that reaches thousands of companies is split over
/// several messages of at most <see cref="MaxAlertsPerMessage"/> ids, under Service Bus's 256 KB.
/// </summary>
public sealed record AlertsRaised
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>An alert id is at most 97 characters: 500 of them stay near 50 KB.</summary>
    public const int MaxAlertsPerMessage = 500;

    public required string ChangeId { get; init; }

    public required IReadOnlyList<string> AlertIds { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// From the content (the change and its alert ids): a retry that stores the same alerts publishes the same id, which
    /// the bus's duplicate detection drops; a retry that matched one more company publishes a new message, and the
    /// ledger keeps the alerts already sent from going out twice.
    /// </summary>
    public string MessageId => "raised-" + ContentHash.Short([ChangeId, .. AlertIds]);

    /// <summary>The messages for one change's stored alerts, in chunks, ids in ordinal order (so the message ids are stable).</summary>
    public static IReadOnlyList<AlertsRaised> For(string changeId, IEnumerable<string> alertIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(changeId);
        ArgumentNullException.ThrowIfNull(alertIds);
        return [.. alertIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Chunk(MaxAlertsPerMessage)
            .Select(ids => new AlertsRaised { ChangeId = changeId, AlertIds = ids })];
    }
}

/// <summary>How an <see cref="AlertsRaised"/> becomes a bus message, the same on every bus.</summary>
public static class AlertsRaisedMessages
{
    public static string Body(AlertsRaised raised) => JsonSerializer.Serialize(raised, AlertsJson.Web);

    public static string Subject(AlertsRaised raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return string.Create(CultureInfo.InvariantCulture, $"{raised.AlertIds.Count} alerts: {raised.ChangeId}");
    }

    public static IReadOnlyDictionary<string, string> Properties(AlertsRaised raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["changeId"] = raised.ChangeId,
            ["alerts"] = raised.AlertIds.Count.ToString(CultureInfo.InvariantCulture),
            ["schemaVersion"] = raised.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>
/// Publishes to the second topic (<see cref="Subscriptions.AlertsRaisedTopic"/>), copied to every channel's
/// subscription. Publishing the same <see cref="AlertsRaised.MessageId"/> twice delivers it once.
/// </summary>
public interface IAlertsRaisedPublisher
{
    Task PublishAsync(IReadOnlyList<AlertsRaised> messages, CancellationToken cancellationToken);
}
