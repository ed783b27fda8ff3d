using System.Text.Json;
using Alerts.Testing;

namespace Alerts.Functions.Tests;

public sealed class HostJsonTests
{
    [Fact]
    public void BuiltFunctionsOutput_ContainsHostJsonVersion2()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var output = Path.Combine(RepositoryPaths.Root, "src", "Alerts.Functions", "bin", configuration, "net10.0", "host.json");

        File.Exists(output).ShouldBeTrue($"host.json is missing from {output}");
        using var document = JsonDocument.Parse(File.ReadAllText(output));
        document.RootElement.GetProperty("version").GetString().ShouldBe("2.0");
    }

    [Fact]
    public void RootHostJson_UsesOpenTelemetryMode()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));

        document.RootElement.GetProperty("telemetryMode").GetString().ShouldBe("OpenTelemetry");
    }
}
