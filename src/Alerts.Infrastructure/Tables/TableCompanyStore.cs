using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Subscriptions;
using Azure;
using Azure.Data.Tables;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Companies in Azure Table storage: one partition, one entity per company, the company as JSON split over
/// <c>Json0..JsonN</c> (a string property holds at most 32K characters).
/// </summary>
public sealed class TableCompanyStore(TableServiceClient service, TableStorageOptions options) : ICompanyStore
{
    private const string Partition = "company";
    private const int ChunkLength = 30_000;

    // A table transaction takes at most 100 operations in one partition.
    private const int BatchSize = 100;

    private readonly TableClient _table = service.GetTableClient(options.TablePrefix + "companies");
    private volatile bool _created;

    public async Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var companies = new List<Company>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            companies.Add(Read(entity));
        }

        return [.. companies.OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    public async Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, companyId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public Task UpsertAsync(Company company, CancellationToken cancellationToken) => UpsertManyAsync([company], cancellationToken);

    /// <summary>All or nothing for up to 100 companies (one table transaction); larger imports go in batches of 100.</summary>
    public async Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companies);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in companies.Chunk(BatchSize))
        {
            var actions = batch.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(c))).ToList();
            await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await _table.DeleteEntityAsync(Partition, companyId, ETag.All, cancellationToken).ConfigureAwait(false);
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

    private static Company Read(TableEntity entity)
    {
        var count = entity.GetInt32("Chunks") ?? 0;
        var json = string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString($"Json{i}")));
        return SubscriptionsService.Complete(JsonSerializer.Deserialize<Company>(json, AlertsJson.Web)
            ?? throw new InvalidOperationException($"Stored company '{entity.RowKey}' is empty."));
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            _created = true;
        }
    }
}
