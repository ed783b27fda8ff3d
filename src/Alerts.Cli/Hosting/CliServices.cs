using Alerts.Core;
using Alerts.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>The embedded services for one-shot verbs (no web host): Core + Infrastructure over <c>--data</c>.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(string dataDirectory)
    {
        var directory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
            [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = directory,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);
        return services.BuildServiceProvider();
    }
}
