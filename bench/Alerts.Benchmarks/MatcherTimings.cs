using Alerts.Core.Common;
using Alerts.Core.Matching;
using System.Diagnostics;
using System.Globalization;
using Alerts.Core.Goods;

namespace Alerts.Benchmarks;

/// <summary>
/// <c>time-matching [companies…]</c>: a stopwatch pass (no BenchmarkDotNet) over the matcher workload — index build
/// (best of five, each from scratch), then one scan and one match of the corpus — for quick comparisons while working.
/// </summary>
internal static class MatcherTimings
{
    public static void Run(IReadOnlyList<int> companyCounts)
    {
        foreach (var companies in companyCounts)
        {
            var workload = MatchingWorkload.Create(companies);
            // Wall time and this thread's CPU time: on the shared machine the wall clock also counts other processes' turns.
            var build = double.MaxValue;
            var buildCpu = double.MaxValue;
            MatcherIndex index = null!;
            for (var i = 0; i < 5; i++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                index = new MatcherIndex(GoodsTaxonomy.Default, workload.Companies);
                build = Math.Min(build, clock.Elapsed.TotalMilliseconds);
                buildCpu = Math.Min(buildCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
            }

            // With the words already normalised, as a rebuild after one company changed has them.
            var terms = new MatcherTerms();
            _ = new MatcherIndex(GoodsTaxonomy.Default, workload.Companies, terms);
            var warm = double.MaxValue;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                _ = new MatcherIndex(GoodsTaxonomy.Default, workload.Companies, terms);
                warm = Math.Min(warm, clock.Elapsed.TotalMilliseconds);
            }

            var automaton = double.MaxValue;
            for (var i = 0; i < 5; i++)
            {
                var clock = Stopwatch.StartNew();
                _ = new AhoCorasick(index.Patterns);
                automaton = Math.Min(automaton, clock.Elapsed.TotalMilliseconds);
            }

            var scanClock = Stopwatch.StartNew();
            var hits = new List<PatternHit>();
            var total = 0L;
            foreach (var notice in workload.Notices)
            {
                hits.Clear();
                index.Automaton.FindAll(TextNormalizer.Normalize(NoticeMatcher.ScannedText(notice)).Text, hits);
                total += hits.Count;
            }

            var scan = scanClock.Elapsed.TotalMilliseconds;
            var matcher = new NoticeMatcher();
            matcher.IndexFor(workload.Companies);
            var matchClock = Stopwatch.StartNew();
            var alerts = 0L;
            foreach (var (notice, change) in workload.Changes)
            {
                alerts += matcher.Match(change, notice, workload.Companies).Count;
            }

            var match = matchClock.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{companies,7} companies  {index.Patterns.Count,7} patterns  {index.Automaton.StateCount,8} states  build {build,8:F1} ms (cpu {buildCpu,6:F1}, words known {warm,6:F1}, automaton {automaton,6:F1})  scan {scan,8:F1} ms ({total} hits)  match {match,8:F1} ms ({alerts} alerts)"));
        }
    }
}
