using System.Text;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Changes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tables;

/// <summary>
/// Snapshots in Table storage, one entity per source, saved with its ETag (optimistic concurrency); change records one
/// entity per id. A JSON text longer than a string property can hold (32K UTF-16 characters) goes to a blob named by
/// its content hash — immutable, so writing it before the conditional update is safe.
/// </summary>
internal sealed class TableSnapshotStore(TableServiceClient tables, BlobServiceClient blobs, TableStorageOptions options) : ISnapshotStore
{
    /// <summary>Table storage's string property limit is 64 KiB, i.e. 32K UTF-16 characters.</summary>
    internal const int MaxPropertyChars = 32 * 1024;

    private const string SnapshotPartition = "snapshot";
    private const string ChangePartition = "change";

    private Task? _ready;

    private TableClient Snapshots => tables.GetTableClient(options.TablePrefix + "snapshots");

    private TableClient Changes => tables.GetTableClient(options.TablePrefix + "changes");

    private BlobContainerClient Texts => blobs.GetBlobContainerClient(options.TablePrefix.ToLowerInvariant() + "-texts");

    public async Task<SourceSnapshot?> LoadAsync(string sourceId, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await Snapshots.GetEntityIfExistsAsync<TableEntity>(SnapshotPartition, sourceId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity.HasValue ? await ReadSnapshotAsync(entity.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    public async Task<IReadOnlyList<SourceSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<SourceSnapshot>();
        await foreach (var entity in Snapshots.QueryAsync<TableEntity>(e => e.PartitionKey == SnapshotPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(await ReadSnapshotAsync(entity, cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    public async Task<string> SaveAsync(SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(changes);
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            var entity = new TableEntity(ChangePartition, change.Change.ChangeId)
            {
                ["SourceId"] = change.Change.SourceId,
                ["DetectedAt"] = change.Change.DetectedAt,
            };
            await PutTextAsync(entity, "Event", JsonSerializer.Serialize(change.Change, AlertsJson.Web), cancellationToken).ConfigureAwait(false);
            await PutTextAsync(entity, "Record", JsonSerializer.Serialize(change, AlertsJson.Web), cancellationToken).ConfigureAwait(false);
            await Changes.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        var row = new TableEntity(SnapshotPartition, snapshot.SourceId);
        await PutTextAsync(row, "Document", JsonSerializer.Serialize(snapshot with { Version = null }, AlertsJson.Web), cancellationToken).ConfigureAwait(false);
        try
        {
            var response = snapshot.Version is null
                ? await Snapshots.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)
                : await Snapshots.UpdateEntityAsync(row, new ETag(snapshot.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            throw new SnapshotConflictException($"The snapshot of {snapshot.SourceId} was saved by another poller.", ex);
        }
    }

    public async Task<ChangeRecord?> GetChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var entity = await Changes.GetEntityIfExistsAsync<TableEntity>(ChangePartition, changeId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity.HasValue
            ? JsonSerializer.Deserialize<ChangeRecord>(await GetTextAsync(entity.Value!, "Record", cancellationToken).ConfigureAwait(false), AlertsJson.Web)
            : null;
    }

    public async Task<IReadOnlyList<ChangeEvent>> ListChangesAsync(DateTimeOffset? since, int limit, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var filter = since is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {ChangePartition} and DetectedAt ge {s}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {ChangePartition}");
        var list = new List<ChangeEvent>();
        await foreach (var entity in Changes.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(JsonSerializer.Deserialize<ChangeEvent>(await GetTextAsync(entity, "Event", cancellationToken).ConfigureAwait(false), AlertsJson.Web)!);
        }

        return list.OrderByDescending(c => c.DetectedAt).ThenBy(c => c.ChangeId, StringComparer.Ordinal).Take(Math.Max(0, limit)).ToList();
    }

    private async Task<SourceSnapshot> ReadSnapshotAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        var json = await GetTextAsync(entity, "Document", cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize<SourceSnapshot>(json, AlertsJson.Web)! with { Version = entity.ETag.ToString() };
    }

    private async Task PutTextAsync(TableEntity entity, string name, string text, CancellationToken cancellationToken)
    {
        if (text.Length <= MaxPropertyChars)
        {
            entity[name] = text;
            return;
        }

        var blobName = $"{name.ToLowerInvariant()}/{ContentHash.Of(text)}.json";
        var blob = Texts.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken).ConfigureAwait(false);
        entity[name + "Blob"] = blobName;
    }

    private async Task<string> GetTextAsync(TableEntity entity, string name, CancellationToken cancellationToken)
    {
        if (entity.GetString(name) is { } inline)
        {
            return inline;
        }

        var blobName = entity.GetString(name + "Blob") ?? throw new InvalidDataException($"{entity.RowKey} has no {name}.");
        var content = await Texts.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(content.Value.Content.ToMemory().Span);
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var ready = _ready ??= CreateAsync();
        try
        {
            await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Storage was unreachable: try again on the next call instead of failing forever.
            _ready = null;
            throw;
        }
    }

    private async Task CreateAsync()
    {
        await Snapshots.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Changes.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Texts.CreateIfNotExistsAsync().ConfigureAwait(false);
    }
}
