using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Delivery;

/// <summary>A drainer over in-memory fakes.</summary>
internal sealed class DeliveryHarness
{
    public DeliveryHarness(params Company[] companies)
    {
        Companies = new FakeCompanyStore(companies.Length > 0 ? companies : [new CompanyBuilder().Build()]);
        Matcher = new DeliveryStubMatcher(Severity.High, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public DeliveryRedeliveringConsumer Consumer { get; } = new();

    public FakeChangeArchive Archive { get; } = new();

    public FakeCompanyStore Companies { get; }

    public INoticeMatcher Matcher { get; set; }

    public FakeAlertStore Alerts { get; } = new();

    public FakeDeliveryLedger Ledger { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public RecordingTeamsSender Teams { get; set; } = new();

    /// <summary>When set, the drainer posts here instead of <see cref="Teams"/> (e.g. a hanging webhook).</summary>
    public ITeamsSender? TeamsSender { get; set; }

    public DeliveryOptions Options { get; } = new() { PublicBaseUrl = "https://alerts.example.com" };

    public ChangeEvent Publish(Notice notice, params string[] subscriptions)
    {
        var change = DeliveryAlerts.Change(notice);
        Archive.Add(new ChangeRecord(change, notice, null, null));
        foreach (var subscription in subscriptions.Length > 0 ? subscriptions : Messaging.Subscriptions.All)
        {
            Consumer.Enqueue(subscription, change);
        }

        return change;
    }

    public SubscriptionDrainer Drainer(IChangeConsumer? consumer = null)
    {
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        return new SubscriptionDrainer(consumer ?? Consumer, Archive, Companies, Matcher, Alerts, Ledger, Email, TeamsSender ?? Teams,
            new AlertEmailRenderer(options), new TeamsCardBuilder(options), options, Time, NullLogger<SubscriptionDrainer>.Instance);
    }

    public Task<DrainReport> DrainAsync(string subscription) => Drainer().DrainAsync(subscription, CancellationToken.None);
}
