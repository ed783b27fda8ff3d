namespace Alerts.Core.Assessments;

/// <summary>
/// The one table of allowed state changes (docs/assessments.md prints the same): decisions move forward, and a closed
/// assessment (not applicable, done) can only be reopened into review, never jumped straight to another decision.
/// </summary>
public static class AssessmentTransitions
{
    public static IReadOnlyDictionary<AssessmentState, IReadOnlyList<AssessmentState>> Allowed { get; } =
        new Dictionary<AssessmentState, IReadOnlyList<AssessmentState>>
        {
            [AssessmentState.New] = [AssessmentState.InReview, AssessmentState.Applicable, AssessmentState.NotApplicable, AssessmentState.ActionNeeded],
            [AssessmentState.InReview] = [AssessmentState.Applicable, AssessmentState.NotApplicable, AssessmentState.ActionNeeded],
            [AssessmentState.Applicable] = [AssessmentState.ActionNeeded, AssessmentState.Done],
            [AssessmentState.ActionNeeded] = [AssessmentState.Done],
            [AssessmentState.NotApplicable] = [AssessmentState.InReview],
            [AssessmentState.Done] = [AssessmentState.InReview],
        };

    public static bool IsAllowed(AssessmentState from, AssessmentState to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>Open = still needs someone: everything but not applicable and done.</summary>
    public static bool IsOpen(AssessmentState state) => state is not (AssessmentState.NotApplicable or AssessmentState.Done);
}
