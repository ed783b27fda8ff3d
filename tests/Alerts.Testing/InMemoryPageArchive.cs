using System.Collections.Concurrent;
using Alerts.Core.Changes;
using Alerts.Core.Notices;

namespace Alerts.Testing;

/// <summary><see cref="IPageArchive"/> in memory: bytes once per SHA-256, the last-kept time moved on every keep.</summary>
public sealed class InMemoryPageArchive : IPageArchive
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, DateTimeOffset KeptAt)> _pages = new(StringComparer.Ordinal);

    /// <summary>Every keep in call order, for tests that ask what a poll kept.</summary>
    public ConcurrentQueue<FetchedPage> Kept { get; } = new();

    public IReadOnlyCollection<string> Hashes => [.. _pages.Keys];

    /// <summary>Puts bytes in as if kept at <paramref name="keptAt"/> (a test's history).</summary>
    public string Put(byte[] bytes, DateTimeOffset keptAt)
    {
        var page = new FetchedPage(FetchedRole.Page, "http://test/", bytes, null, keptAt);
        _pages[page.Sha256] = (bytes, keptAt);
        return page.Sha256;
    }

    public Task<ArchivedPage> KeepAsync(FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        Kept.Enqueue(page);
        _pages.AddOrUpdate(page.Sha256, (page.Bytes, keptAt), (_, old) => (old.Bytes, keptAt > old.KeptAt ? keptAt : old.KeptAt));
        return Task.FromResult(new ArchivedPage(page.Role, page.Url, page.Sha256, page.ContentType, page.FetchedAt ?? keptAt, page.Bytes.LongLength));
    }

    public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) =>
        Task.FromResult(_pages.TryGetValue(sha256, out var kept) ? kept.Bytes : null);

    public Task<int> PruneAsync(DateTimeOffset keptBefore, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (hash, kept) in _pages)
        {
            if (kept.KeptAt < keptBefore && _pages.TryRemove(hash, out _))
            {
                removed++;
            }
        }

        return Task.FromResult(removed);
    }
}
