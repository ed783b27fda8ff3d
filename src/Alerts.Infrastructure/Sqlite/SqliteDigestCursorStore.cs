using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Sqlite;

internal sealed class SqliteDigestCursorStore(SqliteDatabase database) : IDigestCursorStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS digest_cursors (
            company_id TEXT NOT NULL,
            email      TEXT NOT NULL,
            sent_until INTEGER NOT NULL,
            period_key TEXT NOT NULL,
            PRIMARY KEY (company_id, email));
        """;


    public async Task<DigestCursor?> GetAsync(string companyId, string email, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sent_until, period_key FROM digest_cursors WHERE company_id = $company AND email = $email";
        command.Parameters.AddWithValue("$company", companyId);
        command.Parameters.AddWithValue("$email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new DigestCursor(companyId, email, new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.GetString(1))
            : null;
    }

    public async Task SetAsync(DigestCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO digest_cursors (company_id, email, sent_until, period_key) VALUES ($company, $email, $until, $period)
            ON CONFLICT (company_id, email) DO UPDATE SET sent_until = excluded.sent_until, period_key = excluded.period_key;
            """;
        command.Parameters.AddWithValue("$company", cursor.CompanyId);
        command.Parameters.AddWithValue("$email", cursor.Email);
        command.Parameters.AddWithValue("$until", cursor.SentUntil.UtcTicks);
        command.Parameters.AddWithValue("$period", cursor.PeriodKey);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
