using Microsoft.Data.Sqlite;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>
/// The embedded default's one database file. Every store opens short-lived connections from here and creates its own
/// tables with <c>CREATE TABLE IF NOT EXISTS</c> in <see cref="EnsureSchemaAsync"/>.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lock _schemaLock = new();
    private readonly Dictionary<string, Task> _schemas = new(StringComparer.Ordinal);

    public SqliteDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        DatabasePath = databasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Opens a connection in WAL mode with a busy timeout, so concurrent pollers and drains wait instead of failing.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Opens the file once and reads its header, so a damaged or foreign file fails here, before a host starts its loops.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA schema_version;";
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a schema script (idempotent DDL) once per database, and again only after it failed. Every store calls this
    /// before its first command; a caller's token ends its own wait, never the script another caller may be waiting on.
    /// </summary>
    public Task EnsureSchemaAsync(string ddl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ddl);
        return Once(ddl, () => RunSchemaAsync(ddl), cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="column"/> to a table an earlier version created without it (SQLite has no
    /// <c>ADD COLUMN IF NOT EXISTS</c>), once per database; a table created by the current DDL already has it.
    /// <paramref name="table"/>, <paramref name="column"/> and <paramref name="type"/> are the store's own constants.
    /// </summary>
    public Task EnsureColumnAsync(string table, string column, string type, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        return Once($"column:{table}.{column}", () => RunAddColumnAsync(table, column, type), cancellationToken);
    }

    private Task Once(string key, Func<Task> script, CancellationToken cancellationToken)
    {
        Task run;
        lock (_schemaLock)
        {
            if (!_schemas.TryGetValue(key, out run!) || run.IsFaulted || run.IsCanceled)
            {
                run = script();
                _schemas[key] = run;
            }
        }

        return run.WaitAsync(cancellationToken);
    }

    private async Task RunAddColumnAsync(string table, string column, string type)
    {
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        check.Parameters.AddWithValue("$table", table);
        check.Parameters.AddWithValue("$column", column);
        if (Convert.ToInt64(await check.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        await using var alter = connection.CreateCommand();
#pragma warning disable CA2100 // identifiers from the calling store's constants, never from input
        alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
#pragma warning restore CA2100
        await alter.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RunSchemaAsync(string ddl)
    {
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
