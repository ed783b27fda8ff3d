using Alerts.Core.Notices;

namespace Alerts.Core.Changes;

/// <summary>
/// A page or annex a change was read from, as the change record names it: the archive holds the bytes under
/// <see cref="Sha256"/>; <see cref="Url"/> and <see cref="FetchedAt"/> say where and when this change's poll got them.
/// </summary>
public sealed record ArchivedPage(FetchedRole Role, string Url, string Sha256, string? ContentType, DateTimeOffset FetchedAt, long Length);

/// <summary>
/// The bytes of detail pages and annexes exactly as fetched, once per content (named by SHA-256), kept for the audit
/// pack (issue 19) as long as <c>Audit:RetentionDays</c> says. Embedded: files under the data folder; Azure: Blob storage.
/// </summary>
public interface IPageArchive
{
    /// <summary>
    /// Keeps <paramref name="page"/>'s bytes (idempotent: the same content is stored once; keeping it again only moves
    /// its last-kept time to <paramref name="keptAt"/>, so bytes a newer change still names are not pruned).
    /// </summary>
    Task<ArchivedPage> KeepAsync(FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken);

    /// <summary>The bytes named <paramref name="sha256"/>, or null when they were never kept or were pruned.</summary>
    Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Removes the bytes last kept before <paramref name="keptBefore"/> and nothing else; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset keptBefore, CancellationToken cancellationToken);
}
