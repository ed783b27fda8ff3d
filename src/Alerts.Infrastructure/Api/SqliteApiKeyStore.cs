using Alerts.Core.Api;
using Alerts.Infrastructure.Sqlite;

namespace Alerts.Infrastructure.Api;

/// <summary>API keys in the embedded database: only SHA-256 hashes, one row per company plus the generated admin key.</summary>
internal sealed class SqliteApiKeyStore(SqliteDatabase database) : IApiKeyStore
{
    // The admin key's row uses a company id no real company can have (ids are [a-z0-9-]).
    private const string AdminOwner = "*admin*";

    private const string Schema =
        """
        CREATE TABLE IF NOT EXISTS api_keys (
            owner TEXT PRIMARY KEY,
            key_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        """;


    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner, key_hash, created_at FROM api_keys WHERE key_hash = $hash";
        command.Parameters.AddWithValue("$hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var owner = reader.GetString(0);
        return new ApiKeyRecord(reader.GetString(1), owner == AdminOwner ? null : owner, DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task SetCompanyKeyAsync(string companyId, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(companyId);
        return UpsertAsync(companyId, keyHash, createdAt, cancellationToken);
    }

    public async Task DeleteCompanyKeysAsync(string companyId, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM api_keys WHERE owner = $owner";
        command.Parameters.AddWithValue("$owner", companyId);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> GetAdminKeyAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash, created_at FROM api_keys WHERE owner = $owner";
        command.Parameters.AddWithValue("$owner", AdminOwner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ApiKeyRecord(reader.GetString(0), null, DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture))
            : null;
    }

    public Task SetAdminKeyAsync(string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        UpsertAsync(AdminOwner, keyHash, createdAt, cancellationToken);

    private async Task UpsertAsync(string owner, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            INSERT INTO api_keys (owner, key_hash, created_at) VALUES ($owner, $hash, $at)
            ON CONFLICT(owner) DO UPDATE SET key_hash = excluded.key_hash, created_at = excluded.created_at
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$hash", keyHash);
        command.Parameters.AddWithValue("$at", createdAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

}
