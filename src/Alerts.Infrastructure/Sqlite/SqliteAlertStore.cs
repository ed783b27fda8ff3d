using System.Globalization;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Alerts;
using Microsoft.Data.Sqlite;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>Alerts in SQLite: one row per alert id (upsert = idempotent), the alert itself as JSON.</summary>
internal sealed class SqliteAlertStore(SqliteDatabase database) : IAlertStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS delivery_alerts (
            alert_id   TEXT PRIMARY KEY,
            company_id TEXT NOT NULL,
            severity   INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            categories TEXT NOT NULL,
            json       TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_delivery_alerts_company ON delivery_alerts (company_id, created_at);
        """;


    public async Task UpsertAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var alert in alerts)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;

            // The first write wins for created_at: a redelivered change must not move an alert into a later digest.
            command.CommandText = """
                INSERT INTO delivery_alerts (alert_id, company_id, severity, created_at, categories, json)
                VALUES ($id, $company, $severity, $created, $categories, $json)
                ON CONFLICT (alert_id) DO UPDATE SET severity = excluded.severity, categories = excluded.categories,
                    json = json_set(excluded.json, '$.createdAt', json_extract(delivery_alerts.json, '$.createdAt'));
                """;
            command.Parameters.AddWithValue("$id", alert.AlertId);
            command.Parameters.AddWithValue("$company", alert.CompanyId);
            command.Parameters.AddWithValue("$severity", (int)alert.Severity);
            command.Parameters.AddWithValue("$created", alert.CreatedAt.UtcTicks);
            command.Parameters.AddWithValue("$categories", "|" + string.Join('|', alert.Categories) + "|");
            command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(alert, AlertsJson.Web));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM delivery_alerts WHERE alert_id = $id";
        command.Parameters.AddWithValue("$id", alertId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<Alert>(json, AlertsJson.Web)
            : null;
    }

    public async Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.CompanyId is not null)
        {
            where.Add("company_id = $company");
            command.Parameters.AddWithValue("$company", query.CompanyId);
        }

        if (query.MinSeverity is { } severity)
        {
            where.Add("severity >= $severity");
            command.Parameters.AddWithValue("$severity", (int)severity);
        }

        if (query.Category is not null)
        {
            where.Add("instr(categories, $category) > 0");
            command.Parameters.AddWithValue("$category", "|" + query.Category + "|");
        }

        // Since inclusive, Until exclusive: consecutive periods neither overlap nor leave a gap.
        if (query.Since is { } since)
        {
            where.Add("created_at >= $since");
            command.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        if (query.Until is { } until)
        {
            where.Add("created_at < $until");
            command.Parameters.AddWithValue("$until", until.UtcTicks);
        }

        command.CommandText = "SELECT json FROM delivery_alerts"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY created_at DESC, alert_id LIMIT " + Math.Clamp(query.Limit, 1, 10_000).ToString(CultureInfo.InvariantCulture);
        var results = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            results.Add(JsonSerializer.Deserialize<Alert>(reader.GetString(0), AlertsJson.Web)!);
        }

        return results;
    }
}
