using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Api;

/// <summary>A stored key: only its SHA-256 hash, and whom it belongs to (a company, or the admin when null).</summary>
public sealed record ApiKeyRecord(string KeyHash, string? CompanyId, DateTimeOffset CreatedAt)
{
    public bool IsAdmin => CompanyId is null;
}

/// <summary>API keys, stored hashed. Adapters: SQLite (embedded default) and Azure Tables.</summary>
public interface IApiKeyStore
{
    Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Replaces any key of the company (rotation: the old key stops working at once).</summary>
    Task SetCompanyKeyAsync(string companyId, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken);

    Task DeleteCompanyKeysAsync(string companyId, CancellationToken cancellationToken);

    /// <summary>The generated admin key's hash, when the embedded host made one.</summary>
    Task<ApiKeyRecord?> GetAdminKeyAsync(CancellationToken cancellationToken);

    Task SetAdminKeyAsync(string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken);
}

/// <summary>Makes new secret keys. Injected so tests are deterministic.</summary>
public interface IApiKeyGenerator
{
    string NewKey();
}

/// <summary>256 random bits from the OS CSPRNG, URL-safe, with a prefix that makes leaked keys easy to grep for.</summary>
public sealed class RandomApiKeyGenerator : IApiKeyGenerator
{
    public string NewKey() =>
        "alk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A key handed out once, at creation or rotation.</summary>
public sealed record IssuedApiKey(string CompanyId, string Key, DateTimeOffset CreatedAt)
{
    public string Note { get; init; } = "Shown once. Store it now; only its hash is kept.";
}

/// <summary>Authenticates bearer keys and issues new ones. Keys are compared by hash, in constant time.</summary>
public sealed class ApiKeyService(IApiKeyStore store, IApiKeyGenerator generator, TimeProvider clock, IOptions<ApiOptions> options)
{
    private const string BearerPrefix = "Bearer ";

    // IOptions<T> yields one value for the container's lifetime and this service is a singleton, so the configured
    // admin key is hashed once, on first use, instead of on every request. Null when no key is configured.
    private readonly Lazy<byte[]?> _configuredAdminHash = new(() =>
        string.IsNullOrEmpty(options.Value.AdminKey) ? null : HashBytes(options.Value.AdminKey));

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(HashBytes(key));

    /// <summary>The key of an <c>Authorization: Bearer &lt;key&gt;</c> header (prefix case-insensitive, trimmed); null otherwise.</summary>
    public static string? BearerKey(string? header) =>
        header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? header[BearerPrefix.Length..].Trim()
            : null;

    /// <summary>Reads <c>Authorization: Bearer &lt;key&gt;</c>; null when absent, malformed or unknown.</summary>
    public Task<ApiCaller?> AuthenticateHeaderAsync(string? authorization, CancellationToken cancellationToken) =>
        BearerKey(authorization) is { } key ? AuthenticateKeyAsync(key, cancellationToken) : Task.FromResult<ApiCaller?>(null);

    /// <summary>Authenticates a raw key (the dashboard's form, cookie or <c>?key=</c>).</summary>
    public async Task<ApiCaller?> AuthenticateKeyAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 512)
        {
            return null;
        }

        var presented = HashBytes(key);
        var configured = _configuredAdminHash.Value;
        if (configured is not null && CryptographicOperations.FixedTimeEquals(presented, configured))
        {
            return ApiCaller.Admin;
        }

        // Looked up by hash: the stored value is never the key itself, so the lookup leaks nothing about it;
        // the final comparison is still constant-time.
        var record = await store.FindByHashAsync(Convert.ToHexStringLower(presented), cancellationToken).ConfigureAwait(false);
        if (record is null || !FixedTimeEquals(presented, record.KeyHash))
        {
            return null;
        }

        if (record.IsAdmin)
        {
            // A generated admin key counts only while no key is configured: configuring one replaces it.
            return configured is null ? ApiCaller.Admin : null;
        }

        return ApiCaller.ForCompany(record.CompanyId!);
    }

    /// <summary>Creates or rotates the key of a company; the answer is the only time the key is visible.</summary>
    public async Task<IssuedApiKey> IssueCompanyKeyAsync(string companyId, CancellationToken cancellationToken)
    {
        var key = generator.NewKey();
        var now = clock.GetUtcNow();
        await store.SetCompanyKeyAsync(companyId, Hash(key), now, cancellationToken).ConfigureAwait(false);
        return new IssuedApiKey(companyId, key, now);
    }

    /// <summary>
    /// First start without <c>Api:AdminKey</c>: generates an admin key, stores its hash and returns the key so the host
    /// prints it once. Returns null when a key is configured or one was generated before.
    /// </summary>
    public async Task<string?> EnsureAdminKeyAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Value.AdminKey))
        {
            return null;
        }

        if (await store.GetAdminKeyAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var key = generator.NewKey();
        await store.SetAdminKeyAsync(Hash(key), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return key;
    }

    private static byte[] HashBytes(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }

    private static bool FixedTimeEquals(byte[] presented, string storedHexHash)
    {
        if (storedHexHash.Length != presented.Length * 2)
        {
            return false;
        }

        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHexHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }
}
