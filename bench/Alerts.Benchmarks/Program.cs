using Alerts.Benchmarks;
using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Alerts.Benchmarks -- --filter '*' --inProcess
// `export-matching <dir>` writes the matcher workload's corpus and patterns for bench/grep-baseline.sh.
if (args is ["export-matching", var directory])
{
    MatcherBenchmarks.ExportWorkloads(directory);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
