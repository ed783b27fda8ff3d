using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using NSubstitute;
using Alerts.Core.Matching;
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
        harness.Consumer.Enqueue(Subs.Alerts, DeliveryAlerts.Change(new NoticeBuilder().Build()));

        var report = await harness.DrainAsync(Subs.Alerts);

        report.LeftForRetry.ShouldBe(1);
        harness.Consumer.LeftForRetry.Count.ShouldBe(1);
    }

    [Fact]
    public async Task DrainAsync_RaisedAlertMissingFromStore_LeavesForRetryAndSendsNothing()
    {
        var harness = new DeliveryHarness(Acme(Immediate("a@acme.example")));
        harness.Consumer.Enqueue(Subs.Email, AlertsRaised.For("c1", ["c1.acme-trading"]).Single());

        var report = await harness.DrainAsync(Subs.Email);

        report.LeftForRetry.ShouldBe(1);
        harness.Email.Sent.ShouldBeEmpty();
    }

    [Fact]
    public async Task DrainAsync_AlertsRaisedWithoutChangeId_DeadLettersAsInvalidPayload()
    {
        var harness = new DeliveryHarness();
        harness.Consumer.Enqueue(Subs.Email, "m1", """{"alertIds":["c1.acme"]}""");

        await harness.DrainAsync(Subs.Email);

        harness.Consumer.DeadLettered.Single().Reason.ShouldBe(SubscriptionDrainer.ReasonInvalidPayload);
    }

    [Fact]
    public async Task DrainAsync_AlertsSubscription_StoresThenRaisesTheStoredIdsOnce()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("a").Build(), new CompanyBuilder().WithId("b").Build());
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);

        await harness.DrainAsync(Subs.Alerts);

        var raised = harness.Consumer.Raised.Single();
        raised.ChangeId.ShouldBe(change.ChangeId);
        raised.AlertIds.ShouldBe(harness.Alerts.Alerts.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DrainAsync_AlertsSubscriptionNoCompanyMatches_RaisesNothing()
    {
        var harness = new DeliveryHarness();
        harness.Matcher = Substitute.For<INoticeMatcher>();
        harness.Matcher.Match(default!, default!, default!).ReturnsForAnyArgs((IReadOnlyList<Alert>)[]);
        harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);

        var report = await harness.DrainAsync(Subs.Alerts);

        report.Completed.ShouldBe(1);
        harness.Consumer.Raised.ShouldBeEmpty();
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

    /// <summary>Gives each company one counterparty reason: "howa" watches the entity the amendment adds, "tdk" one it leaves alone.</summary>
    private sealed class CounterpartyMatcher(TimeProvider time) : INoticeMatcher
    {
        public IReadOnlyList<Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies) =>
            [.. companies.Select(c => DeliveryAlerts.For(change, c.Id, Severity.High, time.GetUtcNow()) with
            {
                Reasons = c.Id == "howa"
                    ? [new AlertReason(ReasonKind.Counterparty, "Howa Machinery", "豪华机械株式会社（Howa Machinery）")]
                    : [new AlertReason(ReasonKind.Counterparty, "TDK Corporation", "TDK株式会社（TDK Corporation）")],
            })];
    }

    private static ChangeRecord AmendmentAddingHowa()
    {
        var before = new NoticeBuilder().WithBody("列入管控名单：\nTDK株式会社（TDK Corporation），地址：日本东京都中央区日本桥二丁目5番1号。")
            .WithEntities(new ListedEntity("TDK株式会社", "TDK Corporation")).Build();
        var after = before with
        {
            Entities = [.. before.Entities, new ListedEntity("豪华机械株式会社", "Howa Machinery")],
            Body = before.Body + "\n豪华机械株式会社（Howa Machinery），地址：日本爱知县清须市须之部町130番地。",
        };
        return new ChangeRecord(ChangeEvent.From(after, ChangeKind.Amended, "v2", new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero)), after, before, null);
    }

    [Fact]
    public async Task DrainAsync_AmendmentUntouchedForACompany_EmailsOnlyTheTouchedOneAndKeepsBothForTheDigest()
    {
        var harness = new DeliveryHarness(
            new CompanyBuilder().WithId("howa").WithRecipients(Immediate("a@howa.example"), new Recipient { Email = "boss@howa.example", Role = RecipientRole.Digest }).Build(),
            new CompanyBuilder().WithId("tdk").WithRecipients(Immediate("a@tdk.example"), new Recipient { Email = "boss@tdk.example", Role = RecipientRole.Digest }).Build());
        harness.Matcher = new CounterpartyMatcher(harness.Time);
        var record = AmendmentAddingHowa();
        harness.Archive.Add(record);
        harness.Consumer.RaisedTo = [Subs.Email];
        harness.Consumer.Enqueue(Subs.Alerts, record.Change);

        await harness.DrainAsync(Subs.Alerts);
        await harness.DrainAsync(Subs.Email);

        harness.Email.Recipients.ShouldBe(["a@howa.example"]);
        harness.Email.Sent.Single().Subject.ShouldStartWith("AMENDED [HIGH] ");
        harness.Consumer.Completed.Count.ShouldBe(2);
        var untouched = harness.Alerts.Alerts[Alert.IdFor(record.Change.ChangeId, "tdk")];
        (untouched.Kind, untouched.TouchesWatch).ShouldBe((ChangeKind.Amended, false));
        var options = Microsoft.Extensions.Options.Options.Create(new DigestOptions());
        var digest = new DigestService(harness.Companies, harness.Alerts, new FakeDigestCursorStore(), harness.Ledger, harness.Email,
            new DigestRenderer(Microsoft.Extensions.Options.Options.Create(harness.Options), options), options, harness.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestService>.Instance);
        harness.Time.Advance(TimeSpan.FromHours(1));
        var preview = await digest.PreviewAsync("tdk", null, null, CancellationToken.None);
        preview!.Email.Text.ShouldContain("- AMENDED [high] ");
        preview.Email.Text.ShouldContain("+1 entity (Howa Machinery)");
    }

    [Fact]
    public async Task DrainAsync_AmendmentUntouchedForACompany_SendsItNoTeamsCard()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("howa").Build(), new CompanyBuilder().WithId("tdk").Build())
        {
            Teams = new RecordingTeamsSender(acceptsCardsWithoutWebhook: true),
        };
        harness.Matcher = new CounterpartyMatcher(harness.Time);
        var record = AmendmentAddingHowa();
        harness.Archive.Add(record);
        harness.Consumer.RaisedTo = [Subs.Teams];
        harness.Consumer.Enqueue(Subs.Alerts, record.Change);

        await harness.DrainAsync(Subs.Alerts);
        await harness.DrainAsync(Subs.Teams);

        harness.Teams.Sent.Select(c => c.CompanyId).ShouldBe(["howa"]);
        harness.Consumer.Completed.Count.ShouldBe(2);
    }
}
