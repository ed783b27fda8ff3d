using Alerts.Core;
using Alerts.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>
/// The service provider of one-shot verbs (<c>poll</c>, <c>sources</c>): the same registrations as the embedded host
/// (<see cref="EmbeddedHost"/>) — Core plus Infrastructure in embedded mode over the <c>--data</c> folder — without Kestrel.
/// </summary>
internal static class CliServices
{
    private static readonly AsyncLocal<Action<IServiceCollection>?> Overrides = new();

    /// <summary>Test seam: registrations applied after the real ones (a fake source, say), for the current async flow.</summary>
    public static Action<IServiceCollection>? TestOverrides
    {
        get => Overrides.Value;
        set => Overrides.Value = value;
    }

    public static ServiceProvider Build(string dataDirectory, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var data = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(data);
        var config = new ConfigurationBuilder()
            .AddEnvironmentVariables("ALERTS_")
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
                [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = data,
            })
            .AddInMemoryCollection(configuration ?? new Dictionary<string, string?>())
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddAlertsCore(config);
        services.AddAlertsInfrastructure(config);
        TestOverrides?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
