using System.Net;
using System.Net.Sockets;
using Alerts.Testing;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary><c>alerts demo --no-serve</c>: the first-run experience runs the real pipeline and says what it did.</summary>
public sealed class DemoCommandTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new("alerts-demo");
    private (int ExitCode, string Output, string Error) _run;

    private string Outbox => Path.Combine(_data.Path, "outbox");

    public async Task InitializeAsync() =>
        _run = await CliRunner.RunAsync("demo", "--no-serve", "--data", _data.Path, "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task DisposeAsync()
    {
        _data.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Demo_ExitsZeroWithASummary()
    {
        _run.ExitCode.ShouldBe(0, _run.Error);
        _run.Output.ShouldContain("Summary");
        // Under --no-serve nothing is served: the summary names no dashboard (issue 15 item 10).
        _run.Output.ShouldNotContain("dashboard:");
    }

    [Fact]
    public void Demo_PrintsTheSubjectsEachCompanyWasSent()
    {
        var told = _run.Output[_run.Output.IndexOf("What each company was told", StringComparison.Ordinal)..];
        var sakura = told[told.IndexOf("  sakura-trading", StringComparison.Ordinal)..told.IndexOf("  skyline-drones", StringComparison.Ordinal)];

        sakura.ShouldContain("2026-02-24  ");
        sakura.ShouldContain("MOFCOM Announcement No. 12 of 2026: Decision to add 20 Japan entities to the Watch List");
        told.ShouldNotContain("豌豆淀粉");
    }

    [Fact]
    public void Demo_WritesADigestPerCompanyAndPrintsTheAdminKey()
    {
        Directory.GetFiles(Outbox, "digest-preview-sakura-trading-*.html").ShouldHaveSingleItem();
        File.ReadAllText(Directory.GetFiles(Outbox, "digest-preview-sakura-trading-*.html")[0]).ShouldContain("Watch List");
        _run.Output.ShouldMatch(@"Admin API key \(shown once; only its hash is stored\): \S+");
    }

    [Fact]
    public void Demo_WalksTheTimelineToNo28()
    {
        _run.Output.ShouldContain("商务部公告2026年第1号");
        _run.Output.ShouldContain("商务部公告2026年第28号");
        _run.Output.ShouldContain("中国による対日両用品目輸出管理措置の強化について（抗議）");
    }

    [Fact]
    public void Demo_AlertsTheSampleCompanyWatchingRareEarths()
    {
        _run.Output.ShouldMatch(@"(?m)^\s+sakura-trading\s+\d+ (critical|high)");
    }

    [Fact]
    public void Demo_WritesEmailsAndCardsToTheOutbox()
    {
        Directory.GetFiles(Outbox, "*.eml").ShouldNotBeEmpty();
        Directory.GetFiles(Outbox, "teams-*.json").ShouldNotBeEmpty();
    }

    [Fact]
    public void Demo_IrrelevantAntiDumpingRuling_ReachesNobody() =>
        Directory.GetFiles(Outbox).ShouldNotContain(f => File.ReadAllText(f).Contains("豌豆淀粉"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
