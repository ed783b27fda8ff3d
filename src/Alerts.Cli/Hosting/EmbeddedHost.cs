
using Alerts.Core;
using Alerts.Core.Matching;
using Alerts.Core.Api;
using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Ops;
using Alerts.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Alerts.Core.Common;

namespace Alerts.Cli.Hosting;

/// <summary>
/// The embedded default: the same Core as in Azure, with SQLite, the durable local bus and an outbox folder,
/// and Kestrel on 127.0.0.1 serving the API and the dashboard.
/// </summary>
internal static class EmbeddedHost
{
    public static WebApplication Build(EmbeddedHostSettings settings, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Hosting__Mode=Azure (environment or arguments) runs this host against Azure resources; otherwise embedded.
        var modeKey = $"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}";
        var requestedMode = builder.Configuration[modeKey];
        var dataDirectory = builder.Configuration.AddEmbeddedMode(settings.DataDirectory);
        if (!string.IsNullOrEmpty(requestedMode))
        {
            builder.Configuration[modeKey] = requestedMode;
        }

        Directory.CreateDirectory(Path.Combine(dataDirectory, "outbox"));
        builder.Configuration.AddInMemoryCollection(settings.Configuration);
        var azure = string.Equals(builder.Configuration[modeKey], nameof(HostingMode.Azure), StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrEmpty(builder.Configuration["Delivery:PublicBaseUrl"]) && !azure)
        {
            // Embedded only: in Azure mode the public origin must be configured (AzureSettingsValidator says so).
            // Links in e-mails and cards ("what changed") point at this host's own diff pages.
            builder.Configuration["Delivery:PublicBaseUrl"] = $"http://127.0.0.1:{settings.Port}";
        }

        // Say what Alerts does, not every request Kestrel serves.
        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);

        // Each retry of an unreachable site would print a stack trace ("fail: Polly[3]"): the poll says it once, as one
        // warning when the source's health changes (PollService); Polly's own events are details, for debug logging.
        builder.Logging.AddFilter("Polly", settings.MinimumLogLevel <= LogLevel.Debug ? LogLevel.Debug : LogLevel.None);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        // Loopback only: the embedded default is a one-machine tool, not a server on the network.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, settings.Port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));

        builder.Services.AddAlertsCore(builder.Configuration);
        builder.Services.AddAlertsInfrastructure(builder.Configuration);
        builder.Services.AddMatcherIndexRefresh(); // a company change rebuilds the matcher index in the background

        // The one-machine host runs the loops Azure runs as timer functions: polls on each source's schedule,
        // drains of the alerts/email/teams subscriptions, the hourly digest, and the daily prune of the page archive.
        if (settings.BackgroundLoops)
        {
            builder.Services.AddAlertsPollScheduler();
            builder.Services.AddAlertsDeliveryLoops();
            builder.Services.AddAlertsPageArchivePruning();
        }

        // OpenTelemetry as in Azure (the "Alerts" source and meter), exported over OTLP when an endpoint is configured
        // (OTEL_EXPORTER_OTLP_ENDPOINT, the exporter's standard variable) and/or printed on the console when
        // Telemetry:Console is true (a look without a collector); with neither, nothing is collected or sent.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var console = builder.Configuration.GetValue<bool>(ConsoleTelemetrySetting);
        if (otlp || console)
        {
            var telemetry = builder.Services.AddOpenTelemetry()
                .WithTracing(tracing =>
                {
                    tracing.AddSource(AlertsTelemetry.Name);
                    if (console)
                    {
                        tracing.AddConsoleExporter();
                    }
                })
                .WithMetrics(metrics =>
                {
                    metrics.AddMeter(AlertsTelemetry.Name);
                    if (console)
                    {
                        metrics.AddConsoleExporter();
                    }
                });
            if (otlp)
            {
                telemetry.UseOtlpExporter();
            }
        }

        settings.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>The OTLP exporter's standard setting; set, <c>alerts run</c> exports its traces and metrics there.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Set to <c>true</c> (<c>Telemetry__Console=true alerts run</c>), traces and metrics are printed on the console.</summary>
    public const string ConsoleTelemetrySetting = "Telemetry:Console";

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/api/" + ApiRoutes.Health, async (HealthService health, CancellationToken ct) =>
            Results.Json(await health.CheckAsync(ct).ConfigureAwait(false), AlertsJson.Web));
        app.MapAlertsApi();
        app.MapDashboard();
    }
}
