using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Alerts.Core.Tests.Delivery;

/// <summary>
/// The stores outlive any one <see cref="EscalationService"/>: a "restart" is a new service over the same ledger,
/// assessment store and alert store.
/// </summary>
public sealed class EscalationServiceTests
{
    private const string CompanyId = "acme";
    private const string NoticeKey = "mofcom-2026-11";
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Opened);
    private readonly InMemoryAssessmentStore _assessments = new();
    private readonly FakeAlertStore _alerts = new();
    private readonly FakeDeliveryLedger _ledger = new();
    private readonly RecordingEmailSender _email = new();
    private readonly FakeCompanyStore _companies = new(new CompanyBuilder().WithId(CompanyId).WithRecipients(
        new Recipient { Email = "ops@acme.example", Role = RecipientRole.Immediate },
        new Recipient { Email = "boss@acme.example", Role = RecipientRole.Digest },
        new Recipient { Email = "head@acme.example", Role = RecipientRole.Escalation }).Build());

    private EscalationService Service() => new(
        _assessments,
        _alerts,
        _companies,
        _ledger,
        _email,
        Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" }),
        _time,
        NullLogger<EscalationService>.Instance);

    private async Task OpenAsync(Severity severity, DateOnly due)
    {
        await _alerts.UpsertAsync([new Alert
        {
            AlertId = "alert-1", ChangeId = "change-1", CompanyId = CompanyId, Severity = severity, NoticeKey = NoticeKey,
            SourceId = "cn-mofcom-announcements", Title = "Announcement 2026 No.11",
        }], CancellationToken.None);
        await _assessments.AppendAsync(new AssessmentEvent
        {
            CompanyId = CompanyId, NoticeKey = NoticeKey, Sequence = 1, At = Opened, Action = AssessmentAction.Opened,
            Actor = "alerts", Channel = AssessmentChannel.System, State = AssessmentState.New, Due = due, AlertId = "alert-1",
        }, CancellationToken.None);
    }

    private List<AssessmentEvent> Escalations() => [.. _assessments.All.Where(e => e.Action == AssessmentAction.Escalated)];

    [Fact]
    public async Task RunAsync_UnassignedCriticalBefore24Hours_SendsNothing()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(23));

        await Service().RunAsync(CancellationToken.None);

        _email.Sent.ShouldBeEmpty();
        Escalations().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_UnassignedCriticalAt24Hours_TellsImmediateRecipientsOnceWithOneEvent()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(24));

        var report = await Service().RunAsync(CancellationToken.None);
        await Service().RunAsync(CancellationToken.None);

        report.Sent.ShouldBe(1);
        _email.Recipients.ShouldBe(["ops@acme.example"]);
        _email.Sent[0].Kind.ShouldBe(EmailKind.Escalation);
        var escalated = Escalations().ShouldHaveSingleItem();
        escalated.Actor.ShouldBe("alerts");
        escalated.Channel.ShouldBe(AssessmentChannel.System);
        escalated.Note!.ShouldContain("ops@acme.example");
    }

    [Fact]
    public async Task RunAsync_AfterRestartAndLater_DoesNotTellTheOwnerAgain()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(24));
        await Service().RunAsync(CancellationToken.None);

        // A new service instance over the same stores, an hour later (still before step 2).
        _time.Advance(TimeSpan.FromHours(1));
        var report = await Service().RunAsync(CancellationToken.None);

        report.Sent.ShouldBe(0);
        _email.Sent.Count.ShouldBe(1);
        Escalations().Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_AfterAStepWasSentButNotRecorded_RecordsItWithoutSendingAgain()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(24));
        await Service().RunAsync(CancellationToken.None);

        // The ledger alone (the event lost, as if the process died between the send and the append) also keeps it to one.
        var lost = _assessments.All.Where(e => e.Action != AssessmentAction.Escalated).ToList();
        var fresh = new InMemoryAssessmentStore();
        foreach (var e in lost)
        {
            await fresh.AppendAsync(e, CancellationToken.None);
        }

        var restarted = new EscalationService(fresh, _alerts, _companies, _ledger, _email, Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" }), _time, NullLogger<EscalationService>.Instance);
        await restarted.RunAsync(CancellationToken.None);

        _email.Sent.Count.ShouldBe(1);
        fresh.All.Count(e => e.Action == AssessmentAction.Escalated).ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_Unmoved24HoursAfterTheFirstStep_TellsEscalationRecipientsOnce()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(24));
        await Service().RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(24));

        await Service().RunAsync(CancellationToken.None);
        await Service().RunAsync(CancellationToken.None);

        _email.Recipients.ShouldBe(["ops@acme.example", "head@acme.example"]);
        Escalations().Count.ShouldBe(2);
        Escalations()[1].Note!.ShouldContain("head@acme.example");
    }

    [Fact]
    public async Task RunAsync_AssignedAfterTheFirstStep_DoesNotTellEscalationRecipients()
    {
        await OpenAsync(Severity.Critical, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromHours(24));
        await Service().RunAsync(CancellationToken.None);
        await _assessments.AppendAsync(new AssessmentEvent
        {
            CompanyId = CompanyId, NoticeKey = NoticeKey, Sequence = 3, At = _time.GetUtcNow(), Action = AssessmentAction.Assigned,
            Actor = "ops@acme.example", Channel = AssessmentChannel.EmailLink, Owner = "ops@acme.example",
        }, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(25));

        await Service().RunAsync(CancellationToken.None);

        _email.Recipients.ShouldNotContain("head@acme.example");
    }

    [Fact]
    public async Task RunAsync_NonCriticalBeforeItsDueDateRule_SendsNothing()
    {
        await OpenAsync(Severity.High, new DateOnly(2026, 3, 30));
        _time.Advance(TimeSpan.FromDays(10));

        await Service().RunAsync(CancellationToken.None);

        _email.Sent.ShouldBeEmpty();
        Escalations().ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_OpenThreeDaysBeforeItsDueDate_TellsTheOwner()
    {
        await OpenAsync(Severity.High, new DateOnly(2026, 3, 12));
        await _assessments.AppendAsync(new AssessmentEvent
        {
            CompanyId = CompanyId, NoticeKey = NoticeKey, Sequence = 2, At = Opened, Action = AssessmentAction.Assigned,
            Actor = "owner@acme.example", Channel = AssessmentChannel.Api, Owner = "owner@acme.example",
        }, CancellationToken.None);
        _time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 0, 30, 0, TimeSpan.Zero));

        await Service().RunAsync(CancellationToken.None);

        _email.Recipients.ShouldBe(["owner@acme.example"]);
    }
}
