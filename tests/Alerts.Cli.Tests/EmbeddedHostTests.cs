using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

public sealed class EmbeddedHostTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Build_BackgroundLoops_RegistersThePageArchivePruneExactlyThen(bool loops)
    {
        using var data = new TempDirectory();
        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, FreePort()) { BackgroundLoops = loops });

        var hosted = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>();

        hosted.OfType<Alerts.Core.Audit.PageArchivePruneService>().Count().ShouldBe(loops ? 1 : 0);
    }

    [Fact]
    public async Task Health_OnLoopback_ReturnsStatus()
    {
        using var data = new TempDirectory();
        var port = FreePort();
        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, port));
        await app.StartAsync();
        using var http = new HttpClient();

        var json = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/api/health"));

        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("status").GetString().ShouldNotBeNullOrEmpty();
        await app.StopAsync();
    }

    [Fact]
    public async Task Build_OtlpEndpointConfigured_CollectsTheAlertsMeterAndSource()
    {
        using var data = new TempDirectory();

        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, FreePort())
        {
            Configuration = new Dictionary<string, string?> { [EmbeddedHost.OtlpEndpointSetting] = "http://127.0.0.1:4317" },
        });

        app.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)).ShouldNotBeNull();
        app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Build_ConsoleTelemetry_CollectsTheAlertsSourceWithoutACollector()
    {
        using var data = new TempDirectory();

        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, FreePort())
        {
            Configuration = new Dictionary<string, string?> { [EmbeddedHost.ConsoleTelemetrySetting] = "true" },
        });

        app.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)).ShouldNotBeNull();
        app.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)).ShouldNotBeNull();
        Alerts.Core.Common.AlertsTelemetry.ActivitySource.HasListeners().ShouldBeTrue();
    }

    [Fact]
    public async Task Build_NoOtlpEndpoint_CollectsNothing()
    {
        using var data = new TempDirectory();

        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, FreePort()));

        app.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)).ShouldBeNull();
    }

    [Fact]
    public async Task Build_CreatesTheOutboxUnderTheDataFolder()
    {
        using var data = new TempDirectory();

        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Combine("nested"), FreePort()));

        Directory.Exists(data.Combine("nested", "outbox")).ShouldBeTrue();
    }

    [Fact]
    public async Task Dashboard_ServesHtml()
    {
        using var data = new TempDirectory();
        var port = FreePort();
        await using var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, port));
        await app.StartAsync();
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/dashboard"));

        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        await app.StopAsync();
    }

    [Fact]
    public async Task Run_PortTaken_SaysSoInOneLineAndExitsPortInUse()
    {
        using var data = new TempDirectory();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", data.Path);

        exitCode.ShouldBe(Alerts.Cli.Commands.ExitCodes.PortInUse);
        error.ShouldContain("--port");
        error.ShouldNotContain("   at ");
        error.Trim().Split('\n').Length.ShouldBe(1, error);
    }
}
