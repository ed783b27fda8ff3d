using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>Companies in the embedded database: one row per company, the company as JSON (the file format).</summary>
public sealed class SqliteCompanyStore(SqliteDatabase database) : ICompanyStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS companies (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            json TEXT NOT NULL
        );
        """;


    public async Task<IReadOnlyList<Company>> ListAsync(CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM companies ORDER BY id;";
        var companies = new List<Company>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            companies.Add(Read(reader.GetString(0)));
        }

        return companies;
    }

    public async Task<Company?> GetAsync(string companyId, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM companies WHERE id = $id;";
        command.Parameters.AddWithValue("$id", companyId);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? Read(json) : null;
    }

    public Task UpsertAsync(Company company, CancellationToken cancellationToken) => UpsertManyAsync([company], cancellationToken);

    public async Task UpsertManyAsync(IReadOnlyList<Company> companies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(companies);
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var company in companies)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO companies (id, name, json) VALUES ($id, $name, $json)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, json = excluded.json;
                """;
            command.Parameters.AddWithValue("$id", company.Id);
            command.Parameters.AddWithValue("$name", company.Name);
            command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(company, AlertsJson.Web));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string companyId, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Schema, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM companies WHERE id = $id;";
        command.Parameters.AddWithValue("$id", companyId);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static Company Read(string json) =>
        SubscriptionsService.Complete(JsonSerializer.Deserialize<Company>(json, AlertsJson.Web)
            ?? throw new InvalidOperationException("A stored company is empty."));

}
