using Alerts.Core.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Core.Assessments;

public static class AssessmentsServiceCollectionExtensions
{
    /// <summary>
    /// The workflow (<see cref="IAssessmentService"/>) and its options, validated on start. The
    /// <see cref="IAssessmentStore"/> comes from Infrastructure (SQLite embedded, Tables in Azure).
    /// </summary>
    public static IServiceCollection AddAlertsAssessments(this IServiceCollection services)
    {
        services.AddOptions<AssessmentOptions>().BindConfiguration(AssessmentOptions.SectionName).ValidateSettings(AssessmentOptions.SectionName).ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAssessmentService, AssessmentService>();
        return services;
    }
}
