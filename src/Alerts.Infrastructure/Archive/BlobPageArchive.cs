using System.Globalization;
using System.Security.Cryptography;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Infrastructure.Archive;

/// <summary>
/// The Azure page archive: one container, blob <c>{ab}/{sha256}.bin</c> holding the bytes exactly as fetched, with the
/// content type as the blob's own header and the URL and last-kept time in its metadata (what the prune pass reads).
/// The bytes are uploaded only when no blob has that name (<c>If-None-Match: *</c>): the name is the content's hash, so
/// a blob already there is the same bytes, and keeping it again only moves its last-kept time on. Every metadata write
/// and delete is conditional on the ETag just read, so a keep and a prune running at once never lose each other's work.
/// </summary>
internal sealed class BlobPageArchive(BlobContainerClient container) : IPageArchive
{
    internal const string KeptAtKey = "keptat";
    internal const string UrlKey = "url";

    /// <summary>A keep that meets concurrent writers every time is a fault worth an exception, not an endless loop.</summary>
    private const int MaxAttempts = 5;

    private Task? _ready;

    public BlobContainerClient Container { get; } = container;

    /// <summary>The blob name of <paramref name="sha256"/>: the same shard layout as the embedded archive's files.</summary>
    internal static string BlobName(string sha256) => $"{sha256[..2]}/{sha256}.bin";

    public async Task<ArchivedPage> KeepAsync(FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlobClient(BlobName(page.Sha256));
        for (var attempt = 1; ; attempt++)
        {
            if (await TryMoveKeptAtAsync(blob, keptAt, cancellationToken).ConfigureAwait(false)
                || await TryUploadNewAsync(blob, page, keptAt, cancellationToken).ConfigureAwait(false))
            {
                return new ArchivedPage(page.Role, page.Url, page.Sha256, page.ContentType, page.FetchedAt ?? keptAt, page.Bytes.LongLength);
            }

            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"Could not keep {blob.Name}: it changed under every one of {MaxAttempts} attempts.");
            }
        }
    }

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!PageArchiveFiles.IsHash(sha256))
        {
            return null;
        }

        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = Container.GetBlobClient(BlobName(sha256));
        byte[] bytes;
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            bytes = content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        // An audit pack must not hand on bytes that are no longer what was fetched: a changed blob is an error, not data.
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256
            ? bytes
            : throw new InvalidDataException($"The archived page {Container.Name}/{blob.Name} no longer has the SHA-256 it is named by.");
    }

    public async Task<int> PruneAsync(DateTimeOffset keptBefore, CancellationToken cancellationToken)
    {
        await EnsureAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        var listing = Container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken);
        await foreach (var item in listing.ConfigureAwait(false))
        {
            // Only the archive's own names with a last-kept time it wrote; anything else in the container stays.
            if (!IsOwnName(item.Name) || KeptAtOf(item.Metadata) is not { } kept || kept >= keptBefore)
            {
                continue;
            }

            try
            {
                // If-Match the listed ETag: a keep that moved the last-kept time since the listing wins.
                await Container.GetBlobClient(item.Name).DeleteAsync(
                    DeleteSnapshotsOption.IncludeSnapshots,
                    new BlobRequestConditions { IfMatch = item.Properties.ETag },
                    cancellationToken).ConfigureAwait(false);
                removed++;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Deleted by another pass, or kept again meanwhile: either way not ours to remove now.
            }
        }

        return removed;
    }

    internal static bool IsOwnName(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash != 2 || !name.EndsWith(".bin", StringComparison.Ordinal))
        {
            return false;
        }

        var sha = name[(slash + 1)..^4];
        return PageArchiveFiles.IsHash(sha) && sha.StartsWith(name[..2], StringComparison.Ordinal);
    }

    private static DateTimeOffset? KeptAtOf(IDictionary<string, string>? metadata) =>
        metadata is not null
        && metadata.TryGetValue(KeptAtKey, out var text)
        && DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var kept)
            ? kept
            : null;

    private static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// The blob exists: its last-kept time moves to <paramref name="keptAt"/> if that is later (never back), and its
    /// URL and content type stay the first keep's. False when there is no blob (never kept, or pruned meanwhile) or it
    /// changed between the read and the write.
    /// </summary>
    private static async Task<bool> TryMoveKeptAtAsync(BlobClient blob, DateTimeOffset keptAt, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }

        if (KeptAtOf(properties.Metadata) is { } old && old >= keptAt)
        {
            return true;
        }

        var metadata = new Dictionary<string, string>(properties.Metadata, StringComparer.OrdinalIgnoreCase) { [KeptAtKey] = Stamp(keptAt) };
        try
        {
            await blob.SetMetadataAsync(metadata, new BlobRequestConditions { IfMatch = properties.ETag }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Uploads the bytes under a name nobody wrote yet; false when a blob got there first (the same bytes).</summary>
    private static async Task<bool> TryUploadNewAsync(BlobClient blob, FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken)
    {
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            HttpHeaders = new BlobHttpHeaders { ContentType = page.ContentType },

            // Metadata travels as HTTP headers, which hold ASCII only: the URL goes escaped (a fetched URL may be an IRI).
            Metadata = new Dictionary<string, string> { [UrlKey] = Uri.EscapeDataString(page.Url), [KeptAtKey] = Stamp(keptAt) },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(page.Bytes), options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var ready = _ready ??= Container.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
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
}
