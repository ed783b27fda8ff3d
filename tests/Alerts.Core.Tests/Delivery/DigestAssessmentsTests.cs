using Alerts.Core.Assessments;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Delivery;

/// <summary>The digest's "Open assessments" and "Decided this period" sections (issue 19), in the e-mail's two parts.</summary>
public sealed class DigestAssessmentsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DigestPeriod Period = new(Now.AddDays(-1), Now);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly FakeAlertStore _alerts = new();
    private readonly RecordingEmailSender _email = new();
    private readonly FakeDigestCursorStore _cursors = new();
    private readonly InMemoryAssessmentService _assessments;
    private DigestOptions _options = new();

    public DigestAssessmentsTests()
    {
        _assessments = new InMemoryAssessmentService(_time);
    }

    private static Company Company() => new CompanyBuilder()
        .WithRecipients(new Recipient { Email = "ceo@acme.example", Role = RecipientRole.Digest, TimeZone = "UTC", Hour = 9 })
        .Build();

    private DigestService Service() => new(
        new FakeCompanyStore(Company()), _alerts, _cursors, new FakeDeliveryLedger(), _email,
        new DigestRenderer(Options.Create(new DeliveryOptions()), Options.Create(_options)), Options.Create(_options), _time,
        NullLogger<DigestService>.Instance, assessments: _assessments);

    private async Task<RenderedEmail> PreviewAsync() =>
        (await Service().PreviewAsync("acme-trading", null, Period, CancellationToken.None)).ShouldNotBeNull().Email;

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading + ":\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no section '{heading}' in:\n{text}");
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        return (end < 0 ? text[start..] : text[start..end]).TrimEnd('\n');
    }

    private static readonly DateTimeOffset Opened = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PreviewAsync_OpenAssessments_AreCountedPerStateAndListedByDueDate()
    {
        _assessments.Seed(new AssessmentHistoryBuilder("late").Opened(Opened, new DateOnly(2026, 3, 20)).Build());
        _assessments.Seed(new AssessmentHistoryBuilder("undated").Opened(Opened, null).Changed(Opened.AddDays(1), AssessmentState.Applicable, "a@acme.example").Build());
        _assessments.Seed(new AssessmentHistoryBuilder("soon").Opened(Opened, new DateOnly(2026, 3, 12)).Changed(Opened.AddDays(1), AssessmentState.InReview, "a@acme.example").Build());
        _assessments.Seed(new AssessmentHistoryBuilder("overdue").Opened(Opened, new DateOnly(2026, 3, 1)).Assigned(Opened.AddDays(1), "legal@acme.example")
            .Changed(Opened.AddDays(2), AssessmentState.ActionNeeded, "legal@acme.example").Build());
        _assessments.Seed(new AssessmentHistoryBuilder("closed").Opened(Opened, new DateOnly(2026, 2, 2)).Changed(Opened.AddDays(1), AssessmentState.NotApplicable, "a@acme.example").Build());

        var text = (await PreviewAsync()).Text;

        Section(text, "Open assessments").ShouldBe(
            "Open assessments:\n" +
            "new 1 · in review 1 · applicable 1 · action needed 1\n" +
            "- 2026-03-01 OVERDUE overdue [action needed] legal@acme.example\n" +
            "- 2026-03-12 soon [in review] unassigned\n" +
            "- 2026-03-20 late [new] unassigned\n" +
            "- no date undated [applicable] unassigned");
    }

    [Fact]
    public async Task PreviewAsync_OpenAssessmentOfAKnownNotice_IsNamedByItsShortName()
    {
        var alert = DeliveryAlerts.Sample(createdAt: Opened) with { SourceId = "cn-mofcom-announcements", Number = "商务部公告2026年第11号" };
        _alerts.Alerts[alert.AlertId] = alert;
        _assessments.Seed(new AssessmentHistoryBuilder(alert.NoticeKey).Opened(Opened, new DateOnly(2026, 4, 1), alert.AlertId).Build());

        var text = (await PreviewAsync()).Text;

        Section(text, "Open assessments").ShouldContain("- 2026-04-01 MOFCOM 2026 No.11 [new] unassigned");
    }

    [Fact]
    public async Task PreviewAsync_DecisionInsideThePeriod_IsListedWithWhoWhenAndNote()
    {
        _assessments.Seed(new AssessmentHistoryBuilder("inside").Opened(Opened, null)
            .Changed(Now.AddHours(-6), AssessmentState.Applicable, "cfo@acme.example", "Checked with legal").Build());

        var text = (await PreviewAsync()).Text;

        Section(text, "Decided this period").ShouldBe(
            "Decided this period:\n- inside: applicable — cfo@acme.example, 2026-03-10 03:00 UTC — “Checked with legal”");
    }

    [Fact]
    public async Task PreviewAsync_DecisionBeforeThePeriodOrAReopening_IsNotListed()
    {
        _assessments.Seed(new AssessmentHistoryBuilder("before").Opened(Opened, null)
            .Changed(Period.Since!.Value.AddTicks(-1), AssessmentState.NotApplicable, "cfo@acme.example")
            .Changed(Now.AddHours(-2), AssessmentState.InReview, "cfo@acme.example").Build());

        var text = (await PreviewAsync()).Text;

        text.ShouldNotContain("Decided this period");
        text.ShouldNotContain("not applicable");
    }

    [Fact]
    public async Task PreviewAsync_PeriodWithAlerts_SaysWhenNoneIsOpenOrDecided()
    {
        var alert = DeliveryAlerts.Sample(createdAt: Now.AddHours(-1));
        _alerts.Alerts[alert.AlertId] = alert;

        var text = (await PreviewAsync()).Text;

        Section(text, "Open assessments").ShouldBe("Open assessments:\nNone open.");
        Section(text, "Decided this period").ShouldBe("Decided this period:\nNone.");
    }

    [Fact]
    public async Task PreviewAsync_HostileNote_IsEncodedInTheHtml()
    {
        _assessments.Seed(new AssessmentHistoryBuilder("<b>key</b>").Opened(Opened, null)
            .Changed(Now.AddHours(-1), AssessmentState.Done, "<img src=x onerror=alert(1)>", "<script>alert(1)</script>").Build());

        var html = (await PreviewAsync()).Html;

        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldNotContain("<b>key</b>");
    }

    [Fact]
    public async Task RunAsync_QuietPeriodWithADecision_IsSentEvenWhenEmptyDigestsAreOff()
    {
        _options = new DigestOptions { SendWhenEmpty = false };
        _assessments.Seed(new AssessmentHistoryBuilder("decided").Opened(Opened, null)
            .Changed(Now.AddHours(-3), AssessmentState.ActionNeeded, "cfo@acme.example").Build());

        await Service().RunAsync(CancellationToken.None);

        _email.Sent.ShouldHaveSingleItem().Text.ShouldContain("- decided: action needed — cfo@acme.example");
    }

    [Fact]
    public async Task RunAsync_QuietPeriodWithOnlyOpenItems_IsNotSentWhenEmptyDigestsAreOff()
    {
        _options = new DigestOptions { SendWhenEmpty = false };
        _assessments.Seed(new AssessmentHistoryBuilder("standing").Opened(Opened, null).Build());

        await Service().RunAsync(CancellationToken.None);

        _email.Sent.ShouldBeEmpty();
    }
}
