using Alerts.Core.Assessments;
using Alerts.Core.Dashboard;
using Alerts.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Dashboard;

public sealed class OpenAssessmentsViewTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static AssessmentEvent Opened(string notice, DateOnly? due, AssessmentState state = AssessmentState.New) => new()
    {
        CompanyId = "acme-trading", NoticeKey = notice, Sequence = 1, At = At, Action = AssessmentAction.Opened,
        Actor = "alerts", Channel = AssessmentChannel.System, State = state, Due = due,
    };

    [Fact]
    public async Task CompanyAlerts_OpenAssessments_AreListedByDueDateWithoutDoneOnes()
    {
        var service = new InMemoryAssessmentService(new FakeTimeProvider(At));
        service.Seed(
            Opened("late", new DateOnly(2026, 3, 1)),
            Opened("undated", null),
            Opened("soon", new DateOnly(2026, 2, 10)),
            Opened("closed", new DateOnly(2026, 2, 2), AssessmentState.Done));
        var all = await service.ListAsync("acme-trading", CancellationToken.None);

        var html = new DashboardRenderer().CompanyAlerts(new CompanyBuilder().Build(), [], assessments: all, filter: new AssessmentFilter());

        var order = new[] { "soon", "late", "undated" }.Select(n => html.IndexOf($"data-notice=\"{n}\"", StringComparison.Ordinal)).ToList();
        order.ShouldAllBe(i => i > 0);
        order.ShouldBeInOrder();
        html.ShouldNotContain("data-notice=\"closed\"");
    }

    [Fact]
    public void Apply_StateFilter_KeepsOnlyThatState()
    {
        var assessments = new[] { Opened("a", null), Opened("b", null, AssessmentState.ActionNeeded) }.Select(e => Assessment.Fold([e])!);

        new AssessmentFilter(AssessmentState.ActionNeeded).Apply(assessments).Select(a => a.NoticeKey).ShouldBe(["b"]);
    }
}
