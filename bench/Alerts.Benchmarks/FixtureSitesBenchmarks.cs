using System.Collections.Concurrent;
using Alerts.Core;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Alerts.Core.Common;

namespace Alerts.Benchmarks;

/// <summary>
/// A poll cycle of every source over its recorded pages (tests/fixtures), with the real adapters, parsers and change
/// detection, the in-memory store and bus, and an in-process "site" that answers conditional requests: what Alerts
/// itself costs per cycle, unchanged and with one notice amended. Requests are counted per cycle.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class FixtureSitesBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 3, 0, 0, TimeSpan.Zero);
    private RecordedPagesFetcher _site = null!;
    private PollService _polls = null!;
    private string[] _sources = [];
    private int _version;

    /// <summary>Requests the last cycle made (printed by the setup of each run; see docs/performance.md).</summary>
    public int LastCycleRequests { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _site = new RecordedPagesFetcher(Path.Combine(AppContext.BaseDirectory, "fixtures"));
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddAlertsSources(configuration)
            .AddSingleton<IPageFetcher>(_site)
            .BuildServiceProvider();
        var catalog = services.GetRequiredService<ISourceCatalog>();
        _sources = [.. catalog.All.Select(s => s.Descriptor.Id)];
        var clock = new FakeTimeProvider(Now);
        _polls = new PollService(catalog, new InMemorySnapshotStore(), new InMemoryChangeBus(clock), _site, clock, NullLogger<PollService>.Instance);
        var baseline = Cycle().GetAwaiter().GetResult();
        var baselineRequests = LastCycleRequests;
        var unchanged = Cycle().GetAwaiter().GetResult();
        var unchangedRequests = LastCycleRequests;
        var amended = CycleWithOneAmendment().GetAwaiter().GetResult();

        // Requests are not something BenchmarkDotNet reports: say them once per run.
        Console.WriteLine($"// {_sources.Length} sources — baseline: {baseline} notices, {baselineRequests} requests; unchanged: {unchanged} changes, {unchangedRequests} requests; one amendment: {amended} change(s), {LastCycleRequests} requests");
    }

    /// <summary>Every source polled; nothing changed on any site.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> UnchangedCycle() => Cycle();

    /// <summary>Every source polled; MOFCOM amended No.28 (its listing row and its effective date).</summary>
    [Benchmark]
    public Task<int> CycleWithOneAmendment()
    {
        _version++;
        _site.AmendMofcomNo28(_version);
        return Cycle();
    }

    private async Task<int> Cycle()
    {
        var before = _site.Requests;
        var changes = 0;
        foreach (var source in _sources)
        {
            changes += (await _polls.PollAsync(source, PollOptions.Default, CancellationToken.None).ConfigureAwait(false)).Changes.Count;
        }

        LastCycleRequests = _site.Requests - before;
        return changes;
    }
}

/// <summary>
/// Serves tests/fixtures as the official sites: MOFCOM's <c>site/</c> tree at its real paths, the other sources' pages
/// at the paths their adapters ask for. Answers 304 to a conditional request whose ETag still matches.
/// </summary>
internal sealed class RecordedPagesFetcher(string fixtures) : IPageFetcher
{
    private static readonly Dictionary<string, string> Pages = new(StringComparer.Ordinal)
    {
        ["cn-mofcom-spokesperson /xwfb/xwfyrth/index.html"] = "cn-mofcom-spokesperson/list.html",
        ["cn-mofcom-spokesperson /xwfb/xwfyrth/art/2026/art_0f9e8d7c6b5a49382716a5b4c3d2e1f0.html"] = "cn-mofcom-spokesperson/detail-0106.html",
        ["cn-mofcom-bis /flzc/gzjgfxwj/index.html"] = "cn-mofcom-bis/shell.html",
        ["cn-mofcom-bis /api-gateway/jpaas-publish-server/front/page/build/unit"] = "cn-mofcom-bis/api.json",
        ["cn-mofcom-bis /flzc/gzjgfxwj/art/2026/art_cddc4316cde145edb878144b2772719d.html"] = "cn-mofcom-bis/detail-11.html",
        ["cn-mofcom-exportcontrol /edi_ecms_web_front/front/column/getColumnList"] = "cn-mofcom-exportcontrol/columnlist.json",
        ["cn-mofcom-exportcontrol /article/zcfg/gnzcfg/zcfggzqd/202601/1206.html"] = "cn-mofcom-exportcontrol/detail-1206.html",
        ["cn-mofcom-exportcontrol /article/zcfg/gnzcfg/zcfggzqd/202412/1072.html"] = "cn-mofcom-exportcontrol/detail-1072.html",
        ["cn-gacc-announcements /customs/302249/302266/302267/index.html"] = "cn-gacc-announcements/list.html",
        ["jp-meti-press /press/index.html"] = "jp-meti-press/index.html",
        ["jp-meti-press /press/2026/01/20260107003.html"] = "jp-meti-press/detail-20260107003.html",
        ["jp-meti-anpo /policy/anpo/law00.html"] = "jp-meti-anpo/law00.html",
        ["jp-meti-anpo /policy/anpo/law05.html"] = "jp-meti-anpo/law05.html",
        ["jp-meti-anpo /policy/anpo/law09.html"] = "jp-meti-anpo/law09.html",
        ["jp-mofa-press-ja /mofaj/press/release/index.html"] = "jp-mofa-press-ja/index.html",
        ["jp-mofa-press-ja /mofaj/press/release/pressit_000001_03598.html"] = "jp-mofa-press-ja/detail-03598.html",
        ["jp-mofa-press-en /press/release/index.html"] = "jp-mofa-press-en/index.html",
        ["jp-mofa-press-en /press/release/pressite_000001_01398.html"] = "jp-mofa-press-en/detail-01398.html",
        ["jp-kantei-news /index-jnews.rdf"] = "jp-kantei-news/index-jnews.rdf",
        ["jp-kantei-news /jp/tyoukanpress/202601/7_a.html"] = "jp-kantei-news/tyoukanpress-7_a.html",
    };

    private const string No28 = "/zcfb/blgg/gg/2026/art/2026/art_1a0adf5de9b84cd091992669d59e10d4.html";
    private const string Index2026 = "/zcfb/blgg/gg/2026/index.html";
    private readonly ConcurrentDictionary<string, string> _amended = new(StringComparer.Ordinal);
    private int _requests;

    public int Requests => _requests;

    /// <summary>MOFCOM re-issues No.28 with another effective date and says so in its listing row.</summary>
    public void AmendMofcomNo28(int version)
    {
        var detail = Read("cn-mofcom-announcements", No28)!;
        _amended[No28] = detail.Replace("本公告自公布之日起正式实施", $"本公告自2026年7月{1 + (version % 28)}日起正式实施", StringComparison.Ordinal);
        var index = Read("cn-mofcom-announcements", Index2026)!;
        _amended[Index2026] = index.Replace("公布将20家日本实体列入关注名单的决定", $"公布将20家日本实体列入关注名单的决定（第{version}次修订）", StringComparison.Ordinal);
    }

    public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _requests);
        var text = Read(request.SourceId, request.Url.AbsolutePath);
        if (text is null)
        {
            return Task.FromResult(new FetchResult(FetchOutcome.Gone, request.Url) { StatusCode = 404 });
        }

        var etag = $"\"{ContentHash.Short(text)}\"";
        return Task.FromResult(request.ETag == etag
            ? new FetchResult(FetchOutcome.NotModified, request.Url) { StatusCode = 304, ETag = etag }
            : new FetchResult(FetchOutcome.Ok, request.Url) { StatusCode = 200, Text = text, ETag = etag, Charset = "utf-8" });
    }

    private string? Read(string sourceId, string path)
    {
        if (sourceId == "cn-mofcom-announcements" && _amended.TryGetValue(path, out var amended))
        {
            return amended;
        }

        var file = sourceId == "cn-mofcom-announcements"
            ? Path.Combine(fixtures, sourceId, "site", path.TrimStart('/'))
            : Pages.TryGetValue($"{sourceId} {path}", out var relative) ? Path.Combine(fixtures, relative) : null;
        return file is not null && File.Exists(file) ? File.ReadAllText(file) : null;
    }
}
