using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Common;

/// <summary>Identities come from content, never from <c>Guid.NewGuid()</c>, so retries are safe.</summary>
public static class ContentHash
{
    private const char Separator = '\u001f';

    /// <summary>Lower-case hex SHA-256 of the parts joined with a unit separator (so "a|b" ≠ "a","b").</summary>
    public static string Of(params string[] parts) => Hash(parts, SHA256.HashSizeInBytes);

    /// <summary>
    /// A shorter id for keys and message ids (Service Bus MessageId ≤ 128 characters): the first 32 hex characters of
    /// <see cref="Of"/>. The matcher makes one per alert, so it hashes without building the joined string.
    /// </summary>
    public static string Short(params string[] parts) => Hash(parts, 16);

    private static string Hash(string[] parts, int bytes)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var length = Math.Max(0, parts.Length - 1);
        foreach (var part in parts)
        {
            length += Encoding.UTF8.GetMaxByteCount(part?.Length ?? 0); // a null part counts as empty, as string.Join had it
        }

        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        var buffer = rented ?? stackalloc byte[512];
        try
        {
            var written = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    buffer[written++] = (byte)Separator;
                }

                written += Encoding.UTF8.GetBytes(parts[i] ?? "", buffer[written..]);
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer[..written], hash);
            return Convert.ToHexStringLower(hash[..bytes]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
