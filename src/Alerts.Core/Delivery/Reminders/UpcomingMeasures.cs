using Alerts.Core.Measures;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery.Reminders;

/// <summary>What takes effect or ends for a company in the coming days, from the same state as the reminders.</summary>
public interface IUpcomingMeasures
{
    /// <summary>The events dated from <paramref name="from"/> to <paramref name="days"/> days after it, in date order.</summary>
    Task<IReadOnlyList<MeasureEvent>> ForAsync(Company company, DateOnly from, int days, CancellationToken cancellationToken);
}

internal sealed class UpcomingMeasures(MeasureService measures) : IUpcomingMeasures
{
    public async Task<IReadOnlyList<MeasureEvent>> ForAsync(Company company, DateOnly from, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var graph = await measures.BuildGraphAsync(cancellationToken).ConfigureAwait(false);
        var to = from.AddDays(days);
        var keys = measures.Concerning(graph, graph.StatesAt(to), company).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        return keys.Count == 0
            ? []
            : [.. new ReminderPlanner(graph).Events(keys, from, to).OrderBy(e => e.Date).ThenBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Clause, StringComparer.Ordinal)];
    }
}
