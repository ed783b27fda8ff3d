using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Measures;

public static class MeasuresServiceCollectionExtensions
{
    /// <summary>The measure graph over the stored notices (<see cref="IMeasureService"/>); needs the snapshot and company stores and the matcher.</summary>
    public static IServiceCollection AddAlertsMeasures(this IServiceCollection services)
    {
        // One instance behind both: the reminders read the graph itself over many dates.
        services.TryAddSingleton<MeasureService>();
        services.TryAddSingleton<IMeasureService>(sp => sp.GetRequiredService<MeasureService>());
        return services;
    }
}
