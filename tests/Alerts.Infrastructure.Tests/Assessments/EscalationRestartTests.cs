using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace Alerts.Infrastructure.Tests.Assessments;

/// <summary>
/// Issue 19's acceptance over the embedded stores: each "process" opens the SQLite file afresh, so nothing the first
/// run remembered in memory helps the second.
/// </summary>
public sealed class EscalationRestartTests : IDisposable
{
    private const string CompanyId = "acme";
    private const string NoticeKey = "mofcom-2026-11";
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new("escalation-restart");
    private readonly FakeTimeProvider _time = new(Opened);
    private readonly RecordingEmailSender _email = new();
    private readonly FakeCompanyStore _companies = new(new CompanyBuilder().WithId(CompanyId).WithRecipients(
        new Recipient { Email = "ops@acme.example", Role = RecipientRole.Immediate },
        new Recipient { Email = "head@acme.example", Role = RecipientRole.Escalation }).Build());

    private (EscalationService Service, SqliteAssessmentStore Store, SqliteAlertStore Alerts) Process()
    {
        var database = new SqliteDatabase(_data.Combine("alerts.db"));
        var store = new SqliteAssessmentStore(database);
        var alerts = new SqliteAlertStore(database);
        var service = new EscalationService(store, alerts, _companies, new SqliteDeliveryLedger(database), _email,
            Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com" }), _time, NullLogger<EscalationService>.Instance);
        return (service, store, alerts);
    }

    private async Task OpenCriticalAsync()
    {
        var (_, store, alerts) = Process();
        await alerts.UpsertAsync([new Alert
        {
            AlertId = "alert-1", ChangeId = "change-1", CompanyId = CompanyId, Severity = Severity.Critical, NoticeKey = NoticeKey,
            SourceId = "cn-mofcom-announcements", Title = "Announcement 2026 No.11", CreatedAt = Opened,
        }], CancellationToken.None);
        await store.AppendAsync(new AssessmentEvent
        {
            CompanyId = CompanyId, NoticeKey = NoticeKey, Sequence = 1, At = Opened, Action = AssessmentAction.Opened,
            Actor = "alerts", Channel = AssessmentChannel.System, State = AssessmentState.New, Due = new DateOnly(2026, 3, 30), AlertId = "alert-1",
        }, CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_UnassignedCriticalAfter24HoursAndARestart_FiresOnce()
    {
        await OpenCriticalAsync();
        _time.Advance(TimeSpan.FromHours(23));
        await Process().Service.RunAsync(CancellationToken.None);
        _email.Sent.ShouldBeEmpty();

        _time.Advance(TimeSpan.FromHours(1));
        await Process().Service.RunAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
        var (restarted, store, _) = Process();
        await restarted.RunAsync(CancellationToken.None);

        _email.Recipients.ShouldBe(["ops@acme.example"]);
        (await store.ListEventsAsync(CompanyId, NoticeKey, CancellationToken.None)).Count(e => e.Action == AssessmentAction.Escalated).ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_Unmoved24HoursAfterStepOneAcrossRestarts_TellsEscalationRecipientsOnce()
    {
        await OpenCriticalAsync();
        _time.Advance(TimeSpan.FromHours(24));
        await Process().Service.RunAsync(CancellationToken.None);

        _time.Advance(TimeSpan.FromHours(24));
        await Process().Service.RunAsync(CancellationToken.None);
        await Process().Service.RunAsync(CancellationToken.None);

        _email.Recipients.ShouldBe(["ops@acme.example", "head@acme.example"]);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
