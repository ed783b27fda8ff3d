using System.Text;
using Alerts.Core.Changes;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Audit;

/// <summary>Issue 19: the poll keeps a new notice's detail page, byte for byte, before it publishes the change.</summary>
public sealed class PollPageArchiveTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5005");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 1, 12, 0, TimeSpan.Zero));
    private readonly ScriptedMofcomSite _site = new() { ServeBytes = true };
    private readonly InMemorySnapshotStore _store = new();
    private readonly InMemoryPageArchive _archive = new();
    private readonly InMemoryChangeBus _bus;
    private readonly MofcomAnnouncementsSource _source;

    public PollPageArchiveTests()
    {
        _bus = new InMemoryChangeBus(_clock);
        _source = new MofcomAnnouncementsSource(_site);
    }

    private Task<PollReport> PollAsync()
    {
        _clock.Advance(TimeSpan.FromMinutes(15));
        return new PollService(new FakeSourceCatalog(_source), _store, _bus, _site, _clock, NullLogger<PollService>.Instance, _archive)
            .PollAsync(_source, Base, PollOptions.Default, CancellationToken.None);
    }

    private async Task<byte[]> DetailBytesAsync(int number)
    {
        var result = await _site.FetchAsync(new FetchRequest("test", new Uri(Base, ScriptedMofcomSite.DetailPath(number))), CancellationToken.None);
        return Encoding.UTF8.GetBytes(result.Text!);
    }

    [Fact]
    public async Task PollAsync_NewNotice_KeepsItsDetailPageBytesAndNamesThemOnTheChange()
    {
        await PollAsync();
        _site.AddNotice(30);

        var report = await PollAsync();

        var added = report.Changes.Single(c => c.Change.Kind == ChangeKind.Added);
        added.Change.NoticeKey.ShouldBe(ScriptedMofcomSite.KeyOf(30));
        var page = added.Pages.Single(p => p.Role == FetchedRole.Page);
        var expected = await DetailBytesAsync(30);
        page.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(expected)));
        (await _archive.ReadAsync(page.Sha256, CancellationToken.None)).ShouldBe(expected);
    }

    [Fact]
    public async Task PollAsync_ListingsAnswer304_KeepsNothing()
    {
        await PollAsync();
        var keptBefore = _archive.Kept.Count;

        var report = await PollAsync();

        report.Outcome.ShouldBe(FetchOutcome.NotModified);
        _archive.Kept.Count.ShouldBe(keptBefore);
    }
}
