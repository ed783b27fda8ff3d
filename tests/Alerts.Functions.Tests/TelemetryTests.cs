using Microsoft.Extensions.Logging;
using System.Collections.Concurrent;
using Alerts.Core.Ops;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Alerts.Core.Common;

namespace Alerts.Functions.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public void IsAzureMonitorConfigured_NoConnectionString_IsFalse() =>
        TelemetryServiceCollectionExtensions.IsAzureMonitorConfigured(new ConfigurationBuilder().Build()).ShouldBeFalse();

    [Fact]
    public void IsAzureMonitorConfigured_ConnectionStringSet_IsTrue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        }).Build();

        TelemetryServiceCollectionExtensions.IsAzureMonitorConfigured(configuration).ShouldBeTrue();
    }

    [Fact]
    public void TryGetEntraAuthentication_AadWithClientId_ReturnsClientId()
    {
        var configuration = Configuration(("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=1234-abcd;Authorization=AAD"));

        TelemetryServiceCollectionExtensions.TryGetEntraAuthentication(configuration, out var clientId).ShouldBeTrue();
        clientId.ShouldBe("1234-abcd");
    }

    [Fact]
    public void TryGetEntraAuthentication_NotSet_IsFalse()
    {
        TelemetryServiceCollectionExtensions.TryGetEntraAuthentication(Configuration(), out var clientId).ShouldBeFalse();
        clientId.ShouldBeNull();
    }

    [Fact]
    public void TryGetEntraAuthentication_OtherAuthorization_IsFalse() =>
        TelemetryServiceCollectionExtensions.TryGetEntraAuthentication(
            Configuration(("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "ClientId=x;Authorization=Key")), out _).ShouldBeFalse();

    [Fact]
    public void AddAlertsTelemetry_PollyFailedAttempts_AreNotLoggedButThePollsWarningIs()
    {
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(new EveryLevelLoggerProvider()));
        services.AddAlertsTelemetry(Configuration());
        using var provider = services.BuildServiceProvider();
        var loggers = provider.GetRequiredService<ILoggerFactory>();

        loggers.CreateLogger("Polly").IsEnabled(LogLevel.Error).ShouldBeFalse();
        loggers.CreateLogger(typeof(Alerts.Core.Changes.PollService).FullName!).IsEnabled(LogLevel.Warning).ShouldBeTrue();
    }

    [Fact]
    public void AddAlertsTelemetry_TracerProviderBuilt_ListensToAlertsActivitySource()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAlertsTelemetry(Configuration());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<TracerProvider>();

        AlertsTelemetry.ActivitySource.HasListeners().ShouldBeTrue();
    }

    [Fact]
    public void AddAlertsTelemetry_MetricReaderAttached_ExportsAlertsMeter()
    {
        var exporter = new CapturingMetricExporter();
        var services = new ServiceCollection().AddLogging();
        services.AddAlertsTelemetry(Configuration());
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(new BaseExportingMetricReader(exporter)));
        using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetRequiredService<MeterProvider>();

        AlertsTelemetry.RecordPoll("functions-telemetry-probe", "ok");
        meterProvider.ForceFlush();

        exporter.Names.ShouldContain(AlertsTelemetry.Instruments.Polls);
    }

    private sealed class CapturingMetricExporter : BaseExporter<Metric>
    {
        public ConcurrentBag<string> Names { get; } = [];

        public override ExportResult Export(in Batch<Metric> batch)
        {
            foreach (var metric in batch)
            {
                Names.Add(metric.Name);
            }

            return ExportResult.Success;
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}

/// <summary>A provider whose loggers take every level, so only the factory's filter rules decide.</summary>
internal sealed class EveryLevelLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new EveryLevelLogger();

    public void Dispose()
    {
    }

    private sealed class EveryLevelLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
