using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Alerts.Testing;

namespace Alerts.Functions.Tests.Infra;

/// <summary>
/// The Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, pinned in infra/Infra.proj): the build machine has
/// no internet except package registries, so the CLI cannot come from az or GitHub. The test restores
/// infra/Infra.proj itself (a no-op when the package is cached), so test.sh needs no extra step.
/// </summary>
public sealed class BicepCli
{
    public const string PackageId = "azure.bicep.commandline.linux-x64";
    public const string Version = "0.49.2";

    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly Lazy<Task<string>> executable = new(LocateOrRestoreAsync);

    // Each bicep run costs seconds of start-up on a shared machine; the same command gives the same answer within
    // one test run, so every distinct command runs once.
    private readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> runs = new(StringComparer.Ordinal);

    public static string InfraDirectory => Path.Combine(RepositoryPaths.Root, "infra");

    /// <summary>Runs <c>bicep {arguments}</c> in infra/ and returns its exit code and combined output.</summary>
    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        runs.GetOrAdd(string.Join('\0', arguments), _ => new Lazy<Task<ProcessResult>>(() => RunOnceAsync(arguments))).Value;

    private async Task<ProcessResult> RunOnceAsync(string[] arguments)
    {
        var path = await executable.Value.ConfigureAwait(false);
        return await ProcessRunner.RunAsync(path, arguments, InfraDirectory, RunTimeout).ConfigureAwait(false);
    }

    private static async Task<string> LocateOrRestoreAsync()
    {
        var found = Candidates().FirstOrDefault(File.Exists);
        if (found is null)
        {
            var restore = await ProcessRunner.RunAsync(
                "dotnet", ["restore", Path.Combine(InfraDirectory, "Infra.proj"), "-nologo"], RepositoryPaths.Root, RestoreTimeout).ConfigureAwait(false);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet restore infra/Infra.proj failed ({restore.ExitCode}):\n{restore.Output}");
            }

            found = Candidates().FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"Restored infra/Infra.proj but found no bicep binary in: {string.Join(", ", Candidates())}");
        }

        // NuGet extracts without the execute bit.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(found, File.GetUnixFileMode(found) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
        }

        return found;
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (var root in PackageRoots().Distinct(StringComparer.Ordinal))
        {
            yield return Path.Combine(root, PackageId, Version, "tools", "bicep");
        }
    }

    private static IEnumerable<string> PackageRoots()
    {
        // The folders restore actually used, when infra/Infra.proj was restored before.
        var assets = Path.Combine(InfraDirectory, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(assets));
            if (document.RootElement.TryGetProperty("packageFolders", out var folders))
            {
                foreach (var folder in folders.EnumerateObject())
                {
                    yield return folder.Name;
                }
            }
        }

        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            yield return configured;
        }

        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}

public sealed record ProcessResult(int ExitCode, string Output);

internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Bicep and dotnet print telemetry and first-run banners otherwise.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["BICEP_TRACING_ENABLED"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        output.Append(await stdout.ConfigureAwait(false)).Append(await stderr.ConfigureAwait(false));
        return new ProcessResult(process.ExitCode, output.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepCli>
{
    public const string Name = "bicep";
}
