using Alerts.Core.Common;
using Alerts.Core.Matching;
using System.Globalization;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using BenchmarkDotNet.Attributes;

namespace Alerts.Benchmarks;

/// <summary>
/// The matcher's index at 100, 10,000 and 100,000 companies × 20 items (<see cref="MatchingWorkload"/>; list in
/// <c>ALERTS_BENCH_COMPANIES</c>): a cold build (a process's first), a rebuild after one company changed (what the
/// cache does on every later change), the scan with that index, and <see cref="NoticeMatcher.Match"/> over the
/// notices that concern nobody — the part of matching that must not grow with the companies (the rest is the alerts
/// themselves, which do). Results: docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class MatcherIndexBenchmarks
{
    private readonly NoticeMatcher _matcher = new();
    private MatchingWorkload _workload = null!;
    private MatcherIndexCache _cache = null!;
    private Company[][] _edited = [];
    private int _edit;
    private MatcherIndex _index = null!;
    private (Alerts.Core.Notices.Notice Notice, Alerts.Core.Changes.ChangeEvent Change)[] _quiet = [];

    [ParamsSource(nameof(CompanyCounts))]
    public int Companies { get; set; }

    public static IEnumerable<int> CompanyCounts =>
        Environment.GetEnvironmentVariable("ALERTS_BENCH_COMPANIES") is { Length: > 0 } list
            ? list.Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))
            : [100, 10_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        _workload = MatchingWorkload.Create(Companies);
        _index = _matcher.IndexFor(_workload.Companies);
        _cache = new MatcherIndexCache(GoodsTaxonomy.Default);
        _cache.Get(_workload.Companies);

        // Two lists that differ from the store's in one company's terms: alternating them makes every Rebuild a real one.
        _edited = [.. Enumerable.Range(0, 2).Select(v => Edited(_workload.Companies, v))];

        // The notices about nothing anybody watches (70 % of the corpus: trade remedies, fairs, statistics); MatchQuiet
        // returns the alerts they raise, which is none.
        _quiet = [.. _workload.Changes.Where(c => c.Notice.Measure == Alerts.Core.Notices.Measure.Other)];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Index workload: {Companies} companies, {_index.Patterns.Count} patterns, {_index.Automaton.StateCount} states, {_workload.Notices.Count} notices ({_quiet.Length} about nothing watched), {_workload.Characters} characters"));
    }

    /// <summary>From nothing, as at a cold start: every word normalised, every inverted index and the automaton built.</summary>
    [Benchmark]
    public int Build() => new MatcherIndex(GoodsTaxonomy.Default, _workload.Companies).Automaton.StateCount;

    /// <summary>One company changed: the cache hashes the new list and rebuilds, reusing the words it normalised before.</summary>
    [Benchmark]
    public int Rebuild() => _cache.Get(_edited[_edit++ % 2]).Automaton.StateCount;

    /// <summary>Normalise every notice and run the automaton over it: the part <c>grep -F</c> does.</summary>
    [Benchmark]
    public long Scan()
    {
        var automaton = _index.Automaton;
        var hits = new List<PatternHit>();
        var total = 0L;
        foreach (var notice in _workload.Notices)
        {
            hits.Clear();
            automaton.FindAll(TextNormalizer.Normalize(NoticeMatcher.ScannedText(notice)).Text, hits);
            total += hits.Count;
        }

        return total;
    }

    /// <summary>The full matcher over the notices that alert nobody: flat in the number of companies.</summary>
    [Benchmark]
    public int MatchQuiet()
    {
        var alerts = 0;
        foreach (var (notice, change) in _quiet)
        {
            alerts += _matcher.Match(change, notice, _workload.Companies).Count;
        }

        return alerts;
    }

    private static Company[] Edited(IReadOnlyList<Company> companies, int variant)
    {
        var edited = companies.ToArray();
        var first = edited[0];
        edited[0] = first with { Watch = first.Watch with { Terms = [.. first.Watch.Terms, $"edited term {variant}"] } };
        return edited;
    }
}
