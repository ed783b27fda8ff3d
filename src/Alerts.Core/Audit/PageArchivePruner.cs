using Alerts.Core.Changes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Audit;

/// <summary>
/// One prune pass of the page archive: removes the bytes last kept more than <see cref="AuditOptions.RetentionDays"/>
/// ago by the injected clock, nothing younger. The same pass in both modes (a blob lifecycle rule would count from a
/// blob's creation or last write and need the retention written twice, in the setting and in Bicep).
/// </summary>
public sealed partial class PageArchivePruner(IPageArchive archive, IOptions<AuditOptions> options, TimeProvider clock, ILogger<PageArchivePruner> logger)
{
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var removed = await archive.PruneAsync(cutoff, cancellationToken).ConfigureAwait(false);
        LogPruned(logger, removed, cutoff);
        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Page archive pruned: {Removed} kept before {Cutoff:O} removed")]
    private static partial void LogPruned(ILogger logger, int removed, DateTimeOffset cutoff);
}

/// <summary>For <c>alerts run</c>: one prune pass at start and then daily (the injected clock's timer).</summary>
public sealed partial class PageArchivePruneService(PageArchivePruner pruner, TimeProvider clock, ILogger<PageArchivePruneService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await pruner.PruneAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass prunes nothing; tomorrow's pass tries again.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning the page archive failed; the next daily pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
