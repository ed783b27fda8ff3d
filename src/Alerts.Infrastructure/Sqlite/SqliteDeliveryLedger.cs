using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>The delivery ledger in SQLite, keyed by <see cref="DeliveryRecord.Key"/> = hash(alert, channel, recipient).</summary>
internal sealed class SqliteDeliveryLedger(SqliteDatabase database) : IDeliveryLedger
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS delivery_ledger (
            key       TEXT PRIMARY KEY,
            alert_id  TEXT NOT NULL,
            channel   TEXT NOT NULL,
            recipient TEXT NOT NULL,
            outcome   TEXT NOT NULL,
            at        INTEGER NOT NULL,
            detail    TEXT,
            provider_message_id TEXT);
        CREATE INDEX IF NOT EXISTS ix_delivery_ledger_at ON delivery_ledger (at);
        CREATE INDEX IF NOT EXISTS ix_delivery_ledger_alert ON delivery_ledger (alert_id);
        """;


    /// <summary>The table, and the provider-message-id column a ledger written before it lacks.</summary>
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await database.EnsureColumnAsync("delivery_ledger", "provider_message_id", "TEXT", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True once the outcome is final: sent, or failed for good (a 400 is not retried).</summary>
    public async Task<bool> WasSentAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome FROM delivery_ledger WHERE key = $key";
        command.Parameters.AddWithValue("$key", new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key);
        var outcome = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        return outcome is nameof(DeliveryOutcome.Sent) or nameof(DeliveryOutcome.Failed);
    }

    public async Task<DeliveryOutcome?> GetOutcomeAsync(string alertId, DeliveryChannel channel, string recipient, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT outcome FROM delivery_ledger WHERE key = $key";
        command.Parameters.AddWithValue("$key", new DeliveryRecord(alertId, channel, recipient, DeliveryOutcome.Sent, default).Key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string outcome && Enum.TryParse<DeliveryOutcome>(outcome, out var parsed)
            ? parsed
            : null;
    }

    public async Task RecordAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // A final outcome is never overwritten by a later "retrying" or "sending".
        command.CommandText = """
            INSERT INTO delivery_ledger (key, alert_id, channel, recipient, outcome, at, detail, provider_message_id)
            VALUES ($key, $alert, $channel, $recipient, $outcome, $at, $detail, $provider)
            ON CONFLICT (key) DO UPDATE SET outcome = excluded.outcome, at = excluded.at, detail = excluded.detail, provider_message_id = excluded.provider_message_id
            WHERE delivery_ledger.outcome IN ('Retrying', 'Sending');
            """;
        command.Parameters.AddWithValue("$key", record.Key);
        command.Parameters.AddWithValue("$alert", record.AlertId);
        command.Parameters.AddWithValue("$channel", record.Channel.ToString());
        command.Parameters.AddWithValue("$recipient", record.Recipient);
        command.Parameters.AddWithValue("$outcome", record.Outcome.ToString());
        command.Parameters.AddWithValue("$at", record.At.UtcTicks);
        command.Parameters.AddWithValue("$detail", (object?)record.Detail ?? DBNull.Value);
        command.Parameters.AddWithValue("$provider", (object?)record.ProviderMessageId ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeliveryStat>> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, outcome, COUNT(*) FROM delivery_ledger WHERE at >= $since AND NOT (channel = $teams AND recipient = $outbox) GROUP BY channel, outcome ORDER BY channel, outcome";
        command.Parameters.AddWithValue("$since", since.UtcTicks);
        // A card written to the outbox for a company with no Teams webhook reached nobody: not a delivery.
        command.Parameters.AddWithValue("$teams", nameof(DeliveryChannel.Teams));
        command.Parameters.AddWithValue("$outbox", WebhookIdentity.Hash(null));
        var stats = new List<DeliveryStat>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            stats.Add(new DeliveryStat(Enum.Parse<DeliveryChannel>(reader.GetString(0)), Enum.Parse<DeliveryOutcome>(reader.GetString(1)), reader.GetInt64(2)));
        }

        return stats;
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string alertId, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, recipient, outcome, at, detail, provider_message_id FROM delivery_ledger WHERE alert_id = $alert ORDER BY channel, recipient";
        command.Parameters.AddWithValue("$alert", alertId);
        var rows = new List<DeliveryRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new DeliveryRecord(
                alertId,
                Enum.Parse<DeliveryChannel>(reader.GetString(0)),
                reader.GetString(1),
                Enum.Parse<DeliveryOutcome>(reader.GetString(2)),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero))
            {
                Detail = reader.IsDBNull(4) ? null : reader.GetString(4),
                ProviderMessageId = reader.IsDBNull(5) ? null : reader.GetString(5),
            });
        }

        return rows;
    }
}
