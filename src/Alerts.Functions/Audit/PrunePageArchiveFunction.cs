using Alerts.Core.Audit;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Audit;

/// <summary>
/// The page archive's prune pass (Blob storage), on the schedule in <c>Audit__PruneSchedule</c> (NCRONTAB with seconds,
/// UTC; daily by default): removes the bytes last kept more than <c>Audit:RetentionDays</c> ago. <c>alerts run</c>
/// runs the same pass from its hosted service.
/// </summary>
public sealed class PrunePageArchiveFunction(PageArchivePruner pruner)
{
    [Function("PrunePageArchive")]
    public Task<int> Run([TimerTrigger("%Audit__PruneSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        pruner.PruneAsync(cancellationToken);
}
