using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Delivery;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using Alerts.Testing;

namespace Alerts.Core.Tests.Audit;

/// <summary>Issue 19: the audit pack is complete, verifiable offline through its manifest, and the same bytes every time.</summary>
public sealed class AuditPackServiceTests
{
    private const string Company = "acme";
    private static readonly DateTimeOffset Detected = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly From = new(2026, 3, 1);
    private static readonly DateOnly To = new(2026, 3, 31);
    private static readonly byte[] PageBytes = Encoding.UTF8.GetBytes("<html><body>商务部公告2026年第12号</body></html>");

    private readonly InMemoryAlertStoreForApi _alerts = new();
    private readonly InMemoryChangeArchiveForApi _changes = new();
    private readonly InMemoryDeliveryLedgerForApi _ledger = new();
    private readonly InMemoryPageArchive _pages = new();
    private readonly InMemoryAssessmentStore _assessments = new();
    private readonly string _alertId;
    private readonly string _noticeKey;

    public AuditPackServiceTests()
    {
        var notice = new NoticeBuilder().WithKey("cn-mofcom:2026:12").Build();
        _noticeKey = notice.Key;
        var sha = _pages.Put(PageBytes, Detected);
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", Detected);
        _changes.Add(new ChangeRecord(change, notice, null, null)
        {
            Pages = [new ArchivedPage(FetchedRole.Page, "http://www.mofcom.gov.cn/zcfb/blgg/gg/2026/art_12.html", sha, "text/html", Detected, PageBytes.Length)],
        });
        _alertId = change.ChangeId + "." + Company;
        _alerts.UpsertAsync([new Alert
        {
            AlertId = _alertId, ChangeId = change.ChangeId, CompanyId = Company, Severity = Severity.High,
            NoticeKey = notice.Key, SourceId = notice.SourceId, Title = notice.Title, CreatedAt = Detected.AddMinutes(1),
        }], CancellationToken.None).GetAwaiter().GetResult();
        _ledger.RecordAsync(new DeliveryRecord(_alertId, DeliveryChannel.Email, "b@acme.example", DeliveryOutcome.Sent, Detected.AddMinutes(3)), CancellationToken.None).GetAwaiter().GetResult();
        _ledger.RecordAsync(new DeliveryRecord(_alertId, DeliveryChannel.Email, "a@acme.example", DeliveryOutcome.Sent, Detected.AddMinutes(2)), CancellationToken.None).GetAwaiter().GetResult();
        foreach (var (sequence, action) in new[] { (2, AssessmentAction.Assigned), (1, AssessmentAction.Opened) })
        {
            _assessments.AppendAsync(new AssessmentEvent
            {
                CompanyId = Company, NoticeKey = notice.Key, Sequence = sequence, At = Detected.AddHours(sequence), Action = action,
                Actor = "alerts", Channel = AssessmentChannel.System, State = sequence == 1 ? AssessmentState.New : null,
                Owner = sequence == 2 ? "a@acme.example" : null,
            }, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private async Task<byte[]> BuildAsync()
    {
        using var output = new MemoryStream();
        await new AuditPackService(_alerts, _changes, _ledger, _pages, _assessments).BuildAsync(Company, From, To, output, CancellationToken.None);
        return output.ToArray();
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task BuildAsync_Pack_ManifestHashesMatchEveryOtherEntry()
    {
        var entries = Entries(await BuildAsync());

        var manifest = JsonSerializer.Deserialize<List<AuditPackService.ManifestEntry>>(entries["manifest.json"], AlertsJson.Indented)!;
        manifest.Select(m => m.Path).ShouldBe(entries.Keys.Where(k => k != "manifest.json"), ignoreOrder: true);
        foreach (var line in manifest)
        {
            line.Sha256.ShouldBe(Sha256(entries[line.Path]), line.Path);
        }
    }

    [Fact]
    public async Task BuildAsync_SameInputsTwice_SameBytes()
    {
        var first = await BuildAsync();

        var second = await BuildAsync();

        second.ShouldBe(first);
    }

    [Fact]
    public async Task BuildAsync_KeptPage_IsInThePackWithItsSha256()
    {
        var entries = Entries(await BuildAsync());

        var page = entries.Single(e => e.Key.Contains("/page-", StringComparison.Ordinal));
        page.Value.ShouldBe(PageBytes);
        page.Key.ShouldContain(Sha256(PageBytes));
    }

    [Fact]
    public async Task BuildAsync_Deliveries_AreTheLedgerRowsOfTheAlert()
    {
        var entries = Entries(await BuildAsync());

        var rows = JsonSerializer.Deserialize<List<DeliveryRecord>>(entries.Single(e => e.Key.EndsWith("/deliveries.json", StringComparison.Ordinal)).Value, AlertsJson.Indented)!;
        rows.Select(r => r.Recipient).ShouldBe(["a@acme.example", "b@acme.example"], ignoreOrder: true);
        rows.ShouldAllBe(r => r.AlertId == _alertId);
    }

    [Fact]
    public async Task BuildAsync_AssessmentEvents_AreInSequenceOrder()
    {
        var entries = Entries(await BuildAsync());

        var events = JsonSerializer.Deserialize<List<AssessmentEvent>>(entries.Single(e => e.Key.EndsWith("/assessment-events.json", StringComparison.Ordinal)).Value, AlertsJson.Indented)!;
        events.Select(e => (e.Sequence, e.Action)).ShouldBe([(1, AssessmentAction.Opened), (2, AssessmentAction.Assigned)]);
        events.ShouldAllBe(e => e.NoticeKey == _noticeKey);
    }
}
