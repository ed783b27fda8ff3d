using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Assessments;

public static class AssessmentsServiceCollectionExtensions
{
    /// <summary>
    /// The workflow (<see cref="IAssessmentService"/>), its signed action links and their options (section
    /// <c>Assessments</c>, validated on start). The <see cref="IAssessmentStore"/> comes from Infrastructure (SQLite
    /// embedded, Tables in Azure).
    /// </summary>
    public static IServiceCollection AddAlertsAssessments(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AssessmentOptions>, AssessmentOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActionLinks>();
        services.TryAddSingleton<IAssessmentService, AssessmentService>();
        return services;
    }
}
