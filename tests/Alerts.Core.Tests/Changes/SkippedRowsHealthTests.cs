using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Changes;

/// <summary>
/// Issue 15 item 5 over the MOFCOM announcements fixture site through the real adapter, detector and poll service: a
/// dated listing row whose link has an unexpected shape is not dropped without a word; the source's health names it.
/// </summary>
public sealed class SkippedRowsHealthTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");
    private static readonly string OddRow = new Uri(Base, "/zcfb/blgg/gg/2026/202607/20260701093000.shtml").ToString();

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 12, 0, TimeSpan.Zero));
    private readonly ScriptedMofcomSite _site = new();
    private readonly InMemorySnapshotStore _store = new();
    private readonly MofcomAnnouncementsSource _source;
    private readonly PollService _service;

    public SkippedRowsHealthTests()
    {
        _source = new MofcomAnnouncementsSource(_site);
        _service = new PollService(new FakeSourceCatalog(_source), _store, new InMemoryChangeBus(_clock), _site, _clock, NullLogger<PollService>.Instance);
    }

    private async Task<PollReport> PollAsync()
    {
        _clock.Advance(TimeSpan.FromMinutes(15));
        return await _service.PollAsync(_source, Base, PollOptions.Default, CancellationToken.None);
    }

    private async Task<IReadOnlyList<string>> NotesAsync() =>
        SourceHealthNotes.Of((await _store.LoadAsync(MofcomAnnouncementsSource.Id, CancellationToken.None))!);

    [Fact]
    public async Task Notes_DatedRowWithAnUnexpectedLinkShape_NameTheRowInTheSourcesHealth()
    {
        await PollAsync();
        _site.AddForeignRow(OddRow);

        var report = await PollAsync();

        report.Outcome.ShouldBe(FetchOutcome.Ok);
        (await NotesAsync()).ShouldContain(n => n.Contains("1 dated row(s) skipped", StringComparison.Ordinal) && n.Contains(OddRow, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthReader_DatedRowWithAnUnexpectedLinkShape_ReachesTheHealthSummary()
    {
        await PollAsync();
        _site.AddForeignRow(OddRow);
        await PollAsync();

        var health = await new SnapshotHealthReader(_store).ReadAsync(CancellationToken.None);

        health.Single(h => h.Id == MofcomAnnouncementsSource.Id).Notes.ShouldContain(n => n.Contains(OddRow, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notes_ListingAnswers304_KeepTheSkippedRow()
    {
        await PollAsync();
        _site.AddForeignRow(OddRow);
        await PollAsync();

        var unchanged = await PollAsync();

        unchanged.Outcome.ShouldBe(FetchOutcome.NotModified);
        (await NotesAsync()).ShouldContain(n => n.Contains(OddRow, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notes_RowTakenOffTheListing_NoLongerNameIt()
    {
        await PollAsync();
        _site.AddForeignRow(OddRow);
        await PollAsync();
        _site.ClearForeignRows();

        await PollAsync();

        (await NotesAsync()).ShouldNotContain(n => n.Contains("skipped", StringComparison.Ordinal));
    }
}
