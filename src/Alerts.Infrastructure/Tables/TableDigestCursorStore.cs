using Alerts.Core;
using Alerts.Core.Delivery;
using Azure.Data.Tables;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tables;

/// <summary>Digest cursors: partition = company id, row = hash(e-mail) (addresses may hold characters RowKey forbids).</summary>
internal sealed class TableDigestCursorStore(DeliveryTableClients tables) : IDigestCursorStore
{
    private const string TableName = "digestcursors";

    public async Task<DigestCursor?> GetAsync(string companyId, string email, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(companyId, ContentHash.Short(email), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetDateTimeOffset("SentUntil") is { } until
            ? new DigestCursor(companyId, email, until, row.Value.GetString("PeriodKey") ?? "")
            : null;
    }

    public async Task SetAsync(DigestCursor cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new TableEntity(cursor.CompanyId, ContentHash.Short(cursor.Email))
            {
                ["Email"] = cursor.Email,
                ["SentUntil"] = cursor.SentUntil,
                ["PeriodKey"] = cursor.PeriodKey,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }
}
