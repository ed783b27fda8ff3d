using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace Alerts.Functions;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app setting the Azure Monitor exporter reads; without it telemetry stays in-process.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// OpenTelemetry through the Functions worker (host.json sets <c>telemetryMode</c> to OpenTelemetry), exported to
    /// Azure Monitor only when a connection string is configured, so local runs and tests never try to send.
    /// </summary>
    public static IServiceCollection AddAlertsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otel = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (IsAzureMonitorConfigured(configuration))
        {
            otel.UseAzureMonitorExporter();
        }

        return services;
    }

    public static bool IsAzureMonitorConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);
}
