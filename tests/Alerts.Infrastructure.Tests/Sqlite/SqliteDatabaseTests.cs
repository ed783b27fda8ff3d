using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;

namespace Alerts.Infrastructure.Tests.Sqlite;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public async Task OpenAsync_NewFolder_CreatesTheFileInWalMode()
    {
        using var temp = new TempDirectory();
        var sut = new SqliteDatabase(temp.Combine("sub", "alerts.db"));

        await using var connection = await sut.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        ((string)(await command.ExecuteScalarAsync())!).ShouldBe("wal");
        File.Exists(temp.Combine("sub", "alerts.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task EnsureSchemaAsync_Twice_IsIdempotent()
    {
        using var temp = new TempDirectory();
        var sut = new SqliteDatabase(temp.Combine("alerts.db"));
        const string ddl = "CREATE TABLE IF NOT EXISTS t (id TEXT PRIMARY KEY);";

        await sut.EnsureSchemaAsync(ddl, CancellationToken.None);
        await sut.EnsureSchemaAsync(ddl, CancellationToken.None);
    }
}
