using Alerts.Core.Notices;

namespace Alerts.Core.Measures;

/// <summary>A stored notice with the day it was first seen: the date it is known from when its text gives none.</summary>
public sealed record KnownNotice(Notice Notice, DateOnly? FirstSeen = null);

/// <summary>
/// The measure graph: every measure the stored notices publish or name, joined by notice key (copies and mirrors of one
/// notice share a key), and the relations read from their texts. The state of a measure on a date is computed here from
/// the relations and their windows, never stored.
/// </summary>
/// <remarks>
/// The rules, as a lawyer reads the notices: a measure applies from its effective date, else from its publication (an
/// announcement that states no date applies when published); a suspension applies from its window's start (else the
/// suspending notice's effective or publication date) to its end date inclusive (自即日起至2026年11月27日: the 27th is
/// suspended, the 28th is not), then the measure is in force again; a lift (停止实施, 取消, 废止) ends it for good. A
/// window a notice sets without naming its target applies to every notice it suspends. A notice is not known before the
/// day it was published (or, failing a date in its text, first seen): on an earlier date it and its relations are absent.
/// </remarks>
public sealed class MeasureGraph
{
    private static readonly Dictionary<string, string> s_passive = new(StringComparer.Ordinal)
    {
        ["suspends"] = "suspended-by", ["lifts"] = "lifted-by", ["resumes"] = "resumed-by", ["amends"] = "amended-by",
        ["supersedes"] = "superseded-by", ["implements"] = "implemented-by", ["answers"] = "answered-by",
        ["responds-to"] = "responded-to-by", ["cites"] = "cited-by",
    };

    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly List<Edge> _edges = [];

    private MeasureGraph()
    {
    }

    /// <summary>The keys of the notices read (copies count once), for filters that look at the texts.</summary>
    public IEnumerable<string> NoticeKeys => _nodes.Values.Where(n => n.Copies.Count > 0).Select(n => n.Key);

    public static MeasureGraph Build(IEnumerable<KnownNotice> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var graph = new MeasureGraph();
        foreach (var known in notices)
        {
            graph.NodeOf(known.Notice.Key).Copies.Add(known);
        }

        foreach (var node in graph._nodes.Values.ToList())
        {
            foreach (var copy in node.Copies)
            {
                var notice = copy.Notice;
                foreach (var relation in notice.Relations)
                {
                    var from = relation.By ?? node.Key;
                    var window = WindowOf(relation.By is null ? [notice] : graph.CopiesOf(from), relation);
                    var edge = new Edge(relation.Kind, from, relation.Key, relation.Clause ?? window?.Clause, window?.From, window?.Until, HasWindow: window is not null);
                    if (!graph._edges.Exists(e => e.Kind == edge.Kind && e.From == edge.From && e.To == edge.To && e.Clause == edge.Clause && (e.HasWindow || !edge.HasWindow)))
                    {
                        graph._edges.RemoveAll(e => e.Kind == edge.Kind && e.From == edge.From && e.To == edge.To && e.Clause == edge.Clause);
                        graph._edges.Add(edge);
                    }

                    graph.NodeOf(relation.Key);
                    graph.NodeOf(from);
                }
            }
        }

        graph.LinkProtests();
        return graph;
    }

    /// <summary>
    /// <c>responds-to</c> for a Japanese protest, which names the Chinese measure by what it does, never by its number
    /// (中国商務省が日本への軍民両用品目の輸出管理を強化…強く抗議し): a Japanese-language statement that protests (抗議)
    /// to China responds to the Chinese measures aimed at Japan (a destination JP) that became known in the three days
    /// up to the protest's own day. A protest that already names a notice by number keeps what its text says.
    /// </summary>
    private void LinkProtests()
    {
        var measures = _nodes.Values.Where(n => n.Key.StartsWith("cn-", StringComparison.Ordinal) && n.Copies.Count > 0
            && n.Copies.Exists(c => c.Notice.Destinations.Contains("JP") && c.Notice.Measure is not (Measure.Statement or Measure.Other))).ToList();
        foreach (var protest in _nodes.Values.Where(IsJapaneseProtest).ToList())
        {
            if (FirstKnown(protest) is not { } day || _edges.Exists(e => e.From == protest.Key))
            {
                continue;
            }

            foreach (var target in measures.Where(m => FirstKnown(m) is { } known && known <= day && day.DayNumber - known.DayNumber <= 3))
            {
                _edges.Add(new Edge("responds-to", protest.Key, target.Key, null, null, null, HasWindow: false));
            }
        }
    }

    private static bool IsJapaneseProtest(Node node) =>
        node.Copies.Count > 0 && node.Copies.TrueForAll(c => c.Notice.Measure is Measure.Statement or Measure.Other)
        && node.Copies.Exists(c => c.Notice.Language == "ja" && (c.Notice.Title + c.Notice.Body) is var text
            && text.Contains("抗議", StringComparison.Ordinal) && text.Contains("中国", StringComparison.Ordinal));

    /// <summary>Every measure known on <paramref name="at"/>, with its state; clause rows follow their measure.</summary>
    public IReadOnlyList<MeasureLine> StatesAt(DateOnly at) =>
        [.. _nodes.Values.Where(n => IsMeasure(n) && IsKnownOn(n, at)).OrderBy(n => n.Key, StringComparer.Ordinal).SelectMany(n => LinesOf(n, at))];

    /// <summary>The copies read for a key (empty for a measure known only because another notice names it).</summary>
    public IReadOnlyList<Notice> CopiesOf(string key) =>
        _nodes.TryGetValue(key, out var node) ? [.. node.Copies.Select(c => c.Notice)] : [];

    /// <summary>The notices that act on <paramref name="key"/> (suspend it, lift it, …), by key.</summary>
    public IEnumerable<string> ActingOn(string key) => _edges.Where(e => e.To == key).Select(e => e.From).Distinct(StringComparer.Ordinal);

    private IEnumerable<MeasureLine> LinesOf(Node node, DateOnly at)
    {
        var incoming = _edges.Where(e => e.To == node.Key && IsKnownOn(_nodes[e.From], at)).ToList();
        var outgoing = _edges.Where(e => e.From == node.Key).ToList();
        var whole = incoming.Where(e => e.Clause is null).ToList();
        var links = outgoing.Select(e => new MeasureLink(e.Kind, e.To))
            .Concat(whole.Select(e => new MeasureLink(Passive(e.Kind), e.From)))
            .Distinct().ToList();
        yield return Line(node, null, whole, links, at);
        foreach (var clause in incoming.Select(e => e.Clause).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var acting = incoming.Where(e => e.Clause == clause).ToList();
            var clauseLinks = acting.Select(e => new MeasureLink(Passive(e.Kind), e.From)).Distinct().ToList();

            // A clause follows its measure (a lift of the whole ends every clause) and its own windows.
            yield return Line(node, clause, [.. whole, .. acting], clauseLinks, at);
        }
    }

    private MeasureLine Line(Node node, string? clause, List<Edge> acting, List<MeasureLink> links, DateOnly at)
    {
        var primary = Primary(node);
        var start = primary is null ? null : Start(node);
        var (state, since, until) = (MeasureState.InForce, start, (DateOnly?)null);

        var lifts = acting.Where(e => e.Kind is "lifts" or "supersedes").Select(e => StartOf(e)).Where(d => d is null || d <= at).ToList();
        var resumptions = acting.Where(e => e.Kind == "resumes").Select(StartOf).OfType<DateOnly>().Where(d => d <= at).ToList();
        var windows = acting.Where(e => e.Kind == "suspends").Select(e => (From: StartOf(e), Until: UntilOf(e))).ToList();
        if (lifts.Count > 0)
        {
            (state, since) = (MeasureState.Lifted, lifts.Min());
        }
        else if (windows.Where(w => (w.From is null || w.From <= at) && (w.Until is null || at <= w.Until)).ToList() is { Count: > 0 } open
                 && !resumptions.Exists(r => open.TrueForAll(w => w.From is null || r >= w.From)))
        {
            var from = open.Select(w => w.From).OfType<DateOnly>().DefaultIfEmpty().Min();
            (state, since) = (MeasureState.Suspended, from == default ? null : from);
            until = open.Exists(w => w.Until is null) ? null : open.Max(w => w.Until);
        }
        else if (start is { } effective && at < effective)
        {
            (state, since, until) = (MeasureState.Announced, Published(node), effective.AddDays(-1));
        }
        else
        {
            // In force, and in force again from the day after the last window that has ended (or the last resumption).
            var again = windows.Select(w => w.Until).OfType<DateOnly>().Where(u => u < at).Select(u => u.AddDays(1))
                .Concat(resumptions).DefaultIfEmpty().Max();
            if (again != default && (since is null || again > since))
            {
                since = again;
            }

            var next = windows.Select(w => w.From).OfType<DateOnly>().Where(f => f > at).DefaultIfEmpty().Min();
            until = next == default ? null : next.AddDays(-1);
        }

        return new MeasureLine(node.Key, primary?.Number, clause, primary?.Title, state, since, until, links);
    }

    private DateOnly? StartOf(Edge edge) => edge.WindowFrom ?? Start(_nodes[edge.From]);

    private static DateOnly? UntilOf(Edge edge) => edge.WindowUntil;

    /// <summary>The window the acting notice (any copy of it) sets on this target, else the one it sets without naming a target.</summary>
    private static MeasureWindow? WindowOf(IReadOnlyList<Notice> acting, NoticeRelation relation)
    {
        if (relation.Kind != "suspends")
        {
            return null;
        }

        var windows = acting.SelectMany(n => n.Windows).ToList();
        return windows.FirstOrDefault(w => w.TargetKey == relation.Key && (relation.Clause is null || w.Clause is null || w.Clause == relation.Clause))
               ?? windows.FirstOrDefault(w => w.TargetKey is null);
    }

    private static string Passive(string kind) => s_passive.GetValueOrDefault(kind, kind + "-by");

    /// <summary>Remarks (a spokesperson's answer, a protest) relate to measures; they are not measures themselves.</summary>
    private static bool IsMeasure(Node node) =>
        node.Copies.Count == 0 || node.Copies.Exists(c => c.Notice.Number is not null || c.Notice.Measure is not (Measure.Statement or Measure.Other));

    private static bool IsKnownOn(Node node, DateOnly at) => node.Copies.Count == 0 || FirstKnown(node) is not { } known || known <= at;

    private static Notice? Primary(Node node) =>
        node.Copies.Select(c => c.Notice)
            .OrderByDescending(n => (n.Number is null ? 0 : 4) + (n.Published is null || n.PublishedFromListing ? 0 : 2) + (n.Effective is null ? 0 : 1))
            .ThenBy(n => n.CanonicalUrl, StringComparer.Ordinal)
            .FirstOrDefault();

    private static DateOnly? Published(Node node) => node.Copies.Select(c => c.Notice.Published).OfType<DateOnly>().DefaultIfEmpty().Min() is var d && d != default ? d : null;

    private static DateOnly? Start(Node node)
    {
        var effective = node.Copies.Select(c => c.Notice.Effective).OfType<DateOnly>().DefaultIfEmpty().Min();
        return effective != default ? effective : Published(node) ?? FirstSeen(node);
    }

    private static DateOnly? FirstSeen(Node node) => node.Copies.Select(c => c.FirstSeen).OfType<DateOnly>().DefaultIfEmpty().Min() is var d && d != default ? d : null;

    private static DateOnly? FirstKnown(Node node) => Published(node) ?? FirstSeen(node);

    private Node NodeOf(string key)
    {
        if (!_nodes.TryGetValue(key, out var node))
        {
            node = new Node(key);
            _nodes[key] = node;
        }

        return node;
    }

    private sealed record Node(string Key)
    {
        public List<KnownNotice> Copies { get; } = [];
    }

    private sealed record Edge(string Kind, string From, string To, string? Clause, DateOnly? WindowFrom, DateOnly? WindowUntil, bool HasWindow);
}
