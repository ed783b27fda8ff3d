using System.Security.Cryptography;

namespace Alerts.Core.Notices;

/// <summary>What a fetched page or annex is to the notice read from it.</summary>
public enum FetchedRole
{
    /// <summary>The detail page the notice was parsed from (after any JS redirect or iframe hop).</summary>
    Page,

    /// <summary>An attachment linked from the page (entity list, item or HS table).</summary>
    Annex,
}

/// <summary>
/// One body exactly as a site served it, carried with the notice read from it as far as the poll, which keeps it in the
/// page archive when the notice becomes a change (issue 19: "what did the notice say at the time"). Never serialized:
/// snapshots and bus messages stay small.
/// </summary>
public sealed record FetchedPage(FetchedRole Role, string Url, byte[] Bytes, string? ContentType, DateTimeOffset? FetchedAt)
{
    private readonly byte[] _bytes = Bytes;
    private readonly string _sha256 = Hash(Bytes);

    /// <summary>The body; setting it (<c>with { Bytes = … }</c>) names it anew, so the hash never describes other bytes.</summary>
    public byte[] Bytes
    {
        get => _bytes;
        init
        {
            _bytes = value;
            _sha256 = Hash(value);
        }
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>: the archive's name for it.</summary>
    public string Sha256 => _sha256;

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
