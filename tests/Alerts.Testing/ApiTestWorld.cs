using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Audit;
using Alerts.Core.Dashboard;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Notices;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;

namespace Alerts.Testing;

/// <summary>
/// A seeded world for API and dashboard tests: two companies with known keys, alerts, changes (one with a stored
/// diff, one with only a previous version, one new), dead letters, deliveries and source health, all in memory.
/// </summary>
public sealed class ApiTestWorld
{
    public const string AdminKey = "admin-secret-for-tests";
    public const string CompanyA = "acme-trading";
    public const string CompanyB = "beta-metals";

    public static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    public InMemoryCompanyStoreForApi Companies { get; } = new();

    public InMemoryAlertStoreForApi Alerts { get; } = new();

    public InMemoryChangeArchiveForApi Changes { get; } = new();

    public InMemoryDeadLetterQueueForApi DeadLetters { get; } = new();

    public InMemoryDeliveryLedgerForApi Ledger { get; } = new();

    public FixedSourceHealthReaderForApi Health { get; } = new();

    public FixedSourceStatusReaderForApi Status { get; } = new();

    public InMemoryApiKeyStoreForApi Keys { get; } = new();

    public FakeHostResolverForApi Resolver { get; } = new FakeHostResolverForApi()
        .Map("prod-00.westeurope.logic.azure.com", "20.50.2.10")
        .Map("default0123.12.environment.api.powerplatform.com", "52.109.1.7")
        .Map("internal.example", "10.1.2.3");

    public SequentialApiKeyGeneratorForApi Generator { get; } = new();

    /// <summary>Measures over the world's companies: the real graph has its own tests (Alerts.Core.Tests/Measures).</summary>
    public FixedMeasureServiceForApi Measures { get; private set; } = null!;

    /// <summary>
    /// The real workflow over an in-memory store, opened from the seeded alerts (and one URL-keyed notice for
    /// <see cref="CompanyA"/>, <see cref="UrlNoticeKey"/>), as the alerts drain would have.
    /// </summary>
    public InMemoryAssessmentStore AssessmentStore { get; } = new();

    public IAssessmentService Assessments { get; private set; } = null!;

    /// <summary>The page archive the audit pack reads (empty until a test keeps pages in it).</summary>
    public InMemoryPageArchive Pages { get; } = new();

    /// <summary>Source snapshots, for the ops routes that change one (confirm-shrink).</summary>
    public InMemorySnapshotStore Snapshots { get; } = new();

    /// <summary>The one source the ops routes know: <see cref="FakeNoticeSource.DefaultId"/>.</summary>
    public FakeSourceCatalog Sources { get; } = new(new FakeNoticeSource());

    public const string UrlNoticeKey = "https://www.meti.go.jp/press/2026/06/20260612001/20260612001.html";

    /// <summary>Keys of the seeded companies (issued through the real <see cref="ApiKeyService"/> hashing).</summary>
    public string KeyA { get; } = "company-a-key";

    public string KeyB { get; } = "company-b-key";

    public ChangeRecord StoredDiffChange { get; private set; } = null!;

    public ChangeRecord ComputedDiffChange { get; private set; } = null!;

    public ChangeRecord AddedChange { get; private set; } = null!;

    public ApiTestWorld()
    {
        Seed();
    }

    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>
    {
        ["Api:AdminKey"] = AdminKey,
    };

    /// <summary>Registers the fakes and the API services.</summary>
    /// <param name="configuration">The host's configuration, already holding <see cref="Configuration"/>; null builds one.</param>
    public IServiceCollection Register(IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (configuration is null)
        {
            configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration).Build();
            services.AddSingleton(configuration);
        }

        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICompanyStore>(Companies);
        services.AddSingleton<IAlertStore>(Alerts);
        services.AddSingleton<IChangeArchive>(Changes);
        services.AddSingleton<IDeadLetterQueue>(DeadLetters);
        services.AddSingleton<IDeliveryLedger>(Ledger);
        services.AddSingleton<ISourceHealthReader>(Health);
        services.AddSingleton<ISourceStatusReader>(Status);
        services.AddSingleton<IApiKeyStore>(Keys);
        services.AddSingleton<IHostResolver>(Resolver);
        services.AddSingleton<IApiKeyGenerator>(Generator);
        Measures = new FixedMeasureServiceForApi(Companies);
        services.AddSingleton<Alerts.Core.Measures.IMeasureService>(Measures);
        services.AddSingleton(Assessments);
        services.AddSingleton<IAssessmentStore>(AssessmentStore);
        services.AddSingleton<IPageArchive>(Pages);
        services.AddSingleton<ISnapshotStore>(Snapshots);
        services.AddSingleton<ISourceCatalog>(Sources);
        services.AddSingleton<ListingShrinkConfirmation>();
        services.AddAlertsAudit(configuration);

        // The printable digest renders over the same alerts and assessments (no sends: the sender only records).
        var digestOptions = Microsoft.Extensions.Options.Options.Create(new DigestOptions());
        var digestRenderer = new DigestRenderer(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()), digestOptions);
        services.AddSingleton(digestRenderer);
        services.AddSingleton<IDigestService>(new DigestService(Companies, Alerts, new FakeDigestCursorStore(), new FakeDeliveryLedger(), new RecordingEmailSender(),
            digestRenderer, digestOptions, Clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<DigestService>.Instance, assessments: Assessments));
        services.AddAlertsApi(configuration);
        services.AddAlertsDashboard();
        return services;
    }

    public ServiceProvider BuildServices() => Register(new ServiceCollection().AddLogging()).BuildServiceProvider();

    private void Seed()
    {
        var a = new CompanyBuilder().WithId(CompanyA).With(c => c with { Name = "Acme Trading K.K." }).Build();
        var b = new CompanyBuilder().WithId(CompanyB)
            .With(c => c with { Name = "Beta Metals GmbH" })
            .Watching(w => w with { Categories = ["gallium", "germanium"], Destinations = ["DE"] })
            .WithRecipients(new Recipient { Email = "exports@beta.example" })
            .WithTeams(new TeamsWebhook { WebhookUrl = "https://prod-00.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRET-SIG" })
            .Build();
        Companies.UpsertAsync(a, CancellationToken.None).GetAwaiter().GetResult();
        Companies.UpsertAsync(b, CancellationToken.None).GetAwaiter().GetResult();
        Keys.SetCompanyKeyAsync(CompanyA, ApiKeyService.Hash(KeyA), Now, CancellationToken.None).GetAwaiter().GetResult();
        Keys.SetCompanyKeyAsync(CompanyB, ApiKeyService.Hash(KeyB), Now, CancellationToken.None).GetAwaiter().GetResult();

        var ban = new NoticeBuilder().Build();
        var banChange = ChangeEvent.From(ban, ChangeKind.Added, "v1", Now.AddDays(-2));
        AddedChange = new ChangeRecord(banChange, ban, null, null);

        var oldGallium = new NoticeBuilder().WithKey("cn-mofcom:2025:46").WithTitle("商务部公告2025年第46号 关于镓、锗相关物项实施出口管制的公告")
            .WithBody("对镓、锗相关物项实施出口管制，自2025年11月10日起正式实施。").WithEffective(new DateOnly(2025, 11, 10)).Build();
        var newGallium = oldGallium with { Body = "对镓、锗相关物项实施出口管制，自2025年11月27日起正式实施。", Effective = new DateOnly(2025, 11, 27) };
        var amended = ChangeEvent.From(newGallium, ChangeKind.Amended, "v2", Now.AddDays(-1), ["effective 2025-11-10 → 2025-11-27"]);
        ComputedDiffChange = new ChangeRecord(amended, newGallium, oldGallium, null);

        var meti = new NoticeBuilder().WithKey("jp-meti:2026:0612").With(n => n with { SourceId = "jp-meti-press", Language = "ja", Measure = Measure.Statement, Destinations = ["CN"] })
            .WithTitle("中国による対日輸出管理措置について<script>alert(1)</script>").WithBody("経済産業省は遺憾の意を表明した。").Build();
        var metiBefore = meti with { Body = "経済産業省は懸念を表明した。" };
        var metiChange = ChangeEvent.From(meti, ChangeKind.Amended, "v3", Now.AddHours(-3));
        StoredDiffChange = new ChangeRecord(metiChange, meti, metiBefore, TextDiff.Render(metiBefore.Body, meti.Body));

        foreach (var record in new[] { AddedChange, ComputedDiffChange, StoredDiffChange })
        {
            Changes.Add(record);
        }

        Alerts.UpsertAsync(
        [
            AlertFor(AddedChange, CompanyA, Severity.Critical, Now.AddDays(-2), new AlertReason(ReasonKind.BroadMeasure, "两用物项", "禁止所有两用物项对日本军事用户")),
            AlertFor(StoredDiffChange, CompanyA, Severity.Medium, Now.AddHours(-3), new AlertReason(ReasonKind.Destination, "JP", "対日輸出管理")),
            AlertFor(ComputedDiffChange, CompanyB, Severity.High, Now.AddDays(-1), new AlertReason(ReasonKind.Category, "gallium", "对镓、锗相关物项实施出口管制")),
            AlertFor(ComputedDiffChange, CompanyA, Severity.Low, Now.AddDays(-1), new AlertReason(ReasonKind.Term, "镓", "对镓、锗相关物项")),
        ], CancellationToken.None).GetAwaiter().GetResult();

        Assessments = new AssessmentService(AssessmentStore, Companies, Clock, Microsoft.Extensions.Options.Options.Create(new AssessmentOptions()));
        var opened = Alerts.All.ToList();
        opened.Add(opened.First(a => a.CompanyId == CompanyA) with { AlertId = "url-notice.acme-trading", NoticeKey = UrlNoticeKey });
        Assessments.OpenAsync(opened, CancellationToken.None).GetAwaiter().GetResult();

        DeadLetters.Add(new DeadLetter("dl-1", Subscriptions.Teams, banChange.ChangeId, "poison", "Unknown schema version 9", 10, Now.AddHours(-5), "{}"));
        DeadLetters.Add(new DeadLetter("email/dl-2", Subscriptions.Email, amended.ChangeId, "MaxDeliveryCountExceeded", "<b>bad</b> payload", 10, Now.AddHours(-4), "{}"));
        DeadLetters.Active[Subscriptions.Alerts] = 3;

        var sent = new[] { (DeliveryChannel.Email, DeliveryOutcome.Sent, -2.0), (DeliveryChannel.Email, DeliveryOutcome.Sent, -30.0), (DeliveryChannel.Email, DeliveryOutcome.Failed, -1.0), (DeliveryChannel.Teams, DeliveryOutcome.Sent, -50.0), (DeliveryChannel.Teams, DeliveryOutcome.Sent, -3.0), (DeliveryChannel.Digest, DeliveryOutcome.Sent, -200.0) };
        var i = 0;
        foreach (var (channel, outcome, hours) in sent)
        {
            Ledger.RecordAsync(new DeliveryRecord($"alert-{i++}", channel, "r@x.example", outcome, Now.AddHours(hours)), CancellationToken.None).GetAwaiter().GetResult();
        }

        Health.Sources.Add(new SourceHealthSummary("cn-mofcom-announcements", "ok", Now.AddMinutes(-10)));
        Health.Sources.Add(new SourceHealthSummary("jp-meti-press", "blocked", Now.AddMinutes(-20)));
        Status.Sources.Add(new SourceStatus("jp-meti-press")
        {
            DisplayName = "METI press releases",
            LastErrorClass = "blocked",
            LastError = "403 from the WAF",
            LastErrorAt = Now.AddMinutes(-20),
            LastSuccess = Now.AddDays(-1),
            ConsecutiveFailures = 4,
            CircuitState = "open",
            LatencyMs = 812,
            ItemsKnown = 57,
            SequenceGaps = ["2026 No.13"],
        });
    }

    private static Alert AlertFor(ChangeRecord record, string companyId, Severity severity, DateTimeOffset at, params AlertReason[] reasons) => new()
    {
        AlertId = Alert.IdFor(record.Change.ChangeId, companyId),
        ChangeId = record.Change.ChangeId,
        CompanyId = companyId,
        Severity = severity,
        Explanation = $"The notice concerns {companyId} because of {reasons[0].Value}.",
        Snippet = reasons[0].Snippet,
        Reasons = reasons,
        Categories = severity == Severity.High ? ["gallium"] : ["dual-use"],
        NoticeKey = record.Notice.Key,
        SourceId = record.Notice.SourceId,
        Title = record.Notice.Title,
        TitleGloss = "MOFCOM Announcement (gloss)",
        Number = record.Notice.Number,
        Url = record.Notice.CanonicalUrl,
        Published = record.Notice.Published,
        Effective = record.Notice.Effective,
        Measure = "export-ban",
        CreatedAt = at,
    };
}
