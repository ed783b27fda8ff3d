using Alerts.Core;
using Alerts.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>
/// The embedded services without the web host, for one-shot verbs (<c>dlq</c>, <c>digest</c>): the same registrations
/// as <c>alerts run</c> (AddAlertsCore + AddAlertsInfrastructure, Hosting:Mode=Embedded) over the given data folder.
/// </summary>
internal static class DeliveryCliServices
{
    /// <summary>Tests replace ports here (a fake dead-letter queue, say); null in production.</summary>
    internal static Action<IServiceCollection>? Overrides { get; set; }

    public static ServiceProvider Build(string dataDirectory)
    {
        var data = Path.GetFullPath(dataDirectory);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{HostingOptions.SectionName}:{nameof(HostingOptions.Mode)}"] = nameof(HostingMode.Embedded),
                [$"{HostingOptions.SectionName}:{nameof(HostingOptions.DataDirectory)}"] = data,
            })
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);
        Overrides?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Resolves a port, or explains which part of the system is missing instead of a stack trace.</summary>
    public static bool TryGet<T>(IServiceProvider services, TextWriter error, string verb, out T service)
        where T : class
    {
        try
        {
            service = services.GetRequiredService<T>();
            return true;
        }
        catch (InvalidOperationException ex)
        {
            error.WriteLine($"alerts {verb}: {typeof(T).Name} is not available in this build ({ex.Message})");
            service = null!;
            return false;
        }
    }
}
