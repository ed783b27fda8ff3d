using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Testing;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

/// <summary>Issue 19: the <c>alerts</c> drain opens one assessment per (company, notice) from the alerts it stored.</summary>
public sealed class AssessmentOpeningTests
{
    private static DeliveryHarness TwoCompanies() => new(
        new CompanyBuilder().WithId("acme-trading").Build(),
        new CompanyBuilder().WithId("kobe-parts").Build());

    [Fact]
    public async Task DrainAsync_AlertsStored_OpensOneNewAssessmentPerCompany()
    {
        var harness = TwoCompanies();
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);

        await harness.DrainAsync(Subs.Alerts);

        foreach (var company in new[] { "acme-trading", "kobe-parts" })
        {
            var assessment = (await harness.Assessments.GetAsync(company, change.NoticeKey, CancellationToken.None)).ShouldNotBeNull();
            (assessment.State, assessment.AlertIds.Single()).ShouldBe((AssessmentState.New, Alert.IdFor(change.ChangeId, company)));
        }
    }

    [Fact]
    public async Task DrainAsync_ChangeRedelivered_OpensNothingTwice()
    {
        var harness = TwoCompanies();
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);
        await harness.DrainAsync(Subs.Alerts);

        harness.Consumer.Enqueue(Subs.Alerts, change);
        await harness.DrainAsync(Subs.Alerts);

        harness.AssessmentStore.All.Count.ShouldBe(2);
        harness.AssessmentStore.All.ShouldAllBe(e => e.Action == AssessmentAction.Opened);
    }

    [Fact]
    public async Task DrainAsync_OpeningFails_ChangeIsRetriedAndNothingRaised()
    {
        var harness = TwoCompanies();
        harness.Assessments = new FailingAssessmentService();
        harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);

        await harness.DrainAsync(Subs.Alerts);

        // Open before publish: a channel's "Assign to me" link must never point at an assessment not there yet.
        harness.Consumer.Raised.ShouldBeEmpty();
    }

    private sealed class FailingAssessmentService : IAssessmentService
    {
        public Task OpenAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken) => throw new InvalidOperationException("store down");

        public Task<Assessment?> GetAsync(string companyId, string noticeKey, CancellationToken cancellationToken) => Task.FromResult<Assessment?>(null);

        public Task<IReadOnlyList<Assessment>> ListAsync(string companyId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Assessment>>([]);

        public Task<AssessmentResult> ApplyAsync(AssessmentCommand command, CancellationToken cancellationToken) => Task.FromResult(new AssessmentResult(AssessmentOutcome.NotFound));
    }
}
