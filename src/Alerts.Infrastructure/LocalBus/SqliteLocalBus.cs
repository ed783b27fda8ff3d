using System.Globalization;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Messaging;
using Alerts.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;
using BusSubscriptions = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Infrastructure.LocalBus;

/// <summary>
/// The durable local bus of <c>alerts run</c>: the Service Bus topic's behaviour on SQLite. A published message is
/// copied to every subscription once (its id is remembered: a re-send is dropped), received under a lock that expires,
/// counted per delivery, and dead-lettered past the maximum. Everything is in the database, so it survives a restart.
/// Both topics live here: a change is copied to <c>alerts</c>, an <see cref="AlertsRaised"/> to each channel's
/// subscription; subscription names are unique across topics, so one table holds them all.
/// </summary>
internal sealed class SqliteLocalBus(SqliteDatabase database, IOptions<LocalBusOptions> options, TimeProvider clock)
    : IChangePublisher, IAlertsRaisedPublisher, IChangeConsumer, IDeadLetterQueue
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bus_messages (
            message_id TEXT PRIMARY KEY,
            enqueued_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bus_deliveries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            subscription TEXT NOT NULL,
            message_id TEXT NOT NULL,
            body TEXT NOT NULL,
            properties TEXT NOT NULL,
            enqueued_at INTEGER NOT NULL,
            delivery_count INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            lock_token TEXT,
            dead INTEGER NOT NULL DEFAULT 0,
            dead_reason TEXT,
            dead_description TEXT,
            dead_at INTEGER,
            UNIQUE (subscription, message_id));
        """;

    // Idempotent DDL: two racing first calls both running it is harmless.

    public async Task PublishAsync(IReadOnlyList<ChangeEvent> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var change in changes)
        {
            await EnqueueAsync(connection, transaction, change.ChangeId, ChangeMessages.Body(change), ChangeMessages.Properties(change), BusSubscriptions.Of(BusSubscriptions.Topic), now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PublishAsync(IReadOnlyList<AlertsRaised> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var raised in messages)
        {
            await EnqueueAsync(connection, transaction, raised.MessageId, AlertsRaisedMessages.Body(raised), AlertsRaisedMessages.Properties(raised), BusSubscriptions.Of(BusSubscriptions.AlertsRaisedTopic), now, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string subscription, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription);
        _ = maxWait; // Local reads are instant: an empty answer is returned at once and the caller's schedule is the wait.
        var settings = options.Value;
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        // The scan reads no bodies: a backlog of thousands would otherwise be loaded on every receive to lock a few.
        var candidates = new List<(long Seq, string MessageId, long EnqueuedAt, int DeliveryCount)>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = """
                SELECT seq, message_id, enqueued_at, delivery_count FROM bus_deliveries
                WHERE subscription = $sub AND dead = 0 AND (locked_until IS NULL OR locked_until <= $now)
                ORDER BY seq
                """;
            select.Parameters.AddWithValue("$sub", subscription);
            select.Parameters.AddWithValue("$now", nowMs);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                candidates.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)));
            }
        }

        var received = new List<ReceivedMessage>();
        foreach (var c in candidates)
        {
            if (received.Count >= maxMessages)
            {
                break;
            }

            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.Parameters.AddWithValue("$seq", c.Seq);
            update.Parameters.AddWithValue("$now", nowMs);
            if (c.DeliveryCount >= settings.MaxDeliveryCount)
            {
                // Its last lock expired unsettled: like Service Bus, it goes to the dead-letter queue instead.
                update.CommandText = "UPDATE bus_deliveries SET dead = 1, dead_reason = 'MaxDeliveryCountExceeded', dead_description = $d, dead_at = $now, locked_until = NULL, lock_token = NULL WHERE seq = $seq";
                update.Parameters.AddWithValue("$d", $"Delivered {c.DeliveryCount} times without being settled.");
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var count = c.DeliveryCount + 1;
            var token = ContentHash.Short(subscription, c.MessageId, count.ToString(CultureInfo.InvariantCulture), nowMs.ToString(CultureInfo.InvariantCulture));
            update.CommandText = """
                UPDATE bus_deliveries SET delivery_count = $count, locked_until = $until, lock_token = $token WHERE seq = $seq;
                SELECT body, properties FROM bus_deliveries WHERE seq = $seq;
                """;
            update.Parameters.AddWithValue("$count", count);
            update.Parameters.AddWithValue("$until", (now + settings.LockDuration).ToUnixTimeMilliseconds());
            update.Parameters.AddWithValue("$token", token);
            await using var locked = await update.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await locked.ReadAsync(cancellationToken).ConfigureAwait(false);
            received.Add(new ReceivedMessage(c.MessageId, subscription, locked.GetString(0), count, token, DateTimeOffset.FromUnixTimeMilliseconds(c.EnqueuedAt))
            {
                Properties = JsonSerializer.Deserialize<Dictionary<string, string>>(locked.GetString(1), AlertsJson.Web) ?? [],
            });
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return received;
    }

    public async Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await SettleAsync(message, "DELETE FROM bus_deliveries", null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Leaves the lock to expire: the expiry is the back-off (no Abandon, which would burn delivery counts).</summary>
    public Task LeaveForRetryAsync(ReceivedMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await SettleAsync(message, "UPDATE bus_deliveries SET dead = 1, dead_reason = $reason, dead_description = $description, dead_at = $now, locked_until = NULL, lock_token = NULL", reason, description, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT subscription, message_id, dead_reason, dead_description, delivery_count, dead_at, body FROM bus_deliveries
            WHERE dead = 1 AND ($sub IS NULL OR subscription = $sub) ORDER BY dead_at, seq
            """;
        command.Parameters.AddWithValue("$sub", (object?)subscription ?? DBNull.Value);
        return await ReadDeadLettersAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TrySplitId(id, out var subscription, out var messageId))
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT subscription, message_id, dead_reason, dead_description, delivery_count, dead_at, body FROM bus_deliveries
            WHERE dead = 1 AND subscription = $sub AND message_id = $id
            """;
        command.Parameters.AddWithValue("$sub", subscription);
        command.Parameters.AddWithValue("$id", messageId);
        return await ReadDeadLettersAsync(command, cancellationToken).ConfigureAwait(false) is [var first, ..] ? first : null;
    }

    public async Task<string?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        if (!TrySplitId(id, out var subscription, out var messageId))
        {
            return null;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        string body;
        string properties;
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = "SELECT body, properties FROM bus_deliveries WHERE dead = 1 AND subscription = $sub AND message_id = $id";
            select.Parameters.AddWithValue("$sub", subscription);
            select.Parameters.AddWithValue("$id", messageId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            body = reader.GetString(0);
            properties = reader.GetString(1);
        }

        // A copy with the original id would be dropped as a duplicate: the replay gets {id}:replay:{n}.
        var original = ReplayBase(messageId);
        var n = 1;
        while (await ExistsAsync(connection, transaction, $"{original}:replay:{n}", cancellationToken).ConfigureAwait(false))
        {
            n++;
        }

        var newId = $"{original}:replay:{n}";
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await EnqueueAsync(connection, transaction, newId, body, JsonSerializer.Deserialize<Dictionary<string, string>>(properties, AlertsJson.Web) ?? [], [subscription], now, cancellationToken).ConfigureAwait(false);
        await using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM bus_deliveries WHERE dead = 1 AND subscription = $sub AND message_id = $id";
            delete.Parameters.AddWithValue("$sub", subscription);
            delete.Parameters.AddWithValue("$id", messageId);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return newId;
    }

    public async Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT subscription, SUM(dead = 0), SUM(dead = 1) FROM bus_deliveries GROUP BY subscription";
        var counts = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        return BusSubscriptions.All.Concat(counts.Keys).Distinct(StringComparer.Ordinal)
            .Select(s => counts.TryGetValue(s, out var c) ? new QueueDepth(s, c.Item1, c.Item2) : new QueueDepth(s, 0, 0))
            .ToList();
    }

    /// <summary>Dead letters are addressed as <c>{subscription}:{messageId}</c> (<see cref="DeadLetterIds"/>).</summary>
    internal static string DeadLetterId(string subscription, string messageId) => DeadLetterIds.Format(subscription, messageId);

    private static bool TrySplitId(string id, out string subscription, out string messageId) => DeadLetterIds.TrySplit(id, out subscription, out messageId);

    private static string ReplayBase(string messageId)
    {
        var marker = messageId.IndexOf(":replay:", StringComparison.Ordinal);
        return marker > 0 ? messageId[..marker] : messageId;
    }

    private static async Task<bool> ExistsAsync(SqliteConnection connection, SqliteTransaction transaction, string messageId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM bus_messages WHERE message_id = $id";
        command.Parameters.AddWithValue("$id", messageId);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    private static async Task EnqueueAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string messageId,
        string body,
        IReadOnlyDictionary<string, string> properties,
        IReadOnlyList<string> subscriptions,
        long now,
        CancellationToken cancellationToken)
    {
        await using (var seen = connection.CreateCommand())
        {
            seen.Transaction = transaction;
            seen.CommandText = "INSERT OR IGNORE INTO bus_messages (message_id, enqueued_at) VALUES ($id, $now)";
            seen.Parameters.AddWithValue("$id", messageId);
            seen.Parameters.AddWithValue("$now", now);
            if (await seen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return; // Duplicate detection: this id was published before.
            }
        }

        var json = JsonSerializer.Serialize(properties, AlertsJson.Web);
        foreach (var subscription in subscriptions)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO bus_deliveries (subscription, message_id, body, properties, enqueued_at) VALUES ($sub, $id, $body, $props, $now)";
            insert.Parameters.AddWithValue("$sub", subscription);
            insert.Parameters.AddWithValue("$id", messageId);
            insert.Parameters.AddWithValue("$body", body);
            insert.Parameters.AddWithValue("$props", json);
            insert.Parameters.AddWithValue("$now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<DeadLetter>> ReadDeadLettersAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<DeadLetter>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var subscription = reader.GetString(0);
            var messageId = reader.GetString(1);
            list.Add(new DeadLetter(
                DeadLetterId(subscription, messageId),
                subscription,
                messageId,
                reader.IsDBNull(2) ? "" : reader.GetString(2),
                reader.IsDBNull(3) ? "" : reader.GetString(3),
                reader.GetInt32(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.IsDBNull(5) ? 0 : reader.GetInt64(5)),
                reader.GetString(6)));
        }

        return list;
    }

    private async Task SettleAsync(ReceivedMessage message, string statement, string? reason, string? description, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = statement + " WHERE subscription = $sub AND message_id = $id AND dead = 0 AND lock_token = $token AND locked_until > $now";
        command.Parameters.AddWithValue("$sub", message.Subscription);
        command.Parameters.AddWithValue("$id", message.MessageId);
        command.Parameters.AddWithValue("$token", message.LockToken);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (reason is not null)
        {
            command.Parameters.AddWithValue("$reason", reason);
            command.Parameters.AddWithValue("$description", description ?? "");
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new MessageLockLostException($"The lock on {message.MessageId} in {message.Subscription} expired or was settled already.");
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        return await database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }
}
