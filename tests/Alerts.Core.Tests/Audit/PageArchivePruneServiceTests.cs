using System.Threading.Channels;
using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Audit;

/// <summary>Issue 19: <c>alerts run</c> prunes the page archive once at start and then daily, by the injected clock.</summary>
public sealed class PageArchivePruneServiceTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    // Bounds each wait so a broken service fails the test instead of hanging it; a pass arrives long before.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingArchive _archive = new();
    private readonly PageArchivePruneService _service;

    public PageArchivePruneServiceTests()
    {
        var pruner = new PageArchivePruner(_archive, Options.Create(new AuditOptions { RetentionDays = 30 }), _clock, NullLogger<PageArchivePruner>.Instance);
        _service = new PageArchivePruneService(pruner, _clock, NullLogger<PageArchivePruneService>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _service.StopAsync(CancellationToken.None);
        _service.Dispose();
    }

    [Fact]
    public async Task StartAsync_FirstPass_PrunesAtOnceWithTheRetentionCutoff()
    {
        await _service.StartAsync(CancellationToken.None);

        (await _archive.NextCutoffAsync()).ShouldBe(Start.AddDays(-30));
    }

    [Fact]
    public async Task ADayLater_PrunesAgainWithTheCutoffMovedOn()
    {
        await _service.StartAsync(CancellationToken.None);
        await _archive.NextCutoffAsync();

        _clock.Advance(PageArchivePruneService.Interval);

        (await _archive.NextCutoffAsync()).ShouldBe(Start.AddDays(1).AddDays(-30));
    }

    [Fact]
    public async Task FailedFirstPass_TheNextDaysPassStillRuns()
    {
        _archive.FailNext = true;
        await _service.StartAsync(CancellationToken.None);
        await _archive.NextCutoffAsync();

        _clock.Advance(PageArchivePruneService.Interval);

        (await _archive.NextCutoffAsync()).ShouldBe(Start.AddDays(1).AddDays(-30));
    }

    /// <summary>Says when a prune pass reached the archive and with which cutoff; can fail one pass.</summary>
    private sealed class RecordingArchive : IPageArchive
    {
        private readonly Channel<DateTimeOffset> _cutoffs = Channel.CreateUnbounded<DateTimeOffset>();

        public bool FailNext { get; set; }

        public async Task<DateTimeOffset> NextCutoffAsync()
        {
            using var bound = new CancellationTokenSource(Bound);
            return await _cutoffs.Reader.ReadAsync(bound.Token);
        }

        public Task<int> PruneAsync(DateTimeOffset keptBefore, CancellationToken cancellationToken)
        {
            _cutoffs.Writer.TryWrite(keptBefore);
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("storage unreachable");
            }

            return Task.FromResult(0);
        }

        public Task<ArchivedPage> KeepAsync(FetchedPage page, DateTimeOffset keptAt, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<byte[]?> ReadAsync(string sha256, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
