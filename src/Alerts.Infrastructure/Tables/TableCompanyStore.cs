using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.KeyVault;
using Azure;
using Azure.Data.Tables;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Companies in Azure Table storage: one partition, one entity per company, the company as JSON split over
/// <c>Json0..JsonN</c> (a string property holds at most 32K characters). With a <see cref="WebhookSecretVault"/> (Azure
/// mode), Teams webhook URLs live in Key Vault and the row holds only their references.
/// </summary>
public sealed class TableCompanyStore : ICompanyStore
{
    private const string Partition = "company";
    private const int ChunkLength = 30_000;

    // A table transaction takes at most 100 operations in one partition.
    private const int BatchSize = 100;

    private readonly TableClient _table;
    private readonly WebhookSecretVault? _vault;
    private volatile bool _created;

    public TableCompanyStore(TableServiceClient service, TableStorageOptions options)
        : this(service, options, null)
    {
    }

    internal TableCompanyStore(TableServiceClient service, TableStorageOptions options, WebhookSecretVault? vault)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.TablePrefix + "companies");
        _vault = vault;
    }

    public async Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var companies = new List<Company>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            companies.Add(await ReadAsync(entity, cancellationToken).ConfigureAwait(false));
        }

        return [.. companies.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, companyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? await ReadAsync(response.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    public Task UpsertAsync(Company company, CancellationToken cancellationToken) => UpsertManyAsync([company], cancellationToken);

    /// <summary>All or nothing for up to 100 companies (one table transaction); larger imports go in batches of 100.</summary>
    public async Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companies);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in companies.Chunk(BatchSize))
        {
            var stored = new List<Company>(batch.Length);
            var replaced = new List<string>();
            foreach (var company in batch)
            {
                replaced.AddRange(await StoredReferencesAsync(company.Id, cancellationToken).ConfigureAwait(false));
                stored.Add(_vault is null ? company : await _vault.ToStoredAsync(company, cancellationToken).ConfigureAwait(false));
            }

            var actions = stored.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(c))).ToList();
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);

            // Only after the rows no longer point at them: a failed transaction leaves every old secret in place.
            var kept = stored.SelectMany(c => c.Teams).Select(t => t.WebhookUrl).ToHashSet(StringComparer.Ordinal);
            await ForgetAsync(replaced.Where(r => !kept.Contains(r)), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var references = await StoredReferencesAsync(companyId, cancellationToken).ConfigureAwait(false);
            var response = await _table.DeleteEntityAsync(Partition, companyId, ETag.All, cancellationToken).ConfigureAwait(false);
            await ForgetAsync(references, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Company company)
    {
        var json = JsonSerializer.Serialize(company, AlertsJson.Web);
        var entity = new TableEntity(Partition, company.Id) { ["Name"] = company.Name };
        var chunks = json.Chunk(ChunkLength).Select(c => new string(c)).ToList();
        entity["Chunks"] = chunks.Count;
        for (var i = 0; i < chunks.Count; i++)
        {
            entity[$"Json{i}"] = chunks[i];
        }

        return entity;
    }

    private async Task<Company> ReadAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var stored = ReadStored(entity);
        return _vault is null ? stored : await _vault.ToLiveAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    private static Company ReadStored(TableEntity entity)
    {
        var count = entity.GetInt32("Chunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString($"Json{i}")));
        return SubscriptionsService.Complete(JsonSerializer.Deserialize<Company>(json, AlertsJson.Web)
            ?? throw new InvalidOperationException($"Stored company '{entity.RowKey}' is empty."));
    }

    /// <summary>The vault references the company's stored row holds now (none without a vault or a row).</summary>
    private async Task<IReadOnlyList<string>> StoredReferencesAsync(string companyId, CancellationToken cancellationToken)
    {
        if (_vault is null)
        {
            return [];
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, companyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue
            ? [.. ReadStored(response.Value!).Teams.Select(t => t.WebhookUrl).Where(WebhookSecretVault.IsReference)]
            : [];
    }

    private Task ForgetAsync(IEnumerable<string> references, CancellationToken cancellationToken) =>
        _vault is null ? Task.CompletedTask : _vault.ForgetAsync(references, cancellationToken);

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}
