using System.Text;
using Alerts.Core.Audit;
using Alerts.Functions.Audit;
using Alerts.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Functions.Tests.Audit;

public sealed class PrunePageArchiveFunctionTests
{
    [Fact]
    public async Task Run_Timer_PrunesWhatIsOlderThanTheRetention()
    {
        var now = new DateTimeOffset(2026, 12, 3, 3, 30, 0, TimeSpan.Zero);
        var archive = new InMemoryPageArchive();
        archive.Put(Encoding.UTF8.GetBytes("old"), now.AddDays(-31));
        var young = archive.Put(Encoding.UTF8.GetBytes("young"), now.AddDays(-29));
        var pruner = new PageArchivePruner(archive, Options.Create(new AuditOptions { RetentionDays = 30 }), new FakeTimeProvider(now), NullLogger<PageArchivePruner>.Instance);

        var removed = await new PrunePageArchiveFunction(pruner).Run(new TimerInfo(), CancellationToken.None);

        removed.ShouldBe(1);
        archive.Hashes.ShouldBe([young]);
    }
}
