using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Tables;

/// <summary>Table clients for the delivery stores, created once each (CreateIfNotExists on first use).</summary>
internal sealed class DeliveryTableClients(IOptions<TableStorageOptions> options)
{
    private readonly Lazy<TableServiceClient> _service = new(() => Create(options.Value));
    private readonly Dictionary<string, Task<TableClient>> _tables = [];
    private readonly Lock _lock = new();

    public Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_tables.TryGetValue(name, out var table) || table.IsFaulted || table.IsCanceled)
            {
                table = CreateTableAsync(options.Value.TablePrefix + name, cancellationToken);
                _tables[name] = table;
            }

            return table;
        }
    }

    private async Task<TableClient> CreateTableAsync(string name, CancellationToken cancellationToken)
    {
        var client = _service.Value.GetTableClient(name);
        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    private static TableServiceClient Create(TableStorageOptions options) =>
        !string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.ConnectionString)
            : new TableServiceClient(options.TableServiceUri ?? throw new InvalidOperationException("Storage:ConnectionString or Storage:TableServiceUri is required."), new DefaultAzureCredential());
}
