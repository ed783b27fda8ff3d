using Alerts.Core.Sources;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace Alerts.Core.Changes;

/// <summary>
/// <c>alerts run</c>'s poller: each enabled source of the catalog once at start-up (so the dashboard and
/// <c>/api/health</c> show every source's health at once), then on its own NCRONTAB schedule (with seconds, UTC),
/// waiting on the injected <see cref="TimeProvider"/>. A poll never throws; a bad schedule is logged and that source skipped.
/// </summary>
public sealed partial class PollScheduler(ISourceCatalog catalog, PollService polls, TimeProvider clock, ILogger<PollScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.All.Where(s => catalog.IsEnabled(s.Descriptor.Id)).Select(source => RunSourceAsync(source.Descriptor.Id, stoppingToken)));

    /// <summary>The next time a schedule fires after <paramref name="after"/>, or null when the expression is invalid.</summary>
    public static DateTimeOffset? NextOccurrence(string schedule, DateTimeOffset after)
    {
        var parsed = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? CrontabSchedule.TryParse(schedule);
        return parsed is null ? null : new DateTimeOffset(parsed.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
    }

    private async Task RunSourceAsync(string sourceId, CancellationToken stoppingToken)
    {
        await Task.Yield();
        var schedule = catalog.ScheduleOf(sourceId);
        if (NextOccurrence(schedule, clock.GetUtcNow()) is null)
        {
            LogBadSchedule(logger, sourceId, schedule);
            return;
        }

        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = first ? now : NextOccurrence(schedule, now)!.Value;
            first = false;
            try
            {
                await Task.Delay(next - now, clock, stoppingToken).ConfigureAwait(false);
                await polls.PollAsync(sourceId, PollOptions.Default, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(logger, sourceId, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule '{Schedule}' of {SourceId} is not a valid NCRONTAB expression; the source is not polled")]
    private static partial void LogBadSchedule(ILogger logger, string sourceId, string schedule);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled poll of {SourceId} failed")]
    private static partial void LogPollFailed(ILogger logger, string sourceId, Exception exception);
}
