using Alerts.Core.Notices;

namespace Alerts.Core.Changes;

/// <summary>
/// Which known notices are re-read although their listing row did not change, and when (issue 17). A listing row
/// does not change when an annex gains an entity or an effective date is corrected, so notices that may still move —
/// published less than <see cref="RecentDays"/> days ago, not yet in force, or with a window (a suspension) not yet
/// over — have their pages re-read with conditional requests on the source's <c>RevalidateSchedule</c>. Old notices
/// in force with no open window are left alone: they cost no request.
/// </summary>
public static class Revalidation
{
    public const int RecentDays = 30;

    /// <summary>
    /// Whether a revalidation is due at <paramref name="now"/>: the schedule fired since the last one. Never before the
    /// cadence started (the first healthy poll just read every page); an unparseable schedule is never due.
    /// </summary>
    public static bool IsDue(SourceSnapshot? snapshot, string schedule, DateTimeOffset now) =>
        snapshot?.LastRevalidated is { } last
        && PollScheduler.NextOccurrence(schedule, last) is { } next
        && next <= now;

    /// <summary>The notices to re-read, the most recently published first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Notice> Targets(SourceSnapshot snapshot, DateTimeOffset now, int max)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return [.. snapshot.Notices.Values
            .Where(s => !s.Withdrawn && IsLive(s, today))
            .OrderByDescending(s => s.Notice.Published ?? DateOnly.FromDateTime(s.FirstSeen.UtcDateTime))
            .ThenBy(s => s.Notice.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, max))
            .Select(s => s.Notice)];
    }

    /// <summary>Recent, not yet in force, or inside (or before) a window with an end.</summary>
    public static bool IsLive(NoticeState state, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        var notice = state.Notice;
        var published = notice.Published ?? DateOnly.FromDateTime(state.FirstSeen.UtcDateTime);
        return published > today.AddDays(-RecentDays)
            || notice.Effective > today
            || notice.Windows.Any(w => w.Until >= today || w.From > today);
    }
}
