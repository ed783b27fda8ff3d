using Alerts.Core.Changes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Polling;

/// <summary>
/// One timer per source, each on its own schedule from the app setting <c>Sources__{id with _ for -}__Schedule</c>
/// (App Service drops dashes from setting names; see SourcesServiceCollectionExtensions.SettingKeyOf) (NCRONTAB with
/// seconds, UTC), so a slow or blocked site never delays the others. A late run arrives with
/// <see cref="TimerInfo.IsPastDue"/>: it is logged and polls anyway. The host's cancellation (shutdown, timeout)
/// reaches every request of the poll. Revalidation of live notices (<c>Sources__{id}__RevalidateSchedule</c>, issue 17)
/// rides in the same timer on its own cadence: PollService re-reads their pages when that schedule has fired since the
/// last revalidation, so a source keeps one timer and a function stays one call.
/// </summary>
public sealed partial class PollSourceFunctions(PollService polls, ILogger<PollSourceFunctions> logger)
{
    [Function("Poll-cn-mofcom-announcements")]
    public Task PollMofcomAnnouncements([TimerTrigger("%Sources__cn_mofcom_announcements__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("cn-mofcom-announcements", timer, cancellationToken);

    [Function("Poll-cn-mofcom-bis")]
    public Task PollMofcomBis([TimerTrigger("%Sources__cn_mofcom_bis__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("cn-mofcom-bis", timer, cancellationToken);

    [Function("Poll-cn-mofcom-exportcontrol")]
    public Task PollMofcomExportControl([TimerTrigger("%Sources__cn_mofcom_exportcontrol__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("cn-mofcom-exportcontrol", timer, cancellationToken);

    [Function("Poll-cn-mofcom-spokesperson")]
    public Task PollMofcomSpokesperson([TimerTrigger("%Sources__cn_mofcom_spokesperson__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("cn-mofcom-spokesperson", timer, cancellationToken);

    [Function("Poll-cn-gacc-announcements")]
    public Task PollGaccAnnouncements([TimerTrigger("%Sources__cn_gacc_announcements__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("cn-gacc-announcements", timer, cancellationToken);

    [Function("Poll-jp-meti-press")]
    public Task PollMetiPress([TimerTrigger("%Sources__jp_meti_press__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("jp-meti-press", timer, cancellationToken);

    [Function("Poll-jp-meti-anpo")]
    public Task PollMetiAnpo([TimerTrigger("%Sources__jp_meti_anpo__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("jp-meti-anpo", timer, cancellationToken);

    [Function("Poll-jp-mofa-press-ja")]
    public Task PollMofaPressJa([TimerTrigger("%Sources__jp_mofa_press_ja__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("jp-mofa-press-ja", timer, cancellationToken);

    [Function("Poll-jp-mofa-press-en")]
    public Task PollMofaPressEn([TimerTrigger("%Sources__jp_mofa_press_en__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("jp-mofa-press-en", timer, cancellationToken);

    [Function("Poll-jp-kantei-news")]
    public Task PollKanteiNews([TimerTrigger("%Sources__jp_kantei_news__Schedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        RunAsync("jp-kantei-news", timer, cancellationToken);

    /// <summary>The body of every timer: thin — log lateness, poll once, log the outcome.</summary>
    internal async Task RunAsync(string sourceId, TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            LogPastDue(logger, sourceId);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var report = await polls.PollAsync(sourceId, PollOptions.Default, cancellationToken).ConfigureAwait(false);
        if (!report.IsHealthy)
        {
            LogUnhealthy(logger, sourceId, report.FailureClass, report.Error ?? report.Detail);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll timer of {SourceId} is past due; polling now")]
    private static partial void LogPastDue(ILogger logger, string sourceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId} is unhealthy: {FailureClass} ({Detail})")]
    private static partial void LogUnhealthy(ILogger logger, string sourceId, string failureClass, string? detail);
}
