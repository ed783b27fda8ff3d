using Alerts.Core.Matching;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

/// <summary>
/// Issue 18, "match once": the <c>alerts</c> drain is the only one that matches; e-mail and Teams deliver the stored
/// alert, so a company that changes its watch between the drains is sent what the API and the dashboard show.
/// </summary>
public sealed class MatchOnceTests
{
    private static readonly Recipient Compliance = new() { Email = "compliance@acme.example", Role = RecipientRole.Immediate };

    private static Company Acme() => new CompanyBuilder()
        .Watching(w => w with { Categories = [], Terms = ["两用物项"], Destinations = ["JP"] })
        .WithRecipients(Compliance)
        .WithTeams(new TeamsWebhook { WebhookUrl = "https://example.invalid/hook" })
        .Build();

    /// <summary>The same company, now watching only something this notice does not name.</summary>
    private static Company AcmeWatchingSomethingElse() => Acme() with
    {
        Watch = new WatchProfile { Terms = ["稀土"], Destinations = ["US"], Categories = [] },
    };

    private static (DeliveryHarness Harness, CountingMatcher Matcher, ChangeEvent Change) AlertsDrained()
    {
        var harness = new DeliveryHarness(Acme());
        var matcher = new CountingMatcher(new NoticeMatcher());
        harness.Matcher = matcher;
        var change = harness.Publish(new NoticeBuilder().Build(), Subs.Alerts);
        harness.DrainAsync(Subs.Alerts).GetAwaiter().GetResult();
        return (harness, matcher, change);
    }

    [Fact]
    public async Task DrainAsync_WatchChangedBetweenAlertsAndEmailDrains_EmailCarriesExactlyTheStoredAlert()
    {
        var (harness, _, change) = AlertsDrained();
        var stored = harness.Alerts.Alerts[Alert.IdFor(change.ChangeId, "acme-trading")];
        await harness.Companies.UpsertAsync(AcmeWatchingSomethingElse(), CancellationToken.None);

        await harness.DrainAsync(Subs.Email);

        // The test can fail: matched again with the new watch, the alert would not be the stored one (or none at all).
        var record = (await harness.Archive.GetAsync(change.ChangeId, CancellationToken.None))!;
        new NoticeMatcher().Match(record.Change, record.Notice, [AcmeWatchingSomethingElse()]).ShouldNotContain(a => a.Reasons.SequenceEqual(stored.Reasons));
        var rendered = new AlertEmailRenderer(Microsoft.Extensions.Options.Options.Create(harness.Options)).Render(stored, "Acme Trading K.K.");
        var sent = harness.Email.Sent.Single();
        (sent.AlertId, sent.Subject, sent.Text, sent.Html).ShouldBe((stored.AlertId, rendered.Subject, rendered.Text, rendered.Html));
        sent.Recipients.ShouldBe([Compliance.Email]);
    }

    [Fact]
    public async Task DrainAsync_AllThreeSubscriptionsDrained_MatcherRunsOncePerChange()
    {
        var (harness, matcher, change) = AlertsDrained();
        await harness.Companies.UpsertAsync(AcmeWatchingSomethingElse(), CancellationToken.None);

        await harness.DrainAsync(Subs.Email);
        await harness.DrainAsync(Subs.Teams);

        harness.Email.Sent.Count.ShouldBe(1);
        harness.Teams.Sent.Count.ShouldBe(1);
        matcher.Runs.ShouldBe(new Dictionary<string, int> { [change.ChangeId] = 1 });
    }

    [Fact]
    public async Task DrainAsync_TeamsAfterWatchChange_CardIsBuiltFromTheStoredAlert()
    {
        var (harness, _, change) = AlertsDrained();
        var stored = harness.Alerts.Alerts[Alert.IdFor(change.ChangeId, "acme-trading")];
        await harness.Companies.UpsertAsync(AcmeWatchingSomethingElse(), CancellationToken.None);

        await harness.DrainAsync(Subs.Teams);

        var expected = new TeamsCardBuilder(Microsoft.Extensions.Options.Options.Create(harness.Options)).Build("Acme Trading K.K.", [stored]);
        harness.Teams.Sent.Single().Json.ShouldBe(expected);
    }

    /// <summary>The matcher port, counted per change: how often each change was matched.</summary>
    private sealed class CountingMatcher(INoticeMatcher inner) : INoticeMatcher
    {
        public Dictionary<string, int> Runs { get; } = [];

        public IReadOnlyList<Alert> Match(ChangeEvent change, Notice notice, IReadOnlyList<Company> companies)
        {
            Runs[change.ChangeId] = Runs.GetValueOrDefault(change.ChangeId) + 1;
            return inner.Match(change, notice, companies);
        }
    }
}
