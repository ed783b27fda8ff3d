using Alerts.Core.Fetching;
using Alerts.Core.Ops;
using Alerts.Core.Messaging;
using Alerts.Core.Sources;
using Microsoft.Extensions.Logging;
using Alerts.Core.Common;

namespace Alerts.Core.Changes;

/// <summary>How one poll treats its baseline.</summary>
public sealed record PollOptions
{
    public static PollOptions Default { get; } = new();

    /// <summary>Publish the first poll's notices too (a new installation normally must not alert on years of old notices).</summary>
    public bool PublishBaseline { get; init; }
}

/// <summary>What one poll of one source did. <see cref="Changes"/> includes baseline records (stored, maybe not published).</summary>
public sealed record PollReport(string SourceId, FetchOutcome Outcome, IReadOnlyList<ChangeRecord> Changes)
{
    public string? Detail { get; init; }

    /// <summary>Set when the poll could not finish its hand-over (publish or save failed); nothing was lost, the next poll repeats it.</summary>
    public string? Error { get; init; }

    /// <summary>Another poller saved first; its changes were published by it (or by both: the bus absorbs the duplicate).</summary>
    public bool Conflict { get; init; }

    public int Requests { get; init; }

    /// <summary>Known notices whose pages this poll re-read conditionally (its revalidation was due).</summary>
    public int Revalidated { get; init; }

    public IReadOnlyList<string> SequenceGaps { get; init; } = [];

    public bool IsHealthy => Outcome.IsHealthy() && Error is null;

    /// <summary>The failure class for people and scripts: the fetch outcome, or <c>publish-failed</c>/<c>save-failed</c>.</summary>
    public string FailureClass => Error is not null && Outcome.IsHealthy() ? Error.Split(':')[0] : Outcome.ToWire();
}

/// <summary>
/// One poll of one source: load state → poll → detect → publish → save → health. Publishing comes before saving so a
/// crash in between re-sends the same change ids on the next poll (the bus drops the duplicate) and loses nothing.
/// </summary>
public sealed partial class PollService(
    ISourceCatalog catalog,
    ISnapshotStore store,
    IChangePublisher publisher,
    IPageFetcher fetcher,
    TimeProvider clock,
    ILogger<PollService> logger,
    IPageArchive? pages = null)
{
    public async Task<PollReport> PollAsync(string sourceId, PollOptions? options, CancellationToken cancellationToken)
    {
        var source = catalog.Find(sourceId) ?? throw new ArgumentException($"Unknown source '{sourceId}'.", nameof(sourceId));
        return await PollAsync(source, catalog.BaseUrlOf(sourceId), options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PollReport> PollAsync(INoticeSource source, Uri baseUrl, PollOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseUrl);
        options ??= PollOptions.Default;
        var id = source.Descriptor.Id;
        var now = clock.GetUtcNow();
        using var activity = AlertsTelemetry.StartPoll(id);

        SourceSnapshot? previous;
        try
        {
            previous = await store.LoadAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, id, ex);
            return new PollReport(id, FetchOutcome.Ok, []) { Error = $"store-failed: {ex.Message}" };
        }

        var settings = catalog.Find(id) is null ? SourcePollSettings.Default : catalog.PollSettingsOf(id);
        var unread = previous?.Unread.Values ?? [];
        var revalidate = Revalidation.IsDue(previous, settings.RevalidateSchedule, now);
        var due = unread.Where(u => u.DueAt(settings.UnreadRetryBaseDelay, settings.UnreadRetryMaxDelay) <= now).ToList();
        var context = new SourcePollContext(baseUrl, now)
        {
            KnownItems = previous?.KnownItems ?? new Dictionary<string, string>(),
            Validators = previous?.Validators ?? new Dictionary<string, HttpValidators>(),
            // Oldest first, so a long backlog drains in the order it arrived.
            Retry = [.. due.OrderBy(u => u.Since).Select(u => u.Item)],
            Waiting = unread.Except(due).Select(u => u.Item.Url).ToHashSet(StringComparer.Ordinal),
            MaxDetailFetches = settings.MaxDetailFetchesPerPoll,
            AllowedHosts = settings.AllowedHosts,
            Revalidate = revalidate ? Revalidation.Targets(previous!, now, settings.MaxDetailFetchesPerPoll) : [],
        };

        SourcePollResult result;
        try
        {
            result = await source.PollAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A source must not throw for site trouble; if one does anyway (a parser bug), it is a layout problem.
            LogSourceThrew(logger, id, ex);
            result = new SourcePollResult(id, FetchOutcome.LayoutChanged) { Detail = $"source failed: {ex.GetType().Name}: {ex.Message}" };
        }

        var detection = await ChangeDetector.DetectAsync(
            previous,
            result,
            source.Descriptor.HasNumberedSeries,
            now,
            (notice, ct) => IsGoneAsync(id, notice, ct),
            cancellationToken).ConfigureAwait(false);

        // The cadence starts on the first healthy poll and moves on only when a revalidation ran (a failed listing skips it).
        if (result.IsHealthy && (revalidate || detection.Snapshot.LastRevalidated is null))
        {
            detection = detection with { Snapshot = detection.Snapshot with { LastRevalidated = now } };
        }

        var report = new PollReport(id, detection.Snapshot.LastPoll?.Outcome ?? result.Outcome, detection.Changes)
        {
            Revalidated = result.Revalidated,
            Detail = detection.Snapshot.LastPoll?.Detail ?? result.Detail,
            Requests = result.Requests,
            SequenceGaps = detection.Snapshot.SequenceGaps,
        };

        // The bytes first: a published change always finds its page and annexes in the archive (issue 19).
        try
        {
            detection = detection with { Changes = await KeepPagesAsync(detection.Changes, now, cancellationToken).ConfigureAwait(false) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing published, nothing saved: the next poll reads and keeps them again.
            LogArchiveFailed(logger, id, ex);
            await TrySaveHealthOnlyAsync(previous, id, detection.Snapshot.LastPoll, cancellationToken).ConfigureAwait(false);
            return report with { Changes = [], Error = $"archive-failed: {ex.Message}" };
        }

        report = report with { Changes = detection.Changes };
        var toPublish = detection.Changes
            .Where(c => c.Change.Kind != ChangeKind.Baseline || options.PublishBaseline)
            .Select(c => c.Change)
            .ToList();
        if (toPublish.Count > 0)
        {
            try
            {
                await publisher.PublishAsync(toPublish, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not saved: the next poll detects the same changes again and publishes them with the same ids.
                LogPublishFailed(logger, id, ex);
                await TrySaveHealthOnlyAsync(previous, id, detection.Snapshot.LastPoll, cancellationToken).ConfigureAwait(false);
                return report with { Changes = [], Error = $"publish-failed: {ex.Message}" };
            }
        }

        try
        {
            await store.SaveAsync(detection.Snapshot, detection.Changes, cancellationToken).ConfigureAwait(false);
        }
        catch (SnapshotConflictException)
        {
            LogConflict(logger, id);
            return report with { Changes = [], Conflict = true };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, id, ex);
            return report with { Changes = [], Error = $"save-failed: {ex.Message}" };
        }

        LogHealth(id, previous?.LastPoll, detection.Snapshot.LastPoll, report, detection.Changes.Count, toPublish.Count);
        Record(id, detection.Snapshot, detection.Changes, clock.GetUtcNow() - now);
        return report;
    }

    /// <summary>Each change's fetched bytes into the archive, named on the change record; the bytes themselves are dropped.</summary>
    private async Task<IReadOnlyList<ChangeRecord>> KeepPagesAsync(IReadOnlyList<ChangeRecord> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (pages is null || changes.All(c => c.Notice.Fetched.Count == 0))
        {
            return changes;
        }

        var kept = new List<ChangeRecord>(changes.Count);
        foreach (var change in changes)
        {
            if (change.Change.Kind == ChangeKind.Withdrawn || change.Notice.Fetched.Count == 0)
            {
                kept.Add(change);
                continue;
            }

            var archived = new List<ArchivedPage>();
            foreach (var page in change.Notice.Fetched)
            {
                var one = await pages.KeepAsync(page, now, cancellationToken).ConfigureAwait(false);
                archived.Add(one with { FetchedAt = page.FetchedAt ?? now });
            }

            kept.Add(change with { Pages = archived });
        }

        return kept;
    }

    /// <summary>Metrics of a saved poll: its outcome, the changes by kind, and how long the source has been unhealthy.</summary>
    private static void Record(string id, SourceSnapshot snapshot, IReadOnlyList<ChangeRecord> changes, TimeSpan elapsed)
    {
        if (snapshot.LastPoll is not { } last)
        {
            return;
        }

        AlertsTelemetry.RecordPoll(id, last.Outcome, elapsed);
        foreach (var change in changes)
        {
            AlertsTelemetry.RecordChange(id, change.Change.Kind);
        }

        // Unhealthy since the first failure after the last success (the alert rule fires past 2 hours).
        var failing = snapshot.Health.Reverse().TakeWhile(h => !h.Outcome.IsHealthy()).LastOrDefault();
        AlertsTelemetry.ReportSourceHealth(id, failing is null ? TimeSpan.Zero : last.At - failing.At);
    }

    private async Task TrySaveHealthOnlyAsync(SourceSnapshot? previous, string id, PollHealth? health, CancellationToken cancellationToken)
    {
        if (health is null)
        {
            return;
        }

        var snapshot = previous ?? new SourceSnapshot(id);
        try
        {
            await store.SaveAsync(snapshot.WithHealth(health), [], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(logger, id, ex);
        }
    }

    /// <summary>Gone means every URL of the notice answers 404/410; a timeout or a block proves nothing.</summary>
    private async Task<bool> IsGoneAsync(string sourceId, Notices.Notice notice, CancellationToken cancellationToken)
    {
        var urls = notice.Urls.Where(u => Uri.TryCreate(u, UriKind.Absolute, out _)).ToList();
        if (urls.Count == 0)
        {
            return false;
        }

        foreach (var url in urls)
        {
            var answer = await fetcher.FetchAsync(new FetchRequest(sourceId, new Uri(url)), cancellationToken).ConfigureAwait(false);
            if (answer.Outcome != FetchOutcome.Gone)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One warning when a source goes from healthy to failing (or from one failure class to another), one line when it
    /// recovers; an offline source polled every few minutes otherwise says nothing new, and its repeats go to debug.
    /// </summary>
    private void LogHealth(string id, PollHealth? before, PollHealth? after, PollReport report, int changes, int published)
    {
        var wasHealthy = before is null || before.Outcome.IsHealthy();
        if (report.Outcome.IsHealthy())
        {
            if (!wasHealthy)
            {
                LogRecovered(logger, id, before!.Outcome);
            }

            LogPolled(logger, id, report.Outcome, changes, published);
            return;
        }

        if (wasHealthy || before!.Outcome != report.Outcome)
        {
            LogUnhealthy(logger, id, report.Outcome, after?.Detail ?? report.Detail ?? "");
        }
        else
        {
            LogStillUnhealthy(logger, id, report.Outcome, after?.Detail ?? report.Detail ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {SourceId}: {Outcome}, {Changes} change(s), {Published} published")]
    private static partial void LogPolled(ILogger logger, string sourceId, FetchOutcome outcome, int changes, int published);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId} is unhealthy: {Outcome} ({Detail})")]
    private static partial void LogUnhealthy(ILogger logger, string sourceId, FetchOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Source {SourceId} is still unhealthy: {Outcome} ({Detail})")]
    private static partial void LogStillUnhealthy(ILogger logger, string sourceId, FetchOutcome outcome, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {SourceId} recovered (was {Previous})")]
    private static partial void LogRecovered(ILogger logger, string sourceId, FetchOutcome previous);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {SourceId} threw during a poll")]
    private static partial void LogSourceThrew(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing the changes of {SourceId} failed; the next poll re-sends them")]
    private static partial void LogPublishFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Keeping the fetched pages of {SourceId} failed; the next poll reads them again")]
    private static partial void LogArchiveFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Snapshot store failed for {SourceId}")]
    private static partial void LogStoreFailed(ILogger logger, string sourceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another poller saved {SourceId} first; this poll's result is dropped")]
    private static partial void LogConflict(ILogger logger, string sourceId);
}
