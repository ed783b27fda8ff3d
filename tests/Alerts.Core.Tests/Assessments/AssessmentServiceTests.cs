using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Assessments;

public sealed class AssessmentServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private const string Owner = "compliance@acme.example";

    private readonly InMemoryAssessmentStore _store = new();
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly AssessmentService _service;

    public AssessmentServiceTests()
    {
        var company = new CompanyBuilder().WithRecipients(
            new Recipient { Email = Owner, Role = RecipientRole.Immediate },
            new Recipient { Email = "boss@acme.example", Role = RecipientRole.Digest }).Build();
        _service = new AssessmentService(_store, new FakeCompanyStore(company), _clock, Options.Create(new AssessmentOptions { DefaultDueDays = 10 }));
    }

    private static Alert AlertFor(string changeId, DateOnly? effective = null) =>
        DeliveryAlerts.Sample() with
        {
            AlertId = Alert.IdFor(changeId, "acme-trading"),
            ChangeId = changeId,
            NoticeKey = "cn-mofcom:2026:11",
            Effective = effective,
            Reasons = [new AlertReason(ReasonKind.Category, "rare-earths", "稀土")],
        };

    private Task<AssessmentResult> Apply(Func<AssessmentCommand, AssessmentCommand> change) =>
        _service.ApplyAsync(change(new AssessmentCommand("acme-trading", "cn-mofcom:2026:11", "cli", AssessmentChannel.Cli)), CancellationToken.None);

    [Fact]
    public async Task OpenAsync_FirstAlertWithFutureEffectiveDate_OpensNewDueOnEffectiveDate()
    {
        await _service.OpenAsync([AlertFor("c1", new DateOnly(2026, 5, 1))], CancellationToken.None);

        var opened = (await _service.GetAsync("acme-trading", "cn-mofcom:2026:11", CancellationToken.None)).ShouldNotBeNull();
        opened.State.ShouldBe(AssessmentState.New);
        opened.Due.ShouldBe(new DateOnly(2026, 5, 1));
        opened.AffectedItems.ShouldBe(["category: rare-earths"]);
        opened.Events.ShouldHaveSingleItem().Action.ShouldBe(AssessmentAction.Opened);
    }

    [Fact]
    public async Task OpenAsync_EffectiveDateInThePast_DueDefaultDaysAfterOpening()
    {
        await _service.OpenAsync([AlertFor("c1", new DateOnly(2026, 1, 1))], CancellationToken.None);

        (await _service.GetAsync("acme-trading", "cn-mofcom:2026:11", CancellationToken.None))!.Due.ShouldBe(new DateOnly(2026, 3, 12));
    }

    [Fact]
    public async Task OpenAsync_SuspensionWindowEndingAhead_DueWhenTheWindowEnds()
    {
        // A suspension takes effect at once and ends later: the company must be ready before the controls apply again.
        await _service.OpenAsync([AlertFor("c1", new DateOnly(2026, 3, 2)) with { WindowEnds = new DateOnly(2026, 11, 27) }], CancellationToken.None);

        (await _service.GetAsync("acme-trading", "cn-mofcom:2026:11", CancellationToken.None))!.Due.ShouldBe(new DateOnly(2026, 11, 27));
    }

    [Fact]
    public async Task OpenAsync_WindowEndedAndEffectiveDateAhead_DueOnEffectiveDate()
    {
        await _service.OpenAsync([AlertFor("c1", new DateOnly(2026, 4, 1)) with { WindowEnds = new DateOnly(2026, 2, 1) }], CancellationToken.None);

        (await _service.GetAsync("acme-trading", "cn-mofcom:2026:11", CancellationToken.None))!.Due.ShouldBe(new DateOnly(2026, 4, 1));
    }

    [Fact]
    public async Task OpenAsync_SameAlertRedelivered_OpensNothingTwice()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);

        _store.All.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task OpenAsync_LaterAlertOfSameNotice_AddsAlertAddedEvent()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);
        await _service.OpenAsync([AlertFor("c2")], CancellationToken.None);

        var assessment = (await _service.GetAsync("acme-trading", "cn-mofcom:2026:11", CancellationToken.None))!;
        assessment.Events.Select(e => e.Action).ShouldBe([AssessmentAction.Opened, AssessmentAction.AlertAdded]);
        assessment.AlertIds.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ApplyAsync_OwnerStateAndNote_EachBecomesItsOwnEvent()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);

        var result = await Apply(c => c with { Owner = Owner, State = AssessmentState.InReview, Note = "checking" });

        result.Outcome.ShouldBe(AssessmentOutcome.Applied);
        result.Assessment!.Events.Select(e => e.Action).ShouldBe([AssessmentAction.Opened, AssessmentAction.Assigned, AssessmentAction.StateChanged, AssessmentAction.Noted]);
        result.Assessment.Owner.ShouldBe(Owner);
        result.Assessment.State.ShouldBe(AssessmentState.InReview);
    }

    [Fact]
    public async Task ApplyAsync_OwnerOfNewAssessment_MovesItIntoReview()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);

        var result = await Apply(c => c with { Owner = Owner });

        result.Assessment!.Events.Select(e => e.Action).ShouldBe([AssessmentAction.Opened, AssessmentAction.Assigned, AssessmentAction.StateChanged]);
        result.Assessment.State.ShouldBe(AssessmentState.InReview);
    }

    [Fact]
    public async Task ApplyAsync_OwnerOfAssessmentAlreadyDecided_KeepsItsState()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);
        await Apply(c => c with { State = AssessmentState.ActionNeeded });

        var result = await Apply(c => c with { Owner = Owner });

        result.Assessment!.Events[^1].Action.ShouldBe(AssessmentAction.Assigned);
        result.Assessment.State.ShouldBe(AssessmentState.ActionNeeded);
    }

    [Fact]
    public async Task ApplyAsync_OwnerNotARecipient_IsInvalidAndChangesNothing()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);

        var result = await Apply(c => c with { Owner = "stranger@evil.example" });

        result.Outcome.ShouldBe(AssessmentOutcome.Invalid);
        _store.All.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(AssessmentState.New, AssessmentState.Done)]
    [InlineData(AssessmentState.New, AssessmentState.New)]
    [InlineData(AssessmentState.ActionNeeded, AssessmentState.Applicable)]
    [InlineData(AssessmentState.Done, AssessmentState.ActionNeeded)]
    [InlineData(AssessmentState.NotApplicable, AssessmentState.Applicable)]
    public void IsAllowed_TransitionOutsideTheTable_IsFalse(AssessmentState from, AssessmentState to) =>
        AssessmentTransitions.IsAllowed(from, to).ShouldBeFalse();

    [Theory]
    [InlineData(AssessmentState.New, AssessmentState.ActionNeeded)]
    [InlineData(AssessmentState.Applicable, AssessmentState.Done)]
    [InlineData(AssessmentState.Done, AssessmentState.InReview)]
    [InlineData(AssessmentState.NotApplicable, AssessmentState.InReview)]
    public void IsAllowed_TransitionInTheTable_IsTrue(AssessmentState from, AssessmentState to) =>
        AssessmentTransitions.IsAllowed(from, to).ShouldBeTrue();

    [Fact]
    public async Task ApplyAsync_TransitionNotAllowed_IsInvalid()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);

        var result = await Apply(c => c with { State = AssessmentState.Done });

        result.Outcome.ShouldBe(AssessmentOutcome.Invalid);
        result.Message.ShouldNotBeNull().ShouldContain("new to done");
    }

    [Fact]
    public async Task ApplyAsync_UnknownNotice_IsNotFound()
    {
        (await Apply(c => c with { State = AssessmentState.InReview })).Outcome.ShouldBe(AssessmentOutcome.NotFound);
    }

    [Fact]
    public async Task ApplyAsync_LinkUsedTwice_SecondIsReplayedAndChangesNothing()
    {
        await _service.OpenAsync([AlertFor("c1")], CancellationToken.None);
        (await Apply(c => c with { Owner = Owner, LinkId = "link-1" })).Outcome.ShouldBe(AssessmentOutcome.Applied);
        var before = _store.All.Count;

        var again = await Apply(c => c with { State = AssessmentState.ActionNeeded, LinkId = "link-1" });

        again.Outcome.ShouldBe(AssessmentOutcome.Replayed);
        _store.All.Count.ShouldBe(before);
    }
}
