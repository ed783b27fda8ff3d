using Alerts.Benchmarks;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Alerts.Benchmarks -- --filter '*' --inProcess
// `time-matching [companies…]` prints a stopwatch pass of build, scan and match (MatcherTimings).
// `export-matching <dir>` writes the matcher workload's corpus and patterns for bench/grep-baseline.sh.
if (args is ["export-matching", var directory])
{
    MatcherBenchmarks.ExportWorkloads(directory);
    return;
}

if (args is ["time-matching", .. var counts])
{
    MatcherTimings.Run([.. (counts.Length > 0 ? counts : ["100", "10000"]).Select(c => int.Parse(c, System.Globalization.CultureInfo.InvariantCulture))]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
