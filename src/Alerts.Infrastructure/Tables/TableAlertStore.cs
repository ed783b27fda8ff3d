using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Alerts;
using Azure;
using Azure.Data.Tables;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Alerts in Table storage: partition = company id, row = alert id, the alert as JSON. Upsert keeps the first
/// <c>CreatedAt</c>, so a redelivered change does not move an alert into a later digest.
/// </summary>
internal sealed class TableAlertStore(DeliveryTableClients tables) : IAlertStore
{
    private const string TableName = "deliveryalerts";

    public async Task UpsertAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(alert.CompanyId, alert.AlertId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var createdAt = existing.HasValue && existing.Value!.GetDateTimeOffset("CreatedAt") is { } first ? first : alert.CreatedAt;
            var stored = alert with { CreatedAt = createdAt };
            var entity = new TableEntity(alert.CompanyId, alert.AlertId)
            {
                ["Severity"] = (int)alert.Severity,
                ["CreatedAt"] = createdAt,
                ["Categories"] = "|" + string.Join('|', alert.Categories) + "|",
                ["Json"] = JsonSerializer.Serialize(stored, AlertsJson.Web),
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);

        // Ids are global but rows are partitioned by company: a cross-partition point filter on RowKey.
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.RowKey == alertId, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return Read(entity);
        }

        return null;
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filters = new List<string>();
        if (query.CompanyId is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {query.CompanyId}"));
        }

        if (query.MinSeverity is { } severity)
        {
            filters.Add(TableClient.CreateQueryFilter($"Severity ge {(int)severity}"));
        }

        if (query.Since is { } since)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {since}"));
        }

        if (query.Until is { } until)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt lt {until}"));
        }

        var results = new List<Alert>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (query.Category is null || (entity.GetString("Categories") ?? "").Contains("|" + query.Category + "|", StringComparison.Ordinal))
            {
                results.Add(Read(entity));
            }
        }

        return results.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal).Take(Math.Max(1, query.Limit)).ToList();
    }

    private static Alert Read(TableEntity entity) =>
        JsonSerializer.Deserialize<Alert>(entity.GetString("Json"), AlertsJson.Web) ?? throw new RequestFailedException("Alert row without JSON.");
}
