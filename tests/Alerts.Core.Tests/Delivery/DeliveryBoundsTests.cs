using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

/// <summary>Issue 12 items 4 and 8: "maybe sent" after a restart; one tenant must not slow down the others.</summary>
public sealed class DeliveryBoundsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static Company[] HangingTenants(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new CompanyBuilder().WithId($"hang-{i:00}")
            .WithTeams(new TeamsWebhook { WebhookUrl = $"https://hang{i}.example.invalid/hook" }).WithRecipients().Build())];

    private static Company EmailTenant() =>
        new CompanyBuilder().WithId("mail").WithRecipients(new Recipient { Email = "ops@mail.example", Role = RecipientRole.Immediate }).Build();

    private static async Task<string> MarkSendingAsync(DeliveryHarness harness)
    {
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        var alertId = Alerts.Alert.IdFor(change.ChangeId, "mail");
        await harness.Ledger.RecordAsync(new DeliveryRecord(alertId, DeliveryChannel.Email, "ops@mail.example", DeliveryOutcome.Sending, harness.Time.GetUtcNow()), CancellationToken.None);
        return alertId;
    }

    [Fact]
    public async Task DrainAsync_EmailMarkedSendingAndSenderConfirmsDelivery_SendsNothingAndRecordsSent()
    {
        var harness = new DeliveryHarness(EmailTenant());
        var alertId = await MarkSendingAsync(harness);
        harness.Email.Delivered = (_, _) => true;

        await harness.DrainAsync(Subs.Email);

        harness.Email.Sent.ShouldBeEmpty();
        (await harness.Ledger.GetOutcomeAsync(alertId, DeliveryChannel.Email, "ops@mail.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Sent);
    }

    [Fact]
    public async Task DrainAsync_EmailMarkedSendingAndSenderCannotTell_SendsOnceMore()
    {
        var harness = new DeliveryHarness(EmailTenant());
        await MarkSendingAsync(harness);

        await harness.DrainAsync(Subs.Email);

        harness.Email.Recipients.ShouldBe(["ops@mail.example"]);
    }

    [Fact]
    public async Task DrainAsync_StopRequestedDuringASend_RecordsThatSendDespiteTheCancelledToken()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("mail").WithRecipients(
            new Recipient { Email = "a@mail.example" }, new Recipient { Email = "b@mail.example" }).Build());
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        using var stop = new CancellationTokenSource();
        harness.Email.Next = _ =>
        {
            stop.Cancel();
            return SendResult.Ok;
        };

        await harness.Drainer().DrainAsync(Subs.Email, stop.Token);

        harness.Email.Recipients.ShouldBe(["a@mail.example"]);
        harness.Ledger.Records.Values.Where(r => r.Outcome == DeliveryOutcome.Sent).Select(r => r.Recipient).ShouldBe(["a@mail.example"]);
        harness.Consumer.LeftForRetry.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_EmailSend_RecordsSendingBeforeTheProviderCall()
    {
        var harness = new DeliveryHarness(EmailTenant());
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        var alertId = Alerts.Alert.IdFor(change.ChangeId, "mail");
        var duringSend = new List<DeliveryOutcome?>();
        harness.Email.Next = _ =>
        {
            duringSend.Add(harness.Ledger.GetOutcomeAsync(alertId, DeliveryChannel.Email, "ops@mail.example", CancellationToken.None).GetAwaiter().GetResult());
            return SendResult.Ok;
        };

        await harness.DrainAsync(Subs.Email);

        duringSend.ShouldBe([DeliveryOutcome.Sending]);
        (await harness.Ledger.GetOutcomeAsync(alertId, DeliveryChannel.Email, "ops@mail.example", CancellationToken.None)).ShouldBe(DeliveryOutcome.Sent);
    }

    [Fact]
    public async Task DrainAsync_StopRequestedDuringATeamsPost_RecordsThatPostDespiteTheCancelledToken()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("team")
            .WithTeams(new TeamsWebhook { WebhookUrl = "https://hook.example/team" }).WithRecipients().Build());
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);
        using var stop = new CancellationTokenSource();
        harness.Teams.Next = _ =>
        {
            stop.Cancel();
            return SendResult.Ok;
        };

        await harness.Drainer().DrainAsync(Subs.Teams, stop.Token);

        harness.Teams.Sent.Count.ShouldBe(1);
        harness.Ledger.Records.Values.Where(r => r.Channel == DeliveryChannel.Teams).Select(r => r.Outcome).ShouldBe([DeliveryOutcome.Sent]);
        (harness.Consumer.Completed.Count + harness.Consumer.LeftForRetry.Count).ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_TwelveTenantsWithHangingWebhooks_EachIsCutAtItsTenantBudgetAndLeftForRetry()
    {
        var harness = new DeliveryHarness(HangingTenants(12));
        harness.Options.TenantBudget = TimeSpan.FromSeconds(30);
        var hanging = new HangingTeamsSender();
        harness.TeamsSender = hanging;
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);

        var drain = harness.DrainAsync(Subs.Teams);
        for (var tenant = 0; tenant < 12; tenant++)
        {
            (await hanging.WaitEnteredAsync(Wait)).ShouldBeTrue();
            harness.Time.Advance(harness.Options.TenantBudget);
        }

        var report = await drain.WaitAsync(Wait);
        hanging.Calls.ShouldBe(12);
        report.LeftForRetry.ShouldBe(1);
        harness.Ledger.Records.ShouldBeEmpty();
    }

    [Fact]
    public async Task DrainAsync_DrainBudgetPassesInsideABatch_StartsNoFurtherTenant()
    {
        var harness = new DeliveryHarness(HangingTenants(12));
        harness.Options.DrainBudget = TimeSpan.FromSeconds(90);
        harness.Options.TenantBudget = TimeSpan.FromSeconds(60);
        var hanging = new HangingTeamsSender();
        harness.TeamsSender = hanging;
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);

        var drain = harness.DrainAsync(Subs.Teams);
        (await hanging.WaitEnteredAsync(Wait)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(60));
        (await hanging.WaitEnteredAsync(Wait)).ShouldBeTrue();
        harness.Time.Advance(TimeSpan.FromSeconds(30)); // the second tenant gets only what is left of the drain's budget

        var report = await drain.WaitAsync(Wait);
        hanging.Calls.ShouldBe(2);
        report.LeftForRetry.ShouldBe(1);
        harness.Consumer.LeftForRetry.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Start_TwelveTenantsWithHangingTeamsWebhooks_AnotherTenantsEmailDrainCompletesWhileTeamsHangs()
    {
        var harness = new DeliveryHarness([.. HangingTenants(12), EmailTenant()]);
        var hanging = new HangingTeamsSender();
        harness.TeamsSender = hanging;
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Teams);
        var emailDrained = new TaskCompletionSource<DrainReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection()
            .AddTransient<ISubscriptionDrainer>(_ => new SignallingDrainer(harness.Drainer(), emailDrained))
            .AddSingleton(NSubstitute.Substitute.For<IDigestService>())
            .BuildServiceProvider();
        using var service = new DeliveryLoopService(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new DeliveryLoopOptions { DrainInterval = TimeSpan.FromMilliseconds(50) }), TimeProvider.System, NullLogger<DeliveryLoopService>.Instance);

        await service.StartAsync(CancellationToken.None);
        (await hanging.WaitEnteredAsync(Wait)).ShouldBeTrue();
        harness.Consumer.Enqueue(Subs.Email, harness.Consumer.Raised.Single(r => r.ChangeId == change.ChangeId)); // the e-mail arrives while every Teams pass hangs
        var report = await emailDrained.Task.WaitAsync(Wait);
        var teamsCallsWhileEmailDrained = hanging.Calls;
        await service.StopAsync(CancellationToken.None);

        report.Completed.ShouldBe(1);
        teamsCallsWhileEmailDrained.ShouldBe(1); // the first tenant's webhook is still hanging (its budget has not passed)
        harness.Email.Recipients.ShouldBe(["ops@mail.example"]);
    }

    /// <summary>Signals when an <c>email</c> drain returns.</summary>
    private sealed class SignallingDrainer(ISubscriptionDrainer inner, TaskCompletionSource<DrainReport> emailDrained) : ISubscriptionDrainer
    {
        public async Task<DrainReport> DrainAsync(string subscription, CancellationToken cancellationToken)
        {
            var report = await inner.DrainAsync(subscription, cancellationToken);
            if (subscription == Subs.Email && report.Received > 0)
            {
                emailDrained.TrySetResult(report);
            }

            return report;
        }
    }
}
