using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Testing;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Benchmarks;

/// <summary>
/// One poll cycle of one source with 50 known notices (load → poll → detect → publish → save), over the scripted
/// source and the in-memory store and bus: the cost of change detection itself, without network or disk.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PollCycleBenchmarks
{
    private const int Notices = 50;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private FakeNoticeSource _site = null!;
    private PollService _polls = null!;
    private Notice _amended = null!;
    private int _version;

    [GlobalSetup]
    public void Setup()
    {
        _site = new FakeNoticeSource();
        for (var n = 1; n <= Notices; n++)
        {
            _site.Publish(Notice(n, 0));
        }

        _amended = Notice(Notices, 0);
        _polls = new PollService(new FakeSourceCatalog(_site), new InMemorySnapshotStore(), new InMemoryChangeBus(_clock), _site, _clock, NullLogger<PollService>.Instance);
        _polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The site answers 304: one conditional request, no detail fetch, nothing to publish.</summary>
    [Benchmark(Baseline = true)]
    public Task<PollReport> UnchangedPoll() => _polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);

    /// <summary>One notice re-issued with a new effective date and one changed sentence: diff, summary, publish, save.</summary>
    [Benchmark]
    public Task<PollReport> PollWithOneAmendment()
    {
        _version++;
        _site.Publish(Notice(Notices, _version), listedOn: new DateOnly(2026, 1, 1).AddDays(_version % 300));
        return _polls.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);
    }

    private static Notice Notice(int number, int version) => new NoticeBuilder()
        .WithKey($"cn-mofcom:2026:{number}")
        .With(n => n with
        {
            Number = $"商务部公告2026年第{number}号",
            Urls = [$"https://fake.example/art/2026/{number}.html"],
            Body = string.Concat(Enumerable.Repeat("根据《中华人民共和国出口管制法》等法律法规，为维护国家安全和利益，决定对相关两用物项实施出口管制。", 30))
                + $"本公告自2026年11月{10 + (version % 18)}日起施行。",
        })
        .WithEffective(new DateOnly(2026, 11, 10 + (version % 18)))
        .Build();
}
