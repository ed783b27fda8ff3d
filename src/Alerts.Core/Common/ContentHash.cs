using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core;

/// <summary>Identities come from content, never from <c>Guid.NewGuid()</c>, so retries are safe.</summary>
public static class ContentHash
{
    /// <summary>Lower-case hex SHA-256 of the parts joined with a unit separator (so "a|b" ≠ "a","b").</summary>
    public static string Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var joined = string.Join('\u001f', parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>A shorter id for keys and message ids (Service Bus MessageId ≤ 128 characters).</summary>
    public static string Short(params string[] parts) => Of(parts)[..32];
}
