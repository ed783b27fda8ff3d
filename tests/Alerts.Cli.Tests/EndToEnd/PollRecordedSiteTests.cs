using System.Text.Json;
using Alerts.Cli.Demo;
using Alerts.Cli.Hosting;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 3's acceptance as a test: <c>alerts poll --once --source cn-mofcom-announcements --source-url …=http://127.0.0.1:port
/// --json</c> with the real adapter against the recorded site prints the notices, and the same command again prints
/// nothing and exits 0.
/// </summary>
public sealed class PollRecordedSiteTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("alerts-poll");
    private readonly FixtureSite _site = new();
    private RecordedSiteServer _server = null!;

    public PollRecordedSiteTests()
    {
        // The annual index path depends on the year: poll as of mid-2026, whatever today is. (Set here, not in
        // InitializeAsync: the override is an AsyncLocal and must flow into the test method.)
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 3, 0, 0, TimeSpan.Zero));
        CliServices.TestOverrides = services => services.AddSingleton<TimeProvider>(clock);
    }

    public async Task InitializeAsync() =>
        _server = await RecordedSiteServer.StartAsync(new Dictionary<string, string> { [FixtureSite.SourceId] = _site.Folder }, null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        CliServices.TestOverrides = null;
        await _server.DisposeAsync();
        _site.Dispose();
        _data.Dispose();
    }

    private Task<(int ExitCode, string Output, string Error)> PollAsync() => CliRunner.RunAsync(
        "poll", "--once", "--source", FixtureSite.SourceId,
        "--source-url", $"{FixtureSite.SourceId}={_server.BaseUrls[FixtureSite.SourceId]}",
        "--data", _data.Path, "--json");

    [Fact]
    public async Task Poll_RecordedSite_PrintsEveryNoticeThenNothing()
    {
        var first = await PollAsync();
        var second = await PollAsync();

        first.ExitCode.ShouldBe(0, first.Error);
        var lines = first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        lines.Select(l => l.GetProperty("noticeKey").GetString()).ShouldBe(
            ["cn-mofcom:2026:1", "cn-mofcom:2026:11", "cn-mofcom:2026:12", "cn-mofcom:2026:25", "cn-mofcom:2026:27", "cn-mofcom:2026:28", "cn-mofcom-customs:2025:18", "cn-uel:2025:7"],
            ignoreOrder: true);
        lines.ShouldAllBe(l => l.GetProperty("kind").GetString() == "baseline");
        var no11 = lines.Single(l => l.GetProperty("noticeKey").GetString() == "cn-mofcom:2026:11");
        no11.GetProperty("measure").GetString().ShouldBe("control-list-addition");
        no11.GetProperty("published").GetString().ShouldBe("2026-02-24");
        no11.GetProperty("entities").GetArrayLength().ShouldBe(20);
        second.ExitCode.ShouldBe(0, second.Error);
        second.Output.ShouldBeEmpty();
    }
}
