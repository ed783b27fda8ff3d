using System.Text.Json.Serialization;

namespace Alerts.Core.Subscriptions;

/// <summary>How urgently a company must act. Ordered: a higher value is more urgent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("low")] Low = 1,
    [JsonStringEnumMemberName("medium")] Medium = 2,
    [JsonStringEnumMemberName("high")] High = 3,
    [JsonStringEnumMemberName("critical")] Critical = 4,
}
