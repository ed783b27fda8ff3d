using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
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
        Assessments = new AssessmentService(AssessmentStore, Companies, Time, Microsoft.Extensions.Options.Options.Create(new AssessmentOptions()));
    }

    /// <summary>The events the <c>alerts</c> drain appended when it opened assessments.</summary>
    public InMemoryAssessmentStore AssessmentStore { get; } = new();

    /// <summary>The real workflow over <see cref="AssessmentStore"/>; a test may swap in a failing one.</summary>
    public IAssessmentService Assessments { get; set; }

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

    /// <summary>
    /// A change in the archive, queued for the given subscriptions (all by default). For <c>alerts</c> the change
    /// itself is queued; for a channel, the change goes through the <c>alerts</c> handler first (matched once, stored)
    /// on a bus of its own, and only its <c>alerts-raised</c> message is queued here, for the channels asked for.
    /// </summary>
    public ChangeEvent Publish(Notice notice, params string[] subscriptions)
    {
        var change = DeliveryAlerts.Change(notice);
        Archive.Add(new ChangeRecord(change, notice, null, null));
        var wanted = subscriptions.Length > 0 ? subscriptions : Messaging.Subscriptions.All;
        if (wanted.Contains(Messaging.Subscriptions.Alerts))
        {
            Consumer.Enqueue(Messaging.Subscriptions.Alerts, change);
        }

        var channels = wanted.Intersect(Messaging.Subscriptions.Channels).ToList();
        if (channels.Count > 0)
        {
            Raise(change, channels);
        }

        return change;
    }

    /// <summary>Runs the <c>alerts</c> drain for one change on a separate bus whose <c>alerts-raised</c> lands in <see cref="Consumer"/>.</summary>
    public void Raise(ChangeEvent change, IReadOnlyList<string> channels)
    {
        var stage = new DeliveryRedeliveringConsumer();
        stage.Enqueue(Messaging.Subscriptions.Alerts, change);
        var raisedTo = Consumer.RaisedTo;
        Consumer.RaisedTo = channels;
        try
        {
            Drainer(stage).DrainAsync(Messaging.Subscriptions.Alerts, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            Consumer.RaisedTo = raisedTo;
        }
    }

    public SubscriptionDrainer Drainer(IChangeConsumer? consumer = null) =>
        DeliveryComposition.Drainer(consumer ?? Consumer, Consumer, Archive, Companies, Matcher, Alerts, Ledger, Email, TeamsSender ?? Teams, Options, Time, Assessments);

    public Task<DrainReport> DrainAsync(string subscription) => Drainer().DrainAsync(subscription, CancellationToken.None);
}
