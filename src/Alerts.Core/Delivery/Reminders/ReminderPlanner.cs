using System.Text.Json.Serialization;
using Alerts.Core.Common;
using Alerts.Core.Measures;

namespace Alerts.Core.Delivery.Reminders;

/// <summary>What a reminder is about. Serialised in kebab case (<c>suspension-ends</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReminderKind>))]
public enum ReminderKind
{
    /// <summary>An announced measure takes effect on the event's date.</summary>
    [JsonStringEnumMemberName("takes-effect")] TakesEffect,

    /// <summary>A suspension window ends: its last day is the day before the event's date, when the measure applies again.</summary>
    [JsonStringEnumMemberName("suspension-ends")] SuspensionEnds,

    /// <summary>The relief has lapsed: the measure applies again since the event's date.</summary>
    [JsonStringEnumMemberName("ended")] Ended,
}

/// <summary>
/// A date that acts on a measure (or clause): <see cref="Date"/> is the first day of the new state, the effective date
/// or the day after a suspension window's last day. <see cref="Before"/> and <see cref="After"/> are the measure's lines
/// on the day before and on that day.
/// </summary>
public sealed record MeasureEvent(ReminderKind Kind, DateOnly Date, MeasureLine Before, MeasureLine After)
{
    public string Key => After.Key;

    public string? Clause => After.Clause;
}

/// <summary>One reminder due for one event: <see cref="Lead"/> days before its date (0 for <see cref="ReminderKind.Ended"/>).</summary>
public sealed record DueReminder(MeasureEvent Event, ReminderKind Kind, int Lead)
{
    /// <summary>The day this reminder is meant for.</summary>
    public DateOnly Due => Event.Date.AddDays(-Lead);

    /// <summary>One id per company, measure, clause, kind, date and lead: the ledger sends it once to each recipient.</summary>
    public string IdFor(string companyId) =>
        "reminder-" + ContentHash.Short(companyId, Event.Key, Event.Clause ?? "", Kind.WireName(), Event.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Lead.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// Reads the dates that act from the measure graph, the same state <c>alerts measures</c> shows: the lines of two
/// consecutive days are compared, and a measure (or clause) that goes from <c>announced</c> to <c>in-force</c> takes
/// effect, one that goes from <c>suspended</c> to <c>in-force</c> has reached the end of its window.
/// </summary>
/// <remarks>
/// The rule for a run that missed days (the timer was down, the host was stopped): a lead reminder is meaningful until
/// its event's date, so of the lead reminders whose day has come the one with the smallest lead is sent (a missed 7-day
/// reminder still goes out on day 6, but not once the 1-day one is due: that one says it better); an "ended" reminder
/// is meaningful for <see cref="ReminderOptions.GraceDays"/> days after its date, then it is old news and is not sent.
/// </remarks>
public sealed class ReminderPlanner(MeasureGraph graph)
{
    private readonly Dictionary<DateOnly, Dictionary<(string, string?), MeasureLine>> _days = [];

    /// <summary>The events whose date is in [<paramref name="from"/>, <paramref name="to"/>], for the measures in <paramref name="keys"/>.</summary>
    public IReadOnlyList<MeasureEvent> Events(IReadOnlySet<string> keys, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var events = new List<MeasureEvent>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var before = LinesOn(day.AddDays(-1));
            foreach (var (id, after) in LinesOn(day))
            {
                if (!keys.Contains(after.Key) || !before.TryGetValue(id, out var previous))
                {
                    continue;
                }

                var kind = (previous.State, after.State) switch
                {
                    (MeasureState.Announced, MeasureState.InForce) => ReminderKind.TakesEffect,
                    (MeasureState.Suspended, MeasureState.InForce) => ReminderKind.SuspensionEnds,
                    _ => (ReminderKind?)null,
                };
                if (kind is { } k)
                {
                    events.Add(new MeasureEvent(k, day, previous, after));
                }
            }
        }

        return events;
    }

    /// <summary>
    /// The reminders due on <paramref name="today"/> for a recipient with these lead days, by the rule in the remarks.
    /// </summary>
    public IReadOnlyList<DueReminder> Due(IReadOnlySet<string> keys, DateOnly today, IReadOnlyList<int> leadDays, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(leadDays);
        var leads = leadDays.Where(l => l > 0).Distinct().Order().ToList();
        var horizon = leads.Count == 0 ? 0 : leads[^1];
        var due = new List<DueReminder>();
        foreach (var e in Events(keys, today.AddDays(-graceDays), today.AddDays(horizon)))
        {
            if (e.Date > today)
            {
                var lead = leads.Where(l => e.Date.AddDays(-l) <= today).DefaultIfEmpty(0).Min();
                if (lead > 0)
                {
                    due.Add(new DueReminder(e, e.Kind, lead));
                }
            }
            else if (e.Kind == ReminderKind.SuspensionEnds && today.DayNumber - e.Date.DayNumber <= graceDays)
            {
                due.Add(new DueReminder(e, ReminderKind.Ended, 0));
            }
        }

        return due;
    }

    private Dictionary<(string, string?), MeasureLine> LinesOn(DateOnly day)
    {
        if (!_days.TryGetValue(day, out var lines))
        {
            lines = graph.StatesAt(day).DistinctBy(l => (l.Key, l.Clause)).ToDictionary(l => (l.Key, l.Clause));
            _days[day] = lines;
        }

        return lines;
    }
}
