using System.Globalization;
using System.Text;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Notices;
using Alerts.Testing;
using Xunit.Abstractions;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

/// <summary>
/// Issue 16: who hears of each real notice at medium or above, scored against the labels' <c>watchers.must</c> and
/// <c>watchers.may</c> for the fixed watchers of <see cref="RealCorpusWatchers"/> (docs/fidelity.md shows the tables).
/// </summary>
public sealed class RealCorpusJudgementTests(ITestOutputHelper output)
{
    private const double RequiredRecall = 1.0;
    private const double RequiredPrecision = 0.95;

    private static readonly Lazy<IReadOnlyList<Judged>> s_judged = new(JudgeAll);

    [Fact]
    public void Matcher_OnTheRealCorpus_AlertsEveryMustWatcherAtMediumOrAbove()
    {
        var score = JudgementScore.Of(s_judged.Value);
        output.WriteLine(score.Table());
        output.WriteLine(score.Misses());
        score.Recall.ShouldBeGreaterThanOrEqualTo(RequiredRecall, score.Misses());
    }

    [Fact]
    public void Matcher_OnTheRealCorpus_AlertsAtMediumOrAboveOnlyWatchersTheNoticeConcerns()
    {
        var score = JudgementScore.Of(s_judged.Value);
        output.WriteLine(score.Table());
        score.Precision.ShouldBeGreaterThanOrEqualTo(RequiredPrecision, score.Misses());
    }

    [Fact]
    public void Matcher_BroadMeasureOrListingForOtherDestinations_SendsTheExporterNoAlertAtAll()
    {
        var wrong = new List<string>();
        foreach (var judged in s_judged.Value)
        {
            var label = judged.Document.Label;
            if (label.Destinations.Length == 0 || !IsBroadOrListing(label.Measure))
            {
                continue;
            }

            foreach (var (watcher, country) in new[] { ("dual-use-jp", "JP"), ("dual-use-us", "US") })
            {
                var concerned = label.Destinations.Contains(country, StringComparer.OrdinalIgnoreCase)
                    || label.Watchers.Must.Contains(watcher) || label.Watchers.May.Contains(watcher);
                if (!concerned && judged.Alerts.TryGetValue(watcher, out var alert))
                {
                    wrong.Add($"{judged.Document.Id}: {watcher} got {alert.Severity} ({string.Join("; ", alert.Reasons.Select(r => $"{r.Kind}:{r.Value}"))})");
                }
            }
        }

        wrong.ShouldBeEmpty(string.Join('\n', wrong));
    }

    internal static IReadOnlyList<Judged> JudgeAll()
    {
        var matcher = new NoticeMatcher();
        var judged = new List<Judged>();
        foreach (var document in RealCorpus.Documents)
        {
            var notice = RealCorpusFidelityTests.Read(document);
            var detected = (notice.Published ?? new DateOnly(2026, 1, 1)).ToDateTime(TimeOnly.MinValue);
            var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", new DateTimeOffset(detected, TimeSpan.Zero));
            var alerts = matcher.Match(change, notice, RealCorpusWatchers.All).ToDictionary(a => a.CompanyId, StringComparer.Ordinal);
            judged.Add(new Judged(document, notice, alerts));
        }

        return judged;
    }

    private static bool IsBroadOrListing(string measure) => measure is "export-ban" or "control-list-addition"
        or "watch-list-addition" or "unreliable-entity-addition" or "countermeasure" or "investigation";
}

internal sealed record Judged(RealDocument Document, Notice Notice, IReadOnlyDictionary<string, Alert> Alerts)
{
    public IEnumerable<string> Heard => Alerts.Values.Where(a => a.Severity >= Severity.Medium).Select(a => a.CompanyId);
}

/// <summary>Recall over <c>must</c>, precision over <c>must ∪ may</c>, at medium or above; one row per labelled measure.</summary>
internal sealed class JudgementScore
{
    private readonly SortedDictionary<string, (int Must, int Found, int Alerted, int Wrong)> _byMeasure = new(StringComparer.Ordinal);
    private readonly List<string> _misses = [];

    public int Must { get; private set; }

    public int Found { get; private set; }

    public int Alerted { get; private set; }

    public int Wrong { get; private set; }

    public double Recall => Must == 0 ? 1 : (double)Found / Must;

    public double Precision => Alerted == 0 ? 1 : (double)(Alerted - Wrong) / Alerted;

    public static JudgementScore Of(IEnumerable<Judged> judged)
    {
        var score = new JudgementScore();
        foreach (var j in judged)
        {
            score.Add(j);
        }

        return score;
    }

    private void Add(Judged judged)
    {
        var label = judged.Document.Label;
        var heard = judged.Heard.ToHashSet(StringComparer.Ordinal);
        var must = label.Watchers.Must;
        var allowed = must.Concat(label.Watchers.May).ToHashSet(StringComparer.Ordinal);
        var found = must.Count(heard.Contains);
        var wrong = heard.Count(h => !allowed.Contains(h));
        foreach (var missed in must.Where(m => !heard.Contains(m)))
        {
            var got = judged.Alerts.TryGetValue(missed, out var a) ? a.Severity.ToString() : "nothing";
            _misses.Add($"missed {judged.Document.Id}: {missed} got {got}");
        }

        foreach (var extra in heard.Where(h => !allowed.Contains(h)).Order(StringComparer.Ordinal))
        {
            var a = judged.Alerts[extra];
            _misses.Add($"extra  {judged.Document.Id}: {extra} got {a.Severity} ({string.Join("; ", a.Reasons.Select(r => $"{r.Kind}:{r.Value}"))})");
        }

        Must += must.Length;
        Found += found;
        Alerted += heard.Count;
        Wrong += wrong;
        var (m, f, al, w) = _byMeasure.GetValueOrDefault(label.Measure);
        _byMeasure[label.Measure] = (m + must.Length, f + found, al + heard.Count, w + wrong);
    }

    public string Table()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"recall {Recall:0.000} ({Found} of {Must}), precision {Precision:0.000} ({Alerted - Wrong} of {Alerted})\n\n");
        text.Append("| Measure (label) | Must | Heard (must) | Missed | Alerted medium+ | Wrong |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var (measure, (must, found, alerted, wrong)) in _byMeasure)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {measure} | {must} | {found} | {must - found} | {alerted} | {wrong} |\n");
        }

        return text.ToString();
    }

    public string Misses() => string.Join('\n', _misses);
}
