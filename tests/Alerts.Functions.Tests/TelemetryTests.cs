using Microsoft.Extensions.Configuration;

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
}
