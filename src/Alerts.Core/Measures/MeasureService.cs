using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Matching;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Measures;

/// <summary>The measures known on a date, optionally only those that concern one company.</summary>
public interface IMeasureService
{
    /// <summary>Null when <paramref name="companyId"/> names no company.</summary>
    Task<IReadOnlyList<MeasureLine>?> ListAsync(string? companyId, DateOnly at, CancellationToken cancellationToken);
}

/// <summary>
/// Builds the <see cref="MeasureGraph"/> from the notices in the snapshot store (the notices the dashboard and the change
/// archive read) and, for a company, keeps the measures the one matcher says concern it: a measure whose text matches
/// the company's goods, codes, counterparties or destinations, or one known only by name whose acting notice does.
/// </summary>
public sealed class MeasureService(ISnapshotStore snapshots, ICompanyStore companies, INoticeMatcher matcher, TimeProvider time) : IMeasureService
{
    public async Task<IReadOnlyList<MeasureLine>?> ListAsync(string? companyId, DateOnly at, CancellationToken cancellationToken)
    {
        Company? company = null;
        if (!string.IsNullOrEmpty(companyId))
        {
            company = await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false);
            if (company is null)
            {
                return null;
            }
        }

        var graph = await BuildGraphAsync(cancellationToken).ConfigureAwait(false);
        var lines = graph.StatesAt(at);
        return company is null ? lines : Concerning(graph, lines, company);
    }

    /// <summary>The graph over every stored notice that is not withdrawn (what <see cref="ListAsync"/> reads), for callers that look at many dates.</summary>
    public async Task<MeasureGraph> BuildGraphAsync(CancellationToken cancellationToken)
    {
        var stored = await snapshots.ListAsync(cancellationToken).ConfigureAwait(false);
        var known = stored.SelectMany(s => s.Notices.Values)
            .Where(n => !n.Withdrawn)
            .Select(n => new KnownNotice(n.Notice, DateOnly.FromDateTime(n.FirstSeen.UtcDateTime)));
        return MeasureGraph.Build(known);
    }

    /// <summary>The lines whose measure concerns <paramref name="company"/>, as the matcher judges each notice's text.</summary>
    public IReadOnlyList<MeasureLine> Concerning(MeasureGraph graph, IReadOnlyList<MeasureLine> lines, Company company)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(lines);
        var now = time.GetUtcNow();
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool Matches(string key) => verdicts.TryGetValue(key, out var hit) ? hit : verdicts[key] = graph.CopiesOf(key).Any(notice =>
            matcher.Match(ChangeEvent.From(notice, ChangeKind.Added, ContentHash.Of(notice.Title, notice.Body), now), notice, [company]).Count > 0);
        bool Concerns(string key) => graph.CopiesOf(key).Count > 0 ? Matches(key) : graph.ActingOn(key).Any(Matches);
        return [.. lines.Where(line => Concerns(line.Key))];
    }
}
