using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Alerts.Testing;

namespace Alerts.Cli.Tests;

/// <summary>
/// <c>alerts run</c> with <c>Hosting__Mode=Azure</c> and bad settings (issue 14): exit 2, one line per bad setting named
/// by its configuration path, no stack trace. Environment variables are process-wide, so these run alone.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class RunSettingsValidationTests : IDisposable
{
    // A host that starts despite the settings runs until cancelled: stop it so the test fails instead of hanging.
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(60));

    public void Dispose() => _stop.Dispose();

    [Fact]
    public async Task Run_AzureModeWithoutSendGridSettings_Exits2NamingEveryBadSetting()
    {
        using var data = new TempDirectory();
        using var environment = new EnvironmentScope(new() { ["Hosting__Mode"] = "Azure" });

        var (exitCode, _, error) = await CliRunner.RunAsync(_stop.Token, "run", "--port", FreePort(), "--data", data.Path);

        exitCode.ShouldBe(2, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in new[]
                 {
                     "SendGrid:ApiKey", "SendGrid:FromEmail", "Delivery:PublicBaseUrl", "Storage:TableServiceUri",
                     "Storage:BlobServiceUri", "ServiceBus:FullyQualifiedNamespace",
                 })
        {
            lines.Count(l => l.Contains(setting + ":", StringComparison.Ordinal) || l.Contains(setting + " or", StringComparison.Ordinal))
                .ShouldBe(1, $"one line naming {setting} in:\n{error}");
        }

        error.ShouldNotContain("   at ", customMessage: "no stack trace");
        error.ShouldNotContain("Exception", customMessage: "no exception type names");
    }

    [Fact]
    public async Task Run_AzureModeWithSendGridKeyButNoSender_NamesSendGridFromEmail()
    {
        using var data = new TempDirectory();
        using var environment = new EnvironmentScope(new()
        {
            ["Hosting__Mode"] = "Azure",
            ["SendGrid__ApiKey"] = "SG.test",
            ["Storage__ConnectionString"] = "UseDevelopmentStorage=true",
            ["ServiceBus__FullyQualifiedNamespace"] = "sb-test.servicebus.windows.net",
            ["Delivery__PublicBaseUrl"] = "https://alerts.example.com",
            ["KeyVault__VaultUri"] = "https://kv-test.vault.azure.net/",
            // Azure mode creates no key file: the action-link signing key is configured like the other secrets.
            ["Assessments__LinkSigningKey"] = Convert.ToBase64String(new byte[32]),
        });

        var (exitCode, _, error) = await CliRunner.RunAsync(_stop.Token, "run", "--port", FreePort(), "--data", data.Path);

        exitCode.ShouldBe(2, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldHaveSingleItem().ShouldContain("SendGrid:FromEmail");
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>Sets environment variables for one test and restores them after.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

    public EnvironmentScope(Dictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}
