using System.Globalization;
using System.Text.Json;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Assessment histories in Table storage, insert only: partition = company, row = <c>e-{hash(notice)}-{sequence}</c>.
/// A link id is claimed by a <c>l-{hash(link)}</c> row in the same transaction as its event, so a taken sequence or a
/// reused link fails the whole insert (409) and nothing is half-written.
/// </summary>
internal sealed class TableAssessmentStore(DeliveryTableClients tables) : IAssessmentStore
{
    private const string TableName = "assessments";

    public async Task AppendAsync(AssessmentEvent assessmentEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assessmentEvent);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(assessmentEvent, AlertsJson.Web);
        var row = EventRow(assessmentEvent.NoticeKey, assessmentEvent.Sequence);
        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, new TableEntity(assessmentEvent.CompanyId, row) { ["Body"] = body }),
        ];
        if (assessmentEvent.LinkId is { } link)
        {
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(assessmentEvent.CompanyId, "l-" + ContentHash.Short(link)) { ["EventRow"] = row }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TableTransactionFailedException { Status: 409 } or RequestFailedException { Status: 409 })
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(assessmentEvent.CompanyId, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (stored.HasValue && stored.Value!.GetString("Body") == body)
            {
                return; // the same event again
            }

            throw new AssessmentConflictException($"Event {assessmentEvent.Sequence} of {assessmentEvent.NoticeKey} for {assessmentEvent.CompanyId} is taken, or its link was used before.");
        }
    }

    public async Task<IReadOnlyList<AssessmentEvent>> ListEventsAsync(string companyId, string noticeKey, CancellationToken cancellationToken)
    {
        var prefix = "e-" + ContentHash.Short(noticeKey) + "-";
        return await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {companyId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}"), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) =>
        Fold(await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {companyId} and RowKey ge {"e-"} and RowKey lt {"e."}"), cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<Assessment>> ListOpenAsync(CancellationToken cancellationToken) =>
        [.. Fold(await QueryAsync(TableClient.CreateQueryFilter($"RowKey ge {"e-"} and RowKey lt {"e."}"), cancellationToken).ConfigureAwait(false)).Where(a => AssessmentTransitions.IsOpen(a.State))];

    // The notice key is hashed: keys are URLs at times, with characters a row key may not hold ('/', '?', '#').
    private static string EventRow(string noticeKey, int sequence) =>
        "e-" + ContentHash.Short(noticeKey) + "-" + sequence.ToString("D6", CultureInfo.InvariantCulture);

    private static List<Assessment> Fold(IReadOnlyList<AssessmentEvent> events) =>
        [.. events.GroupBy(e => (e.CompanyId, e.NoticeKey)).Select(g => Assessment.Fold([.. g])!)];

    private async Task<IReadOnlyList<AssessmentEvent>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var events = new List<AssessmentEvent>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["Body"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(JsonSerializer.Deserialize<AssessmentEvent>(entity.GetString("Body"), AlertsJson.Web)!);
        }

        return [.. events.OrderBy(e => e.CompanyId, StringComparer.Ordinal).ThenBy(e => e.NoticeKey, StringComparer.Ordinal).ThenBy(e => e.Sequence)];
    }
}
