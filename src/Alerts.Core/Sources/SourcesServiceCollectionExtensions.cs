using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Sources, fetching and parsers.</summary>
    public static IServiceCollection AddAlertsSources(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
