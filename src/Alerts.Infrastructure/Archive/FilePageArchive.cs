using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Notices;

namespace Alerts.Infrastructure.Archive;

/// <summary>
/// The embedded page archive: <c>{root}/ab/{sha256}.bin</c> holds the bytes exactly as fetched and
/// <c>{root}/ab/{sha256}.json</c> beside it says what they are and when they were last kept. Both are written to a
/// temporary name and moved into place, so a crash never leaves half a file under a real name. A <c>.bin</c> already
/// there is never rewritten: its name is its content's hash, so the same hash is the same bytes.
/// </summary>
internal sealed class FilePageArchive(string root) : IPageArchive
{
    private static long _temporaries;

    /// <summary>What the sidecar says; <see cref="KeptAt"/> is what the prune pass reads.</summary>
    internal sealed record Sidecar(string Sha256, long Length, string? ContentType, string Url, DateTimeOffset KeptAt);

    public string Root { get; } = root;

    public async Task<ArchivedPage> KeepAsync(FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var sha = page.Sha256;
        var directory = Path.Combine(Root, sha[..2]);
        Directory.CreateDirectory(directory);
        var bin = Path.Combine(directory, sha + ".bin");
        if (!File.Exists(bin))
        {
            await WriteNewAsync(bin, page.Bytes, cancellationToken).ConfigureAwait(false);
        }

        var sidecarPath = Path.Combine(directory, sha + ".json");
        var old = await ReadSidecarAsync(sidecarPath, cancellationToken).ConfigureAwait(false);
        if (old is null || old.KeptAt < keptAt)
        {
            // The first URL and content type stay: the sidecar only moves the last-kept time on.
            var sidecar = new Sidecar(sha, page.Bytes.LongLength, old?.ContentType ?? page.ContentType, old?.Url ?? page.Url, keptAt);
            await ReplaceAsync(sidecarPath, JsonSerializer.SerializeToUtf8Bytes(sidecar, AlertsJson.Indented), cancellationToken).ConfigureAwait(false);
        }

        return new ArchivedPage(page.Role, page.Url, sha, page.ContentType, page.FetchedAt ?? keptAt, page.Bytes.LongLength);
    }

    public async Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken)
    {
        if (!IsHash(sha256))
        {
            return null;
        }

        var bin = Path.Combine(Root, sha256[..2], sha256 + ".bin");
        if (!File.Exists(bin))
        {
            return null;
        }

        var bytes = await File.ReadAllBytesAsync(bin, cancellationToken).ConfigureAwait(false);

        // An audit pack must not hand on bytes that are no longer what was fetched: a changed file is an error, not data.
        return Convert.ToHexStringLower(SHA256.HashData(bytes)) == sha256
            ? bytes
            : throw new InvalidDataException($"The archived page {bin} no longer has the SHA-256 it is named by.");
    }

    public async Task<int> PruneAsync(DateTimeOffset keptBefore, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(Root).Where(d => PageArchiveFiles.IsShardName(Path.GetFileName(d))).Order(StringComparer.Ordinal))
        {
            foreach (var sidecarPath in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sha = Path.GetFileNameWithoutExtension(sidecarPath);
                if (!IsHash(sha) || !sha.StartsWith(Path.GetFileName(directory), StringComparison.Ordinal))
                {
                    continue;
                }

                var sidecar = await ReadSidecarAsync(sidecarPath, cancellationToken).ConfigureAwait(false);
                if (sidecar is null || sidecar.KeptAt >= keptBefore)
                {
                    continue;
                }

                // The bytes first: a crash in between leaves a sidecar the next pass removes, never bytes without one.
                File.Delete(Path.Combine(directory, sha + ".bin"));
                File.Delete(sidecarPath);
                removed++;
            }
        }

        return removed;
    }

    private static bool IsHash(string value) => PageArchiveFiles.IsHash(value);

    private static async Task<Sidecar?> ReadSidecarAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync<Sidecar>(stream, AlertsJson.Indented, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A temporary name of this process that no other write uses (two polls may keep the same page at once).</summary>
    private static string Temporary(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{path}.{Environment.ProcessId}-{Interlocked.Increment(ref _temporaries)}.tmp");

    /// <summary>Bytes under a name nobody wrote yet: if another writer got there first, its file (the same bytes) stays.</summary>
    private static async Task WriteNewAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = Temporary(path);
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Same name, same hash, same bytes: the file already there is the one to keep.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Our own sidecar, replaced whole by an atomic move.</summary>
    private static async Task ReplaceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = Temporary(path);
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
