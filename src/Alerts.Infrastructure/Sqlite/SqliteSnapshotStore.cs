using System.Globalization;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Changes;
using Microsoft.Data.Sqlite;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>
/// Snapshots as one JSON document per source with an integer row version (optimistic concurrency), and change records
/// by id. A save writes both in one transaction.
/// </summary>
internal sealed class SqliteSnapshotStore(SqliteDatabase database) : ISnapshotStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS snapshots (
            source_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            document TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS changes (
            change_id TEXT PRIMARY KEY,
            source_id TEXT NOT NULL,
            detected_at INTEGER NOT NULL,
            event TEXT NOT NULL,
            record TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_changes_detected ON changes(detected_at);
        """;

    // Idempotent DDL: two racing first calls both running it is harmless.

    public async Task<SourceSnapshot?> LoadAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, document FROM snapshots WHERE source_id = $id";
        command.Parameters.AddWithValue("$id", sourceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<SourceSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, document FROM snapshots ORDER BY source_id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SourceSnapshot>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<string> SaveAsync(SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO changes (change_id, source_id, detected_at, event, record) VALUES ($id, $source, $at, $event, $record)";
            insert.Parameters.AddWithValue("$id", change.Change.ChangeId);
            insert.Parameters.AddWithValue("$source", change.Change.SourceId);
            insert.Parameters.AddWithValue("$at", change.Change.DetectedAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$event", JsonSerializer.Serialize(change.Change, AlertsJson.Web));
            insert.Parameters.AddWithValue("$record", JsonSerializer.Serialize(change, AlertsJson.Web));
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var document = JsonSerializer.Serialize(snapshot with { Version = null }, AlertsJson.Web);
        long newVersion;
        await using (var write = connection.CreateCommand())
        {
            write.Transaction = transaction;
            if (snapshot.Version is null)
            {
                newVersion = 1;
                write.CommandText = "INSERT OR IGNORE INTO snapshots (source_id, version, document) VALUES ($id, 1, $doc)";
            }
            else
            {
                if (!long.TryParse(snapshot.Version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var expected))
                {
                    throw new SnapshotConflictException($"'{snapshot.Version}' is not a version of this store.");
                }

                newVersion = expected + 1;
                write.CommandText = "UPDATE snapshots SET version = $new, document = $doc WHERE source_id = $id AND version = $expected";
                write.Parameters.AddWithValue("$expected", expected);
                write.Parameters.AddWithValue("$new", newVersion);
            }

            write.Parameters.AddWithValue("$id", snapshot.SourceId);
            write.Parameters.AddWithValue("$doc", document);
            if (await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                throw new SnapshotConflictException($"The snapshot of {snapshot.SourceId} was saved by another poller.");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return newVersion.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<ChangeRecord?> GetChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT record FROM changes WHERE change_id = $id";
        command.Parameters.AddWithValue("$id", changeId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json
            ? JsonSerializer.Deserialize<ChangeRecord>(json, AlertsJson.Web)
            : null;
    }

    public async Task<IReadOnlyList<ChangeEvent>> ListChangesAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT event FROM changes WHERE detected_at >= $since ORDER BY detected_at DESC, change_id LIMIT $limit";
        command.Parameters.AddWithValue("$since", since?.ToUnixTimeMilliseconds() ?? long.MinValue);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<ChangeEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<ChangeEvent>(reader.GetString(0), AlertsJson.Web)!);
        }

        return list;
    }

    private static SourceSnapshot Read(SqliteDataReader reader) =>
        JsonSerializer.Deserialize<SourceSnapshot>(reader.GetString(1), AlertsJson.Web)! with
        {
            Version = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture),
        };

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        return await database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }
}
