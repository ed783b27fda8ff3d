using System.Diagnostics;
using Alerts.Testing;

namespace Alerts.Cli.Tests;

/// <summary>
/// Issue 15 item 6: <c>./alerts run</c> says "building…" before the build that a first <c>dotnet run</c> does in
/// silence. The script runs with a stand-in <c>dotnet</c> first on PATH that only records its arguments.
/// </summary>
public sealed class LauncherScriptTests : IDisposable
{
    private readonly TempDirectory _bin = new();

    public void Dispose() => _bin.Dispose();

    private string Log => Path.Combine(_bin.Path, "dotnet.log");

    private void FakeDotnet(int buildExitCode) => WriteExecutable(Path.Combine(_bin.Path, "dotnet"), $$"""
        #!/bin/sh
        echo "$*" >> "{{Log}}"
        if [ "$1" = build ]; then exit {{buildExitCode}}; fi
        exit 0
        """);

    private static void WriteExecutable(string path, string text)
    {
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows()) // the launcher is a bash script; test.sh runs on Linux
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<(int ExitCode, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "alerts"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = _bin.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }

    [Fact]
    public async Task Alerts_Run_SaysBuildingThenBuildsThenRunsTheVerbWithItsOptions()
    {
        FakeDotnet(buildExitCode: 0);

        var (exitCode, error) = await RunAsync("run", "--port", "7171");

        exitCode.ShouldBe(0);
        error.ShouldStartWith("alerts: building…");
        var calls = File.ReadAllLines(Log);
        calls.Length.ShouldBe(2);
        calls[0].ShouldStartWith("build ");
        calls[1].ShouldEndWith("alerts.dll run --port 7171");
    }

    [Fact]
    public async Task Alerts_BuildFails_ExitsOneAndRunsNothing()
    {
        FakeDotnet(buildExitCode: 1);

        var (exitCode, error) = await RunAsync("run");

        exitCode.ShouldBe(1);
        error.ShouldContain("the build failed");
        File.ReadAllLines(Log).ShouldHaveSingleItem().ShouldStartWith("build ");
    }
}
