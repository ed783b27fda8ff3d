using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using NSubstitute;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

public sealed class SubscriptionDrainerTests
{
    private static Company Acme(params Recipient[] recipients) => new CompanyBuilder().WithRecipients(recipients).Build();

    private static Recipient Immediate(string email, Severity min = Severity.Low) => new() { Email = email, Role = RecipientRole.Immediate, MinSeverity = min };

    [Fact]
    public async Task DrainAsync_AlertsSubscription_UpsertsOneAlertPerCompanyAndCompletes()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("a").Build(), new CompanyBuilder().WithId("b").Build());
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);

        var report = await harness.DrainAsync(Subs.Alerts);

        report.ShouldBe(new DrainReport(Subs.Alerts, 1, 1, 0, 0));
        harness.Alerts.Alerts.Keys.ShouldBe([Alert.IdFor(change.ChangeId, "a"), Alert.IdFor(change.ChangeId, "b")], ignoreOrder: true);
    }

    [Fact]
    public async Task DrainAsync_AlertsRedelivered_KeepsOneAlert()
    {
        var harness = new DeliveryHarness();
        harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);
        harness.Consumer.RedeliverCompleted = true;

        await harness.DrainAsync(Subs.Alerts);
        harness.Consumer.ExpireLocks();
        await harness.DrainAsync(Subs.Alerts);

        harness.Alerts.Alerts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_BodyIsNotJson_DeadLettersAsInvalidPayload()
    {
        var harness = new DeliveryHarness();
        harness.Consumer.Enqueue(Subs.Email, "m1", "{not json");

        var report = await harness.DrainAsync(Subs.Email);

        report.DeadLettered.ShouldBe(1);
        harness.Consumer.DeadLettered.Single().Reason.ShouldBe(SubscriptionDrainer.ReasonInvalidPayload);
        harness.Consumer.DeadLettered.Single().Description.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task DrainAsync_UnknownSchemaVersion_DeadLettersWithVersionInDescription()
    {
        var harness = new DeliveryHarness();
        harness.Consumer.Enqueue(Subs.Teams, "m1", """{"changeId":"c1","schemaVersion":99,"kind":"added","sourceId":"s","noticeKey":"k","versionHash":"v","title":"t"}""");

        await harness.DrainAsync(Subs.Teams);

        var dead = harness.Consumer.DeadLettered.Single();
        dead.Reason.ShouldBe(SubscriptionDrainer.ReasonUnknownSchemaVersion);
        dead.Description.ShouldContain("99");
    }

    [Fact]
    public async Task DrainAsync_ChangeMissingFromArchive_LeavesForRetry()
    {
        var harness = new DeliveryHarness();
        harness.Consumer.Enqueue(Subs.Email, DeliveryAlerts.Change(new NoticeBuilder().Build()));

        var report = await harness.DrainAsync(Subs.Email);

        report.LeftForRetry.ShouldBe(1);
        harness.Consumer.LeftForRetry.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_Email_SendsToImmediateRecipientsAtOrAboveTheirMinimum()
    {
        var harness = new DeliveryHarness(Acme(
            Immediate("a@acme.example"),
            Immediate("critical-only@acme.example", Severity.Critical),
            new Recipient { Email = "boss@acme.example", Role = RecipientRole.Digest }));
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);

        await harness.DrainAsync(Subs.Email);

        harness.Email.Recipients.ShouldBe(["a@acme.example"]);
        var sent = harness.Email.Sent.Single();
        sent.Kind.ShouldBe(EmailKind.Alert);
        sent.AlertId.ShouldNotBeNull();
        harness.Consumer.Completed.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_EmailRedeliveredAfterCompletionWasLost_SendsNothingTwice()
    {
        var harness = new DeliveryHarness(Acme(Immediate("a@acme.example"), Immediate("b@acme.example")));
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        harness.Consumer.RedeliverCompleted = true;

        await harness.DrainAsync(Subs.Email);
        harness.Consumer.ExpireLocks();
        var second = await harness.DrainAsync(Subs.Email);

        second.Received.ShouldBe(1);
        harness.Email.Recipients.Count().ShouldBe(2);
    }

    [Fact]
    public async Task DrainAsync_SettlementCrashesAfterSend_RedeliverySendsNothingTwice()
    {
        var harness = new DeliveryHarness(Acme(Immediate("a@acme.example")));
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        var crashing = Substitute.For<Messaging.IChangeConsumer>();
        var first = true;
        crashing.ReceiveAsync(default!, default, default, default).ReturnsForAnyArgs(ci => first
            ? harness.Consumer.ReceiveAsync(Subs.Email, 20, TimeSpan.Zero, default)
            : Task.FromResult<IReadOnlyList<Messaging.ReceivedMessage>>([]));
        crashing.CompleteAsync(default!, default).ReturnsForAnyArgs<Task>(_ => throw new IOException("process died before settling"));
        var drainer = harness.Drainer(crashing);
        await drainer.DrainAsync(Subs.Email, CancellationToken.None);
        first = false;

        // The lock expires: the same change comes back to a fresh process.
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        await harness.DrainAsync(Subs.Email);

        harness.Email.Sent.Count.ShouldBe(1);
        harness.Consumer.Completed.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_EmailRetryable_LeavesForRetryAndResendsOnlyTheUnsent()
    {
        var harness = new DeliveryHarness(Acme(Immediate("a@acme.example"), Immediate("b@acme.example")));
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        harness.Email.Next = r => r.StartsWith('b') ? new SendResult(SendStatus.Retryable, "HTTP 429") : SendResult.Ok;

        var first = await harness.DrainAsync(Subs.Email);
        harness.Email.Next = _ => SendResult.Ok;
        harness.Consumer.ExpireLocks();
        var second = await harness.DrainAsync(Subs.Email);

        first.LeftForRetry.ShouldBe(1);
        second.Completed.ShouldBe(1);
        harness.Email.Sent[1].Recipients.ShouldBe(["b@acme.example"]);
    }

    [Fact]
    public async Task DrainAsync_EmailRejectedFor400_CompletesAndRecordsFailed()
    {
        var harness = new DeliveryHarness(Acme(Immediate("a@acme.example")));
        harness.Publish(new NoticeBuilder().Build(), Subs.Email);
        harness.Email.Next = _ => new SendResult(SendStatus.Failed, "HTTP 400");

        var report = await harness.DrainAsync(Subs.Email);

        report.Completed.ShouldBe(1);
        harness.Ledger.Records.Values.Single().Outcome.ShouldBe(DeliveryOutcome.Failed);
    }

    [Fact]
    public async Task DrainAsync_TeamsTwoChangesForOneCompany_PostsOneCard()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithTeams(new TeamsWebhook { WebhookUrl = "https://example.invalid/hook?sig=secret" }).Build());
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);
        harness.Publish(new NoticeBuilder().WithKey("cn-mofcom:2026:2").WithTitle("商务部公告2026年第2号").Build(), Subs.Teams);

        var report = await harness.DrainAsync(Subs.Teams);

        report.Completed.ShouldBe(2);
        var card = harness.Teams.Sent.Single();
        card.Json.ShouldContain("2 export-control alerts");
        harness.Ledger.Records.Values.ShouldAllBe(r => r.Recipient.StartsWith("wh-") && !r.Recipient.Contains("secret"));
    }

    [Fact]
    public async Task DrainAsync_TeamsRedelivered_PostsNoSecondCard()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithTeams(new TeamsWebhook { WebhookUrl = "https://example.invalid/hook" }).Build());
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);
        harness.Consumer.RedeliverCompleted = true;

        await harness.DrainAsync(Subs.Teams);
        harness.Consumer.ExpireLocks();
        await harness.DrainAsync(Subs.Teams);

        harness.Teams.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_TeamsNoWebhookAndOutboxSender_WritesOneCard()
    {
        var harness = new DeliveryHarness { Teams = new RecordingTeamsSender(acceptsCardsWithoutWebhook: true) };
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);

        await harness.DrainAsync(Subs.Teams);

        harness.Teams.Sent.Single().WebhookUrl.ShouldBeNull();
    }

    [Fact]
    public async Task DrainAsync_TeamsNoWebhookAndWebhookSender_PostsNothing()
    {
        var harness = new DeliveryHarness();
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);

        var report = await harness.DrainAsync(Subs.Teams);

        harness.Teams.Sent.ShouldBeEmpty();
        report.Completed.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_TeamsWebhookBelowSeverity_PostsNothing()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithTeams(new TeamsWebhook { WebhookUrl = "https://example.invalid/h", MinSeverity = Severity.Critical }).Build());
        harness.Publish(new NoticeBuilder().Build(), Subs.Teams);

        await harness.DrainAsync(Subs.Teams);

        harness.Teams.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task DrainAsync_BudgetSpent_StopsReceiving()
    {
        var harness = new DeliveryHarness();
        harness.Options.BatchSize = 1;
        harness.Options.DrainBudget = TimeSpan.FromMinutes(1);
        harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);
        harness.Publish(new NoticeBuilder().WithKey("k2").Build(), Subs.Alerts);
        var slow = Substitute.For<INoticeMatcher>();
        slow.Match(default!, default!, default!).ReturnsForAnyArgs(_ =>
        {
            harness.Time.Advance(TimeSpan.FromMinutes(2));
            return (IReadOnlyList<Alert>)[];
        });
        harness.Matcher = slow;

        var report = await harness.DrainAsync(Subs.Alerts);

        report.Received.ShouldBe(1);
        harness.Consumer.Pending.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_MatcherThrows_LeavesForRetryWithoutEscaping()
    {
        var harness = new DeliveryHarness();
        harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);
        var broken = Substitute.For<INoticeMatcher>();
        broken.Match(default!, default!, default!).ReturnsForAnyArgs<IReadOnlyList<Alert>>(_ => throw new InvalidOperationException("bug"));
        harness.Matcher = broken;

        var report = await harness.DrainAsync(Subs.Alerts);

        report.LeftForRetry.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_UnknownSubscription_Throws()
    {
        await Should.ThrowAsync<ArgumentException>(() => new DeliveryHarness().DrainAsync("nope"));
    }
}
