using Alerts.Core.Api;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Api;

/// <summary>
/// API keys in Azure Table storage, hashes only. Two kinds of rows in one table:
/// <c>owner/{companyId|*admin*}</c> holds the current hash of an owner, <c>hash/{sha256}</c> points back to its owner
/// for lookup. Tables has no cross-partition transaction, so a lookup trusts a hash row only while its owner row still
/// names that hash: a rotation that stopped half-way never leaves the old key working.
/// </summary>
internal sealed class TablesApiKeyStore(TableClient table) : IApiKeyStore
{
    private const string AdminOwner = "*admin*";
    private const string OwnerPartition = "owner";
    private const string HashPartition = "hash";

    private volatile bool _created;

    public async Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(HashPartition, keyHash, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!pointer.HasValue || pointer.Value?.GetString("Owner") is not { } owner)
        {
            return null;
        }

        var record = await ReadOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        return record is not null && string.Equals(record.KeyHash, keyHash, StringComparison.Ordinal) ? record : null;
    }

    public Task SetCompanyKeyAsync(string companyId, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(companyId);
        return SetAsync(companyId, keyHash, createdAt, cancellationToken);
    }

    public async Task DeleteCompanyKeysAsync(string companyId, CancellationToken cancellationToken)
    {
        var existing = await ReadOwnerAsync(companyId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return;
        }

        await table.DeleteEntityAsync(OwnerPartition, companyId, ETag.All, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(HashPartition, existing.KeyHash, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    public Task<ApiKeyRecord?> GetAdminKeyAsync(CancellationToken cancellationToken) => ReadOwnerAsync(AdminOwner, cancellationToken);

    public Task SetAdminKeyAsync(string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        SetAsync(AdminOwner, keyHash, createdAt, cancellationToken);

    private async Task SetAsync(string owner, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var previous = await ReadOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(HashPartition, keyHash) { ["Owner"] = owner }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(OwnerPartition, owner) { ["KeyHash"] = keyHash, ["CreatedAt"] = createdAt },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        if (previous is not null && !string.Equals(previous.KeyHash, keyHash, StringComparison.Ordinal))
        {
            await table.DeleteEntityAsync(HashPartition, previous.KeyHash, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ApiKeyRecord?> ReadOwnerAsync(string owner, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(OwnerPartition, owner, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is null)
        {
            return null;
        }

        var entity = row.Value;
        return new ApiKeyRecord(entity.GetString("KeyHash"), owner == AdminOwner ? null : owner, entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}
