using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Assessments;

public static class ActionLinksServiceCollectionExtensions
{
    /// <summary>The signed action links of issue 19 and their options (section <c>Assessments</c>, validated on start).</summary>
    public static IServiceCollection AddAlertsActionLinks(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssessmentOptions>, AssessmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActionLinks>();
        return services;
    }
}
