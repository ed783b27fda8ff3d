using Alerts.Cli.Demo;
using Alerts.Core.Changes;
using Alerts.Core.Ops;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 17 under <c>alerts run</c>'s embedded host: the scheduler's polls carry the revalidation on its own schedule,
/// so an effective date corrected on No.27's page, with no listing change, becomes an amended change.
/// </summary>
public sealed class RevalidationRunTests : IAsyncLifetime
{
    private const string No27Page = "zcfb/blgg/gg/2026/art/2026/art_df87be14c2b34e6b9a0e4f5d3c2b1a70.html";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _data = new("alerts-run-revalidate");
    private readonly FixtureSite _site = new();
    private RecordedSiteServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await RecordedSiteServer.StartAsync(
            new Dictionary<string, string> { [FixtureSite.SourceId] = _site.Folder }, null, conditional: true, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _site.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task Run_EffectiveDateCorrectedWithoutListingChange_IsAmendedByARevalidation()
    {
        await using var host = await FixtureSiteRun.StartAsync(
            _data.Path,
            _server,
            new DateTimeOffset(2026, 7, 2, 3, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?> { [$"Sources:{FixtureSite.SourceId}:RevalidateSchedule"] = "*/3 * * * * *" });
        var health = host.Services.GetRequiredService<HealthService>();
        var store = host.Services.GetRequiredService<ISnapshotStore>();
        await WaitUntilAsync(async () => (await health.CheckAsync(CancellationToken.None)).Sources.Any(s => s.Id == FixtureSite.SourceId && s.Outcome == "ok"));

        var path = Path.Combine(_site.Folder, No27Page);
        var text = await File.ReadAllTextAsync(path);
        text.ShouldContain("本公告自公布之日起正式实施。");
        await File.WriteAllTextAsync(path, text.Replace("本公告自公布之日起正式实施。", "本公告自2026年7月15日起正式实施。", StringComparison.Ordinal));

        await WaitUntilAsync(async () => (await store.ListChangesAsync(null, 100, CancellationToken.None)).Any(c => c.Kind == ChangeKind.Amended));
        await host.StopAsync();

        var amended = (await store.ListChangesAsync(null, 100, CancellationToken.None)).Where(c => c.Kind == ChangeKind.Amended).ToList();
        var change = amended.ShouldHaveSingleItem();
        change.NoticeKey.ShouldBe("cn-mofcom:2026:27");
        change.Summary.ShouldContain("effective 2026-06-29 → 2026-07-15");
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => FixtureSiteRun.WaitUntilAsync(condition, Patience, TimeSpan.FromMilliseconds(100));
}
