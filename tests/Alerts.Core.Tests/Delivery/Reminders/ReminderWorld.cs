using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Delivery.Reminders;
using Alerts.Core.Goods;
using Alerts.Core.Matching;
using Alerts.Core.Measures;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Measures;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Delivery.Reminders;

/// <summary>
/// The stored real texts of the 2024 No.46 → 2025 No.72 and No.55–62 → No.70 chains, companies, and the delivery
/// fakes that outlive any one <see cref="ReminderService"/>: a "restart" is a new service over the same stores.
/// </summary>
internal sealed class ReminderWorld
{
    public const string GalliumUs = "gallium-us";

    public const string DronesJp = "drones-jp";

    public const string Clause2Subject = "MOFCOM 2024 No.46 clause 2";

    public ReminderWorld(params Company[] companies)
    {
        Companies = new FakeCompanyStore(companies.Length > 0 ? companies : [GalliumWatcher(), DronesWatcher()]);
        var notices = MeasureChainsOverRealTextsTests.Known().ToList();
        var snapshot = new SourceSnapshot("real") with
        {
            Notices = notices.GroupBy(k => k.Notice.Key).ToDictionary(
                g => g.Key,
                g => new NoticeState(g.First().Notice, "v", Instant(g.First().FirstSeen!.Value), Instant(g.First().FirstSeen!.Value)),
                StringComparer.Ordinal),
        };
        Snapshots.SaveAsync(snapshot, [], CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public InMemorySnapshotStore Snapshots { get; } = new();

    public FakeCompanyStore Companies { get; }

    public FakeDeliveryLedger Ledger { get; } = new();

    public RecordingEmailSender Email { get; } = new();

    public RecordingTeamsSender Teams { get; } = new();

    public ReminderOptions Options { get; } = new();

    /// <summary>Each e-mail with the UTC day it was sent on.</summary>
    public List<(DateOnly Day, EmailMessage Message)> Mails { get; } = [];

    /// <summary>Each card with the UTC day it was posted on.</summary>
    public List<(DateOnly Day, TeamsCard Card)> Cards { get; } = [];

    public static Company GalliumWatcher(params int[] leads) => new CompanyBuilder().WithId(GalliumUs)
        .Watching(_ => new WatchProfile { Categories = ["gallium"], Destinations = ["US"] })
        .WithRecipients(new Recipient { Email = "ops@gallium.example", Role = RecipientRole.Immediate, ReminderDays = leads.Length > 0 ? leads : ReminderLeads.DefaultDays },
            new Recipient { Email = "boss@gallium.example", Role = RecipientRole.Digest })
        .WithTeams(new TeamsWebhook { WebhookUrl = "https://example.webhook.office.com/gallium" })
        .Build();

    public static Company DronesWatcher() => new CompanyBuilder().WithId(DronesJp)
        .Watching(_ => new WatchProfile { Categories = ["drones"], Destinations = ["JP"] })
        .WithRecipients(new Recipient { Email = "ops@drones.example", Role = RecipientRole.Immediate })
        .WithTeams(new TeamsWebhook { WebhookUrl = "https://example.webhook.office.com/drones" })
        .Build();

    /// <summary>A new service over the same stores, as after a restart.</summary>
    public ReminderService Service() => new(
        Companies,
        new MeasureService(Snapshots, Companies, new NoticeMatcher(), Time),
        Ledger,
        Email,
        Teams,
        GoodsTaxonomy.Default,
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" }),
        Time,
        NullLogger<ReminderService>.Instance);

    /// <summary>Runs at 09:00 UTC on each day from <paramref name="from"/> to <paramref name="to"/>, <paramref name="runsPerDay"/> times a day, a new service each day.</summary>
    public async Task RunDaysAsync(DateOnly from, DateOnly to, int runsPerDay = 2)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            await RunOnAsync(day, runsPerDay);
        }
    }

    public async Task<ReminderRunReport> RunOnAsync(DateOnly day, int runs = 1)
    {
        Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        ReminderRunReport report = new(0, 0, 0);
        for (var i = 0; i < runs; i++)
        {
            var (mails, cards) = (Email.Sent.Count, Teams.Sent.Count);
            report = await Service().RunAsync(CancellationToken.None);
            Mails.AddRange(Email.Sent.Skip(mails).Select(m => (day, m)));
            Cards.AddRange(Teams.Sent.Skip(cards).Select(c => (day, c)));
        }

        return report;
    }

    public List<(DateOnly Day, EmailMessage Message)> MailsAbout(string subject, string recipient) =>
        [.. Mails.Where(m => m.Message.Subject.Contains(subject, StringComparison.Ordinal) && m.Message.Recipients.Contains(recipient))];

    private static DateTimeOffset Instant(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
