using Alerts.Cli.Hosting;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Common;

namespace Alerts.Cli.Demo;

/// <summary>What the demo did, for its summary.</summary>
internal sealed record DemoSummary(
    IReadOnlyList<(DemoStage Stage, IReadOnlyList<ChangeRecord> Changes, IReadOnlyList<string> Unhealthy)> Stages,
    IReadOnlyList<Alert> Alerts,
    string OutboxDirectory,
    int OutboxFiles,
    Uri Dashboard)
{
    /// <summary>What each company was told: the subject of every alert e-mail it got, in the order sent.</summary>
    public IReadOnlyList<(string CompanyId, IReadOnlyList<string> Subjects)> Told { get; init; } = [];

    /// <summary>Each company's digest over the whole timeline, as written to the outbox.</summary>
    public IReadOnlyList<(string CompanyId, string Path)> Digests { get; init; } = [];
}

/// <summary>
/// The first-run experience: serves the recorded pages of <c>samples/demo</c> on 127.0.0.1, and drives the real
/// pipeline (sources → changes → local bus → matching → outbox) through the 2026 China–Japan timeline with the sample
/// companies, under the embedded host that also serves the dashboard.
/// </summary>
internal sealed class DemoRunner : IAsyncDisposable
{
    private readonly RecordedSiteServer _sites;
    private readonly WebApplication _app;
    private readonly DemoClock _clock;
    private readonly DemoTimeline _timeline;
    private readonly string _dataDirectory;
    private readonly int _port;

    private DemoRunner(RecordedSiteServer sites, WebApplication app, DemoClock clock, DemoTimeline timeline, string dataDirectory, int port)
    {
        _sites = sites;
        _app = app;
        _clock = clock;
        _timeline = timeline;
        _dataDirectory = dataDirectory;
        _port = port;
    }

    public WebApplication App => _app;

    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>Starts the recorded sites and the embedded host; <paramref name="serve"/> false binds no chosen port (an ephemeral one), so a running <c>alerts run</c> does not stop the demo.</summary>
    public static async Task<DemoRunner> StartAsync(string dataDirectory, int port, bool serve, CancellationToken cancellationToken)
    {
        var demo = Path.Combine(SamplesDirectory, "demo");
        var timeline = DemoTimeline.Load(Path.Combine(demo, "timeline.json"));

        // A demo always starts from nothing, and empties only a folder a demo wrote.
        DemoFolder.Prepare(dataDirectory);

        var sites = await RecordedSiteServer.StartAsync(
            timeline.Sources.ToDictionary(s => s, s => Path.Combine(demo, "sites", s)),
            Path.Combine(demo, "stages"),
            cancellationToken).ConfigureAwait(false);
        var clock = new DemoClock(timeline.Stages[0].At);
        var configuration = new Dictionary<string, string?>();
        foreach (var source in Core.Sources.SourcesServiceCollectionExtensions.Descriptors.Select(d => d.Id))
        {
            configuration[$"Sources:{source}:Enabled"] = timeline.Sources.Contains(source) ? "true" : "false";
        }

        // Links in the demo's e-mails point where `alerts run --data <folder>` would serve them.
        configuration["Delivery:PublicBaseUrl"] = $"http://127.0.0.1:{port}";
        foreach (var (source, baseUrl) in sites.BaseUrls)
        {
            configuration[$"Sources:{source}:BaseUrl"] = baseUrl.ToString();
            configuration[$"Sources:{source}:MaxRetries"] = "0";
        }

        var app = EmbeddedHost.Build(new EmbeddedHostSettings(dataDirectory, serve ? port : 0)
        {
            Configuration = configuration,
            BackgroundLoops = false,
            MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error,
            ConfigureServices = services => services.AddSingleton<TimeProvider>(clock),
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new DemoRunner(sites, app, clock, timeline, Path.GetFullPath(dataDirectory), port);
    }

    public async Task<DemoSummary> RunAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var services = _app.Services;
        var companies = await File.ReadAllTextAsync(Path.Combine(SamplesDirectory, "companies.json"), cancellationToken).ConfigureAwait(false);
        var import = await services.GetRequiredService<SubscriptionsService>().ImportAsync(companies, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"Imported {import.Imported} sample companies from samples/companies.json.").ConfigureAwait(false);

        var polls = services.GetRequiredService<PollService>();
        var stages = new List<(DemoStage, IReadOnlyList<ChangeRecord>, IReadOnlyList<string>)>();
        for (var i = 0; i < _timeline.Stages.Count; i++)
        {
            var stage = _timeline.Stages[i];
            _clock.MoveTo(stage.At);
            _sites.UseStages(_timeline.Stages.Take(i + 1).Select(s => s.Stage));
            await progress.WriteLineAsync($"{stage.At:yyyy-MM-dd}  {stage.Title}").ConfigureAwait(false);

            var changes = new List<ChangeRecord>();
            var unhealthy = new List<string>();
            foreach (var source in _timeline.Sources)
            {
                var report = await polls.PollAsync(source, PollOptions.Default, cancellationToken).ConfigureAwait(false);
                changes.AddRange(report.Changes);
                if (!report.IsHealthy)
                {
                    unhealthy.Add($"{source}: {report.FailureClass}");
                }
            }

            foreach (var subscription in Subscriptions.All)
            {
                await services.GetRequiredService<ISubscriptionDrainer>().DrainAsync(subscription, cancellationToken).ConfigureAwait(false);
            }

            foreach (var record in changes.Where(c => c.Change.Kind != ChangeKind.Baseline))
            {
                await progress.WriteLineAsync($"            {record.Change.Kind.WireName(),-9} {record.Change.Title}").ConfigureAwait(false);
            }

            if (changes.Count > 0 && changes.All(c => c.Change.Kind == ChangeKind.Baseline))
            {
                await progress.WriteLineAsync($"            baseline: {changes.Count} notices already published; no alerts for them").ConfigureAwait(false);
            }

            stages.Add((stage, changes, unhealthy));
        }

        var alerts = await services.GetRequiredService<IAlertStore>().QueryAsync(new AlertQuery { Limit = 10_000 }, cancellationToken).ConfigureAwait(false);
        var outbox = Path.Combine(_dataDirectory, "outbox");
        var told = await ToldAsync(outbox, cancellationToken).ConfigureAwait(false);
        var digests = await WriteDigestsAsync(services, outbox, _timeline.Stages[0].At, cancellationToken).ConfigureAwait(false);
        var files = Directory.Exists(outbox) ? Directory.GetFiles(outbox).Length : 0;
        return new DemoSummary(stages, alerts, outbox, files, new Uri($"http://127.0.0.1:{_port}/dashboard")) { Told = told, Digests = digests };
    }

    /// <summary>Reads the subjects back from the e-mails in the outbox: what each company was actually sent, not what it should have been.</summary>
    private static async Task<IReadOnlyList<(string CompanyId, IReadOnlyList<string> Subjects)>> ToldAsync(string outbox, CancellationToken cancellationToken)
    {
        var sent = new List<(string Company, string Alert, DateTimeOffset Date, string Subject)>();
        foreach (var file in Directory.Exists(outbox) ? Directory.GetFiles(outbox, "*.eml") : [])
        {
            using var message = await MimeKit.MimeMessage.LoadAsync(file, cancellationToken).ConfigureAwait(false);
            if (message.Headers["X-Alerts-Kind"] == "alert" && message.Headers["X-Alerts-Company"] is { } company)
            {
                sent.Add((company, message.Headers["X-Alerts-Alert"] ?? file, message.Date, message.Subject ?? ""));
            }
        }

        return [.. sent
            .DistinctBy(m => (m.Company, m.Alert))
            .GroupBy(m => m.Company, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.OrderBy(m => m.Date).ThenBy(m => m.Subject, StringComparer.Ordinal).Select(m => $"{m.Date:yyyy-MM-dd}  {m.Subject}")]))];
    }

    /// <summary>Each company's digest over the whole timeline (a preview: nothing is sent, no cursor moves).</summary>
    private async Task<IReadOnlyList<(string CompanyId, string Path)>> WriteDigestsAsync(IServiceProvider services, string outbox, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var digests = services.GetRequiredService<IDigestService>();
        var written = new List<(string, string)>();
        foreach (var company in await services.GetRequiredService<ICompanyStore>().ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var preview = await digests.PreviewAsync(company.Id, null, new DigestPeriod(since.AddDays(-1), _clock.GetUtcNow().AddMinutes(1)), cancellationToken).ConfigureAwait(false);
            if (preview is null)
            {
                continue;
            }

            var path = Path.Combine(outbox, Infrastructure.Outbox.OutboxFiles.DigestPreviewName(company.Id, preview.Recipient));
            await File.WriteAllTextAsync(path, preview.Email.Html, cancellationToken).ConfigureAwait(false);
            written.Add((company.Id, path));
        }

        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _sites.DisposeAsync().ConfigureAwait(false);
    }
}
