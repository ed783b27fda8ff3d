using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Tables;

/// <summary>Table clients for the delivery stores, created once each (CreateIfNotExists on first use).</summary>
internal sealed class DeliveryTableClients(TableServiceClient service, IOptions<TableStorageOptions> options)
{
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
        var client = service.GetTableClient(name);
        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }
}
