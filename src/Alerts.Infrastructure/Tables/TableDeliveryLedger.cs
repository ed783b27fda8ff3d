using Alerts.Core.Delivery;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Tables;

/// <summary>The delivery ledger in Table storage: partition = alert id, row = hash(alert, channel, recipient).</summary>
internal sealed class TableDeliveryLedger(DeliveryTableClients tables) : IDeliveryLedger
{
    private const string TableName = "deliveryledger";

    public async Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var key = new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(alertId, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetString("Outcome") is nameof(DeliveryOutcome.Sent) or nameof(DeliveryOutcome.Failed);
    }

    public async Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var key = new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(alertId, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && Enum.TryParse<DeliveryOutcome>(row.Value!.GetString("Outcome"), out var parsed) ? parsed : null;
    }

    public async Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        if (record.Outcome is DeliveryOutcome.Retrying or DeliveryOutcome.Sending && await WasSentAsync(record.AlertId, record.Channel, record.Recipient, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await table.UpsertEntityAsync(
            new TableEntity(record.AlertId, record.Key)
            {
                ["Channel"] = record.Channel.ToString(),
                ["Recipient"] = record.Recipient,
                ["Outcome"] = record.Outcome.ToString(),
                ["At"] = record.At,
                ["Detail"] = record.Detail,
                ["ProviderMessageId"] = record.ProviderMessageId,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<(DeliveryChannel, DeliveryOutcome), long>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"At ge {since}"), select: ["Channel", "Outcome", "Recipient"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // A card written to the outbox for a company with no Teams webhook reached nobody: not a delivery.
            if (entity.GetString("Channel") == nameof(DeliveryChannel.Teams) && entity.GetString("Recipient") == WebhookIdentity.Hash(null))
            {
                continue;
            }

            var key = (Enum.Parse<DeliveryChannel>(entity.GetString("Channel")), Enum.Parse<DeliveryOutcome>(entity.GetString("Outcome")));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2).Select(c => new DeliveryStat(c.Key.Item1, c.Key.Item2, c.Value)).ToList();
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = new List<DeliveryRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {alertId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DeliveryRecord(
                alertId,
                Enum.Parse<DeliveryChannel>(entity.GetString("Channel")),
                entity.GetString("Recipient"),
                Enum.Parse<DeliveryOutcome>(entity.GetString("Outcome")),
                entity.GetDateTimeOffset("At") ?? default)
            {
                Detail = entity.GetString("Detail"),
                ProviderMessageId = entity.GetString("ProviderMessageId"),
            });
        }

        // The same order as SQLite's ORDER BY channel, recipient (ordinal, as SQLite compares TEXT).
        return [.. rows.OrderBy(r => r.Channel.ToString(), StringComparer.Ordinal).ThenBy(r => r.Recipient, StringComparer.Ordinal)];
    }
}
