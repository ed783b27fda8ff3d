using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Core.Common;

/// <summary>
/// The one way an enum value is named on the wire (JSON, telemetry tags, table columns, log fields): its
/// <see cref="JsonStringEnumMemberNameAttribute"/> when it has one, else its member name in kebab case — the spelling
/// <see cref="JsonStringEnumConverter"/> writes for the same attribute, so JSON and every other surface agree.
/// </summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/>; <c>unknown</c> for a value the enum does not declare.</summary>
    public static string WireName<TEnum>(this TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name) ? name : "unknown";

    /// <summary>The value whose wire name is <paramref name="name"/> (ordinal, case-insensitive).</summary>
    public static bool TryParseWire<TEnum>(string? name, out TEnum value)
        where TEnum : struct, Enum
    {
        if (name is not null && Names<TEnum>.ByName.TryGetValue(name.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>().Distinct()
            .ToFrozenDictionary(value => value, Of);

        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue
            .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

        private static string Of(TEnum value)
        {
            var member = value.ToString();
            return typeof(TEnum).GetField(member)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                ?? JsonNamingPolicy.KebabCaseLower.ConvertName(member);
        }
    }
}
