using System.Globalization;
using Alerts.Core.Goods;
using BenchmarkDotNet.Attributes;
using Alerts.Core.Matching;
using Alerts.Core.Common;

namespace Alerts.Benchmarks;

/// <summary>
/// Matcher throughput for 1, 100 and 10,000 companies × 20 watched items over one corpus (<see cref="MatchingWorkload"/>;
/// size from <c>ALERTS_BENCH_CORPUS_MB</c>, default 1), against a naive per-company keyword loop. With
/// <c>ALERTS_BENCH_EXPORT=&lt;dir&gt;</c> the setup also writes the normalised corpus and the automaton's patterns for
/// <c>grep -F -f</c> (<c>bench/grep-baseline.sh</c> does both and times grep). Results: docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private readonly NoticeMatcher _matcher = new();
    private MatchingWorkload _workload = null!;
    private MatcherIndex _index = null!;
    private string[][] _termsPerCompany = [];

    [ParamsSource(nameof(CompanyCounts))]
    public int Companies { get; set; }

    /// <summary>1, 100 and 10,000, or the list in <c>ALERTS_BENCH_COMPANIES</c> (e.g. <c>1,100</c>: the naive loop at 10,000 takes hours on 50 MB).</summary>
    public static IEnumerable<int> CompanyCounts =>
        Environment.GetEnvironmentVariable("ALERTS_BENCH_COMPANIES") is { Length: > 0 } list
            ? list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))
            : [1, 100, 10_000];

    [GlobalSetup]
    public void Setup()
    {
        _workload = MatchingWorkload.Create(Companies);
        _termsPerCompany = _workload.TermsPerCompany(GoodsTaxonomy.Default);
        _index = _matcher.IndexFor(_workload.Companies); // built once here, outside the measurement; Match reuses it

        // One full pass outside the measurement: warms the code and counts what the run produces.
        var alerts = Match();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Matching workload: {Companies} companies, {_workload.Notices.Count} notices, {_workload.Characters} characters, {_index.Patterns.Count} patterns, {alerts} alerts ({(double)alerts / _workload.Notices.Count:F2} a notice)"));

        if (Environment.GetEnvironmentVariable("ALERTS_BENCH_EXPORT") is { Length: > 0 } export)
        {
            Export(export);
        }
    }

    /// <summary>The product: every notice through <see cref="NoticeMatcher.Match"/>, alerts with reasons and severity built.</summary>
    [Benchmark]
    public int Match()
    {
        var alerts = 0;
        foreach (var (notice, change) in _workload.Changes)
        {
            alerts += _matcher.Match(change, notice, _workload.Companies).Count;
        }

        return alerts;
    }

    /// <summary>The scan alone — normalise, then one pass of the matcher's automaton — the part <c>grep -F -f</c> does.</summary>
    [Benchmark]
    public int Scan()
    {
        var automaton = _index.Automaton;
        var hits = new List<PatternHit>();
        var total = 0;
        foreach (var notice in _workload.Notices)
        {
            hits.Clear();
            automaton.FindAll(TextNormalizer.Normalize(NoticeMatcher.ScannedText(notice)).Text, hits);
            total += hits.Count;
        }

        return total;
    }

    /// <summary>The naive way: for every company, every watched term, search the normalised text; stop at its first hit.</summary>
    [Benchmark(Baseline = true)]
    public int NaivePerCompanyLoop()
    {
        var alerted = 0;
        foreach (var notice in _workload.Notices)
        {
            var text = TextNormalizer.Normalize(NoticeMatcher.ScannedText(notice)).Text;
            foreach (var terms in _termsPerCompany)
            {
                foreach (var term in terms)
                {
                    if (text.Contains(term, StringComparison.Ordinal))
                    {
                        alerted++;
                        break;
                    }
                }
            }
        }

        return alerted;
    }

    /// <summary>Writes the corpus and the patterns of every <see cref="Companies"/> value, for grep.</summary>
    public static void ExportWorkloads(string directory)
    {
        foreach (var companies in CompanyCounts)
        {
            var benchmark = new MatcherBenchmarks { Companies = companies };
            benchmark.Setup();
            benchmark.Export(directory);
        }
    }

    /// <summary>
    /// <c>corpus.txt</c>: one normalised notice a line; <c>patterns-N.txt</c>: the automaton's patterns;
    /// <c>companies-N.json</c>: the companies as a subscriptions file.
    /// </summary>
    private void Export(string directory)
    {
        Directory.CreateDirectory(directory);
        var corpus = Path.Combine(directory, "corpus.txt");
        if (!File.Exists(corpus))
        {
            File.WriteAllLines(corpus, _workload.Notices.Select(n => TextNormalizer.Normalize(NoticeMatcher.ScannedText(n)).Text.Replace('\n', ' ')));
        }

        File.WriteAllLines(Path.Combine(directory, $"patterns-{Companies}.txt"), _index.Patterns);

        // The same companies as a subscriptions file, for `alerts match --companies` (bench/grep-baseline.sh).
        using var companies = File.Create(Path.Combine(directory, $"companies-{Companies}.json"));
        System.Text.Json.JsonSerializer.Serialize(companies, new { companies = _workload.Companies }, Alerts.Core.Common.AlertsJson.Web);
    }
}
