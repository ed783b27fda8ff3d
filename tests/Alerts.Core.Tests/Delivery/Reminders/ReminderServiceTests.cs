using Alerts.Core.Delivery;

namespace Alerts.Core.Tests.Delivery.Reminders;

/// <summary>
/// Issue 17 acceptance: a company watching gallium to the US gets a reminder before the No.72 window (2024 No.46
/// clause 2, suspended 自即日起至2026年11月27日) ends and one when it has ended, each once across restarts. The clock
/// runs forward day by day over the real stored texts; every date is explicit.
/// </summary>
public sealed class ReminderServiceTests
{
    private const string Ops = "ops@gallium.example";

    [Fact]
    public async Task RunAsync_DayByDayThroughTheNo72WindowEnd_SendsOneReminderPerLeadDayAndOneWhenEnded()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).Select(m => (m.Day, m.Message.Subject)).ShouldBe(
        [
            (new DateOnly(2026, 11, 21), "Reminder: MOFCOM 2024 No.46 clause 2 applies again in 7 days (2026-11-28)"),
            (new DateOnly(2026, 11, 27), "Reminder: MOFCOM 2024 No.46 clause 2 applies again tomorrow (2026-11-28)"),
            (new DateOnly(2026, 11, 28), "Reminder: MOFCOM 2024 No.46 clause 2 applies again since 2026-11-28"),
        ]);
    }

    [Fact]
    public async Task RunAsync_LeadReminder_SaysWhichClauseOfWhichMeasureAppliesAgainToWhomAndWhen()
    {
        var world = new ReminderWorld();

        await world.RunOnAsync(new DateOnly(2026, 11, 21));

        var text = world.MailsAbout(ReminderWorld.Clause2Subject, Ops).ShouldHaveSingleItem().Message.Text;
        text.ShouldContain("MOFCOM 2024 No.46 clause 2: the suspension ends on 2026-11-27; the controls on gallium, germanium, antimony, superhard materials and graphite to the US apply again from 2026-11-28.");
    }

    [Fact]
    public async Task RunAsync_EndedReminder_SaysTheReliefHasEndedAndSinceWhen()
    {
        var world = new ReminderWorld();

        await world.RunOnAsync(new DateOnly(2026, 11, 28));

        var text = world.MailsAbout(ReminderWorld.Clause2Subject, Ops).ShouldHaveSingleItem().Message.Text;
        text.ShouldContain("MOFCOM 2024 No.46 clause 2: the suspension has ended; the controls on gallium");
        text.ShouldContain("apply again since 2026-11-28.");
    }

    [Fact]
    public async Task RunAsync_CompanyNotWatchingGalliumOrTheUs_GetsNoReminder()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10));

        world.Mails.ShouldNotContain(m => m.Message.CompanyId == ReminderWorld.DronesJp);
        world.Cards.ShouldNotContain(c => c.Card.CompanyId == ReminderWorld.DronesJp);
    }

    [Fact]
    public async Task RunAsync_DigestRecipient_GetsNoReminder()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 29));

        world.Mails.ShouldNotContain(m => m.Message.Recipients.Contains("boss@gallium.example"));
    }

    [Fact]
    public async Task RunAsync_TeamsWebhook_GetsOneCardPerReminder()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10));

        world.Cards.Where(c => c.Card.Json.Contains(ReminderWorld.Clause2Subject, StringComparison.Ordinal)).Select(c => c.Day).ShouldBe(
            [new DateOnly(2026, 11, 21), new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 28)]);
    }

    [Fact]
    public async Task RunAsync_RestartedOnTheSameDayOverTheSameLedger_SendsNothingAgain()
    {
        var world = new ReminderWorld();
        await world.RunOnAsync(new DateOnly(2026, 11, 21));
        var (mails, cards) = (world.Email.Sent.Count, world.Teams.Sent.Count);

        var report = await world.RunOnAsync(new DateOnly(2026, 11, 21), runs: 3);

        (world.Email.Sent.Count, world.Teams.Sent.Count).ShouldBe((mails, cards));
        report.Sent.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_TimerDownUntilTheLastDay_SendsOnlyTheOneDayReminderThenTheEnded()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).Select(m => m.Day).ShouldBe([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 28)]);
        world.MailsAbout(ReminderWorld.Clause2Subject, Ops)[0].Message.Subject.ShouldContain("tomorrow");
    }

    [Fact]
    public async Task RunAsync_TimerDownForAFewDaysAfterTheEnd_StillSendsTheEndedReminderWithinTheGraceDays()
    {
        var world = new ReminderWorld();

        await world.RunOnAsync(new DateOnly(2026, 12, 1));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).ShouldHaveSingleItem().Message.Subject.ShouldContain("since 2026-11-28");
    }

    [Fact]
    public async Task RunAsync_TimerDownPastTheGraceDays_SendsNoStaleEndedReminder()
    {
        var world = new ReminderWorld();

        await world.RunOnAsync(new DateOnly(2026, 12, 2));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_RecipientWithItsOwnLeadDays_IsRemindedOnThoseDays()
    {
        var world = new ReminderWorld(ReminderWorld.GalliumWatcher(3));

        await world.RunDaysAsync(new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 29));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).Select(m => m.Day).ShouldBe([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 28)]);
    }

    [Fact]
    public async Task RunAsync_RetryableSend_IsSentAgainOnTheNextRun()
    {
        var world = new ReminderWorld();
        world.Email.Next = _ => new SendResult(SendStatus.Retryable, "429");
        await world.RunOnAsync(new DateOnly(2026, 11, 21));
        world.Email.Next = _ => SendResult.Ok;

        await world.RunOnAsync(new DateOnly(2026, 11, 21));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_InsideTheWindow_SendsNothingAboutNo46Clause2()
    {
        var world = new ReminderWorld();

        await world.RunDaysAsync(new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 20));

        world.MailsAbout(ReminderWorld.Clause2Subject, Ops).ShouldBeEmpty();
    }
}
