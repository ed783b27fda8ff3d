using System.Text.Json;
using Alerts.Core.Changes;
using Alerts.Core.Common;

namespace Alerts.Core.Messaging;

/// <summary>How a change event becomes a bus message, the same on every bus: JSON body, subject, application properties.</summary>
public static class ChangeMessages
{
    public const string ContentType = "application/json";

    public static string Body(ChangeEvent change) => JsonSerializer.Serialize(change, AlertsJson.Web);

    public static ChangeEvent? Parse(string body) => JsonSerializer.Deserialize<ChangeEvent>(body, AlertsJson.Web);

    /// <summary><c>amended</c>, <c>mirror-conflict</c>, …</summary>
    public static string KindName(ChangeKind kind) => JsonSerializer.Serialize(kind, AlertsJson.Web).Trim('"');

    /// <summary><c>{kind}: {title}</c>, short enough for a Service Bus subject.</summary>
    public static string Subject(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var subject = $"{KindName(change.Kind)}: {change.Title}";
        return subject.Length <= 120 ? subject : subject[..120];
    }

    public static IReadOnlyDictionary<string, string> Properties(ChangeEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = change.SourceId,
            ["kind"] = KindName(change.Kind),
            ["noticeKey"] = change.NoticeKey,
            ["schemaVersion"] = change.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>The lock of a received message expired (or it was settled already): it will be delivered again.</summary>
public sealed class MessageLockLostException : Exception
{
    public MessageLockLostException()
    {
    }

    public MessageLockLostException(string message)
        : base(message)
    {
    }

    public MessageLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
