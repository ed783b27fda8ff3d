using System.Text;
using Alerts.Core.Audit;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Audit;

/// <summary>Issue 19: the prune pass removes what was last kept before the retention, by the injected clock, and nothing else.</summary>
public sealed class PageArchivePrunerTests
{
    [Fact]
    public async Task PruneAsync_PagesEitherSideOfTheRetention_RemovesOnlyTheOlder()
    {
        var now = new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
        var archive = new InMemoryPageArchive();
        var old = archive.Put(Encoding.UTF8.GetBytes("old"), now.AddDays(-10).AddSeconds(-1));
        var young = archive.Put(Encoding.UTF8.GetBytes("young"), now.AddDays(-10).AddSeconds(1));
        var pruner = new PageArchivePruner(archive, Options.Create(new AuditOptions { RetentionDays = 10 }), new FakeTimeProvider(now), NullLogger<PageArchivePruner>.Instance);

        var removed = await pruner.PruneAsync(CancellationToken.None);

        removed.ShouldBe(1);
        archive.Hashes.ShouldBe([young]);
        (await archive.ReadAsync(old, CancellationToken.None)).ShouldBeNull();
    }
}
