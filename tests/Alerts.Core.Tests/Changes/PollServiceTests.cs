using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using NSubstitute;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Changes;

public sealed class PollServiceTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeNoticeSource _site = new();
    private readonly InMemorySnapshotStore _store = new();
    private readonly InMemoryChangeBus _bus;

    public PollServiceTests()
    {
        _bus = new InMemoryChangeBus(_clock);
    }

    private static Notice Notice(int number, DateOnly? effective = null) => new NoticeBuilder()
        .WithKey($"cn-mofcom:2026:{number}")
        .With(n => n with
        {
            Number = $"商务部公告2026年第{number}号",
            Title = $"商务部公告2026年第{number}号",
            Urls = [$"https://fake.example/art/2026/{number}.html"],
        })
        .WithEffective(effective ?? new DateOnly(2026, 11, 10))
        .Build();

    private PollService Service(InMemorySnapshotStore? store = null) =>
        new(new FakeSourceCatalog(_site), store ?? _store, _bus, _site, _clock, NullLogger<PollService>.Instance);

    private Task<PollReport> PollAsync(PollService? service = null) =>
        (service ?? Service()).PollAsync(FakeNoticeSource.DefaultId, PollOptions.Default, CancellationToken.None);

    private static List<ChangeKind> Kinds(PollReport report) => report.Changes.Select(c => c.Change.Kind).ToList();

    [Fact]
    public async Task PollAsync_FirstPoll_ReturnsBaselineAndPublishesNothing()
    {
        _site.Publish(Notice(1));

        var report = await PollAsync();

        Kinds(report).ShouldBe([ChangeKind.Baseline]);
        _bus.SendAttempts.ShouldBeEmpty();
    }

    [Fact]
    public async Task PollAsync_PublishBaseline_PublishesTheBaseline()
    {
        _site.Publish(Notice(1));

        await Service().PollAsync(FakeNoticeSource.DefaultId, new PollOptions { PublishBaseline = true }, CancellationToken.None);

        _bus.Accepted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PollAsync_Unchanged_MakesOneConditionalRequestAndNoDetailFetch()
    {
        _site.Publish(Notice(1)).Publish(Notice(2));
        await PollAsync();
        var before = _site.Requests;
        var detailsBefore = _site.DetailFetches;

        var report = await PollAsync();

        (_site.Requests - before).ShouldBe(1);
        _site.DetailFetches.ShouldBe(detailsBefore);
        report.Outcome.ShouldBe(FetchOutcome.NotModified);
        report.Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task PollAsync_Sequence_AddedAmendedWithdrawnThenNothing()
    {
        _site.Publish(Notice(1)).Publish(Notice(2));
        await PollAsync();

        _site.Publish(Notice(3)).Publish(Notice(2, new DateOnly(2026, 11, 27)), listedOn: new DateOnly(2026, 11, 20)).Remove(Notice(1).CanonicalUrl);
        var kinds = new List<ChangeKind>();
        var summaries = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            var report = await PollAsync();
            kinds.AddRange(Kinds(report));
            summaries.AddRange(report.Changes.SelectMany(c => c.Change.Summary));
        }

        kinds.Order().ShouldBe([ChangeKind.Added, ChangeKind.Amended, ChangeKind.Withdrawn]);
        summaries.ShouldContain("effective 2026-11-10 → 2026-11-27");
        _bus.Accepted.Count.ShouldBe(3);
    }

    [Fact]
    public async Task PollAsync_RemovedButPageStillThere_NeverWithdraws()
    {
        _site.Publish(Notice(1)).Publish(Notice(2));
        await PollAsync();
        _site.Remove(Notice(1).CanonicalUrl, gone: false);

        for (var i = 0; i < 6; i++)
        {
            (await PollAsync()).Changes.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(FetchOutcome.ServerError)]
    [InlineData(FetchOutcome.Blocked)]
    [InlineData(FetchOutcome.Timeout)]
    public async Task PollAsync_SiteFailingAllDay_RecordsHealthAndWithdrawsNothing(FetchOutcome failure)
    {
        _site.Publish(Notice(1)).Publish(Notice(2));
        await PollAsync();
        _site.Remove(Notice(1).CanonicalUrl).Remove(Notice(2).CanonicalUrl);
        _site.FailWith = failure;

        var reports = new List<PollReport>();
        for (var i = 0; i < 144; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            reports.Add(await PollAsync());
        }

        reports.SelectMany(r => r.Changes).ShouldBeEmpty();
        reports.ShouldAllBe(r => r.Outcome == failure);
        var snapshot = await _store.LoadAsync(FakeNoticeSource.DefaultId, CancellationToken.None);
        snapshot!.LastPoll!.Outcome.ShouldBe(failure);
        snapshot.Notices.Values.ShouldAllBe(n => !n.Withdrawn && n.ConsecutiveMissing == 0);
    }

    [Fact]
    public async Task PollAsync_EmptyListingAllDay_RecordsLayoutChangedAndWithdrawsNothing()
    {
        _site.Publish(Notice(1));
        await PollAsync();
        _site.Remove(Notice(1).CanonicalUrl);
        _site.EmptyListing = true;

        var reports = new List<PollReport>();
        for (var i = 0; i < 144; i++)
        {
            reports.Add(await PollAsync());
        }

        reports.SelectMany(r => r.Changes).ShouldBeEmpty();
        reports.ShouldAllBe(r => r.Outcome == FetchOutcome.LayoutChanged);
    }

    [Fact]
    public async Task PollAsync_CrashBetweenPublishAndSave_NextPollResendsSameIdAndLosesNothing()
    {
        _site.Publish(Notice(1));
        await PollAsync();
        _site.Publish(Notice(2));
        _store.BeforeSave = _ => throw new IOException("process killed");

        var crashed = await PollAsync();
        _store.BeforeSave = null;
        var retried = await PollAsync();

        crashed.Error.ShouldNotBeNull();
        retried.Changes.Single().Change.Kind.ShouldBe(ChangeKind.Added);
        _bus.SendAttempts.Count.ShouldBe(2);
        _bus.SendAttempts.Distinct().Count().ShouldBe(1);
        _bus.Accepted.Count.ShouldBe(1);
        (await PollAsync()).Changes.ShouldBeEmpty();
    }

    [Fact]
    public async Task PollAsync_TwoConcurrentPollers_ProduceOneChangeEvent()
    {
        _site.Publish(Notice(1));
        await PollAsync();
        _site.Publish(Notice(2));
        var bothListed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        _site.DuringPoll = () =>
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                bothListed.SetResult();
            }

            return bothListed.Task;
        };

        var reports = await Task.WhenAll(PollAsync(Service()), PollAsync(Service()));

        reports.Count(r => r.Conflict).ShouldBe(1);
        reports.Sum(r => r.Changes.Count).ShouldBe(1);
        _bus.Accepted.Count.ShouldBe(1);
    }

    [Fact]
    public async Task PollAsync_GapInNumberedSeries_ReportsIt()
    {
        _site.Publish(Notice(25)).Publish(Notice(27));

        var report = await PollAsync();

        report.SequenceGaps.ShouldBe(["2026 No.26 not seen yet"]);
    }

    [Fact]
    public async Task PollAsync_SourceThrows_ReportsLayoutChangedWithoutThrowing()
    {
        var source = Substitute.For<INoticeSource>();
        source.Descriptor.Returns(_site.Descriptor);
        source.PollAsync(default!, default).ReturnsForAnyArgs<Task<SourcePollResult>>(_ => throw new InvalidOperationException("parser bug"));
        var service = new PollService(new FakeSourceCatalog(source), _store, _bus, _site, _clock, NullLogger<PollService>.Instance);

        var report = await service.PollAsync(FakeNoticeSource.DefaultId, null, CancellationToken.None);

        report.Outcome.ShouldBe(FetchOutcome.LayoutChanged);
    }
}
