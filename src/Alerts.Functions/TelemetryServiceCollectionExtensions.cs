using Alerts.Core.Ops;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Alerts.Core.Common;

namespace Alerts.Functions;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>The app setting the Azure Monitor exporter reads; without it telemetry stays in-process.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// <c>ClientId=&lt;uami client id&gt;;Authorization=AAD</c> (infra/main.bicep): Application Insights has local auth
    /// off, so the exporter must send an Entra token of an identity with Monitoring Metrics Publisher.
    /// </summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// OpenTelemetry through the Functions worker (host.json sets <c>telemetryMode</c> to OpenTelemetry), exported to
    /// Azure Monitor only when a connection string is configured, so local runs and tests never try to send.
    /// Our own spans and instruments come from <see cref="AlertsTelemetry"/> (source and meter "Alerts"); with local
    /// auth off on Application Insights, the exporter authenticates with APPLICATIONINSIGHTS_AUTHENTICATION_STRING
    /// (the app identity, set by infra/main.bicep).
    /// </summary>
    public static IServiceCollection AddAlertsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        // Polly logs every failed attempt of an unreachable site with its stack trace ("fail: Polly[3]", issue 15 item 7):
        // the poll states it once, as one warning when the source's health changes (PollService), and each request is
        // still an HTTP dependency in the traces. Polly's own log lines are noise here, as in `alerts run`.
        services.AddLogging(logging => logging.AddFilter("Polly", LogLevel.None));
        var otel = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(AlertsTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(AlertsTelemetry.Name));
        if (IsAzureMonitorConfigured(configuration))
        {
            if (TryGetEntraAuthentication(configuration, out var clientId))
            {
                otel.UseAzureMonitorExporter(exporter => exporter.Credential = Infrastructure.AzureCredentials.ManagedIdentity(clientId));
            }
            else
            {
                otel.UseAzureMonitorExporter();
            }
        }

        return services;
    }

    public static bool IsAzureMonitorConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringSetting]);

    /// <summary>
    /// True when <see cref="AuthenticationStringSetting"/> asks for Entra auth (<c>Authorization=AAD</c>);
    /// <paramref name="clientId"/> is the user-assigned identity's client id, or null for a system-assigned one.
    /// </summary>
    public static bool TryGetEntraAuthentication(IConfiguration configuration, out string? clientId)
    {
        clientId = null;
        var value = configuration[AuthenticationStringSetting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var aad = false;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0].Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                aad = pair[1].Equals("AAD", StringComparison.OrdinalIgnoreCase);
            }
            else if (pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase) && pair[1].Length > 0)
            {
                clientId = pair[1];
            }
        }

        if (!aad)
        {
            clientId = null;
        }

        return aad;
    }
}
