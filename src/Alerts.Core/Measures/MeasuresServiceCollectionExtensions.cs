using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Measures;

public static class MeasuresServiceCollectionExtensions
{
    /// <summary>The measure graph over the stored notices (<see cref="IMeasureService"/>); needs the snapshot and company stores and the matcher.</summary>
    public static IServiceCollection AddAlertsMeasures(this IServiceCollection services)
    {
        services.TryAddSingleton<IMeasureService, MeasureService>();
        return services;
    }
}
