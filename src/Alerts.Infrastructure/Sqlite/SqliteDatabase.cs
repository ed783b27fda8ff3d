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
        Task run;
        lock (_schemaLock)
        {
            if (!_schemas.TryGetValue(ddl, out run!) || run.IsFaulted || run.IsCanceled)
            {
                run = RunSchemaAsync(ddl);
                _schemas[ddl] = run;
            }
        }

        return run.WaitAsync(cancellationToken);
    }

    private async Task RunSchemaAsync(string ddl)
    {
        await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ddl;
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
