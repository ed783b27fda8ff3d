using Alerts.Core;
using Alerts.Core.Matching;
using Alerts.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>
/// The service provider of one-shot verbs (<c>poll</c>, <c>sources</c>, <c>subscriptions</c>, <c>match</c>, <c>dlq</c>,
/// <c>digest</c>): the same registrations and environment (<c>SendGrid__ApiKey</c>, …) as the embedded host
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
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        builder.AddEmbeddedMode(dataDirectory);
        var config = builder.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddAlertsCore(config);
        services.AddAlertsInfrastructure(config);
        services.AddMatcherIndexRefresh(); // a company change rebuilds the matcher index in the background
        TestOverrides?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Resolves a port, or explains which part of the system is missing instead of a stack trace.</summary>
    public static bool TryGet<T>(IServiceProvider services, TextWriter error, string verb, out T service)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(error);
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
