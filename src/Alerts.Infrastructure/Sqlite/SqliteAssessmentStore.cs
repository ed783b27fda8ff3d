using System.Text.Json;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Microsoft.Data.Sqlite;

namespace Alerts.Infrastructure.Sqlite;

/// <summary>
/// Assessment histories in SQLite, insert only: the primary key (company, notice, sequence) refuses a taken sequence and
/// a unique index refuses a second event with the same link id. The event is kept whole as JSON, so a retried append is
/// recognised by comparing content.
/// </summary>
internal sealed class SqliteAssessmentStore(SqliteDatabase database) : IAssessmentStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS assessment_events (
            company_id TEXT NOT NULL,
            notice_key TEXT NOT NULL,
            sequence   INTEGER NOT NULL,
            link_id    TEXT,
            body       TEXT NOT NULL,
            PRIMARY KEY (company_id, notice_key, sequence));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_assessment_events_link ON assessment_events (link_id) WHERE link_id IS NOT NULL;
        """;

    public async Task AppendAsync(AssessmentEvent assessmentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessmentEvent);
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(assessmentEvent, AlertsJson.Web);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO assessment_events (company_id, notice_key, sequence, link_id, body) VALUES ($company, $notice, $sequence, $link, $body)";
        command.Parameters.AddWithValue("$company", assessmentEvent.CompanyId);
        command.Parameters.AddWithValue("$notice", assessmentEvent.NoticeKey);
        command.Parameters.AddWithValue("$sequence", assessmentEvent.Sequence);
        command.Parameters.AddWithValue("$link", (object?)assessmentEvent.LinkId ?? DBNull.Value);
        command.Parameters.AddWithValue("$body", body);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            // A constraint: the same event again is a no-op; anything else at that sequence or link is a conflict.
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT body FROM assessment_events WHERE company_id = $company AND notice_key = $notice AND sequence = $sequence";
            read.Parameters.AddWithValue("$company", assessmentEvent.CompanyId);
            read.Parameters.AddWithValue("$notice", assessmentEvent.NoticeKey);
            read.Parameters.AddWithValue("$sequence", assessmentEvent.Sequence);
            if (await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string stored && stored == body)
            {
                return;
            }

            throw new AssessmentConflictException($"Event {assessmentEvent.Sequence} of {assessmentEvent.NoticeKey} for {assessmentEvent.CompanyId} is taken, or its link was used before.");
        }
    }

    public async Task<IReadOnlyList<AssessmentEvent>> ListEventsAsync(string companyId, string noticeKey, CancellationToken cancellationToken) =>
        await QueryAsync("company_id = $company AND notice_key = $notice", companyId, noticeKey, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) =>
        Fold(await QueryAsync("company_id = $company", companyId, null, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Assessment>> ListOpenAsync(CancellationToken cancellationToken) =>
        [.. Fold(await QueryAsync("1 = 1", null, null, cancellationToken).ConfigureAwait(false)).Where(a => AssessmentTransitions.IsOpen(a.State))];

    private static List<Assessment> Fold(IReadOnlyList<AssessmentEvent> events) =>
        [.. events.GroupBy(e => (e.CompanyId, e.NoticeKey)).Select(g => Assessment.Fold([.. g])!)];

    private async Task<IReadOnlyList<AssessmentEvent>> QueryAsync(string where, string? companyId, string? noticeKey, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT body FROM assessment_events WHERE {where} ORDER BY company_id, notice_key, sequence";
        command.Parameters.AddWithValue("$company", (object?)companyId ?? DBNull.Value);
        command.Parameters.AddWithValue("$notice", (object?)noticeKey ?? DBNull.Value);
        var events = new List<AssessmentEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(JsonSerializer.Deserialize<AssessmentEvent>(reader.GetString(0), AlertsJson.Web)!);
        }

        return events;
    }
}
