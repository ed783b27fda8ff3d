using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary>The <c>poll</c> and <c>sources</c> verbs over a scripted source (the real adapters are tested with their fixtures).</summary>
public sealed class PollCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeNoticeSource _site = new();

    public PollCommandTests()
    {
        CliServices.TestOverrides = services =>
        {
            services.AddSingleton<ISourceCatalog>(new FakeSourceCatalog(_site));
            services.AddSingleton<IPageFetcher>(_site);
        };
    }

    private static Notice Notice(int number, DateOnly effective) => new NoticeBuilder()
        .WithKey($"cn-mofcom:2026:{number}")
        .With(n => n with { Number = $"商务部公告2026年第{number}号", Title = $"商务部公告2026年第{number}号", Urls = [$"https://fake.example/art/{number}.html"] })
        .WithEffective(effective)
        .WithEntities(new ListedEntity("三菱造船株式会社", "Mitsubishi Heavy Industries Shipbuilding Co."))
        .Build();

    private Task<(int ExitCode, string Output, string Error)> PollAsync(params string[] extra) =>
        CliRunner.RunAsync(["poll", "--once", "--data", _data.Path, "--json", .. extra]);

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Poll_FirstThenSame_PrintsBaselineThenNothing()
    {
        _site.Publish(Notice(1, new DateOnly(2026, 1, 6)));

        var first = await PollAsync();
        var second = await PollAsync();

        first.ExitCode.ShouldBe(0);
        var line = Lines(first.Output).Single();
        line.GetProperty("kind").GetString().ShouldBe("baseline");
        line.GetProperty("noticeKey").GetString().ShouldBe("cn-mofcom:2026:1");
        line.GetProperty("effective").GetString().ShouldBe("2026-01-06");
        line.GetProperty("measure").GetString().ShouldBe("export-ban");
        line.GetProperty("destinations")[0].GetString().ShouldBe("JP");
        line.GetProperty("entities")[0].GetProperty("nameEn").GetString().ShouldBe("Mitsubishi Heavy Industries Shipbuilding Co.");
        line.GetProperty("changeId").GetString().ShouldNotBeNullOrEmpty();
        second.ExitCode.ShouldBe(0);
        second.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_SiteChangesBetweenRuns_PrintsAddedAmendedWithdrawnThenNothing()
    {
        _site.Publish(Notice(1, new DateOnly(2026, 11, 10))).Publish(Notice(2, new DateOnly(2026, 11, 10)));
        await PollAsync();
        _site.Publish(Notice(3, new DateOnly(2026, 12, 1)))
            .Publish(Notice(2, new DateOnly(2026, 11, 27)), listedOn: new DateOnly(2026, 11, 20))
            .Remove("https://fake.example/art/1.html");

        var kinds = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var run = await PollAsync();
            run.ExitCode.ShouldBe(0);
            kinds.AddRange(Lines(run.Output).Select(l => l.GetProperty("kind").GetString()!));
        }

        kinds.Order(StringComparer.Ordinal).ShouldBe(["added", "amended", "withdrawn"]);
        (await PollAsync()).Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_BlockedSource_Exits3WithIdAndClassOnStderr()
    {
        _site.FailWith = FetchOutcome.Blocked;

        var run = await PollAsync();

        run.ExitCode.ShouldBe(3);
        run.Error.Trim().ShouldStartWith("fake-source: blocked");
        run.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task Poll_UnknownSource_Exits2()
    {
        var run = await PollAsync("--source", "nope");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nope");
    }

    [Fact]
    public async Task Poll_WithoutJson_PrintsATable()
    {
        _site.Publish(Notice(1, new DateOnly(2026, 1, 6)));

        var run = await CliRunner.RunAsync("poll", "--once", "--data", _data.Path);

        run.Output.ShouldContain("KIND");
        run.Output.ShouldContain("baseline");
        run.Output.ShouldContain("cn-mofcom:2026:1");
    }

    [Fact]
    public async Task Sources_AfterAPoll_ShowsHealthItemsAndGaps()
    {
        _site.Publish(Notice(25, new DateOnly(2026, 1, 6))).Publish(Notice(27, new DateOnly(2026, 1, 6)));
        await PollAsync();

        var run = await CliRunner.RunAsync("sources", "--json", "--data", _data.Path);

        var line = Lines(run.Output).Single();
        line.GetProperty("id").GetString().ShouldBe("fake-source");
        line.GetProperty("health").GetString().ShouldBe("ok");
        line.GetProperty("itemsKnown").GetInt32().ShouldBe(2);
        line.GetProperty("sequenceGaps")[0].GetString().ShouldBe("2026 No.26 not seen yet");
        line.GetProperty("schedule").GetString().ShouldBe("0 */10 * * * *");
    }

    [Fact]
    public async Task Sources_NeverPolled_SaysSoInTheTable()
    {
        var run = await CliRunner.RunAsync("sources", "--data", _data.Path);

        run.Output.ShouldContain("fake-source");
        run.Output.ShouldContain("never-polled");
    }

    [Fact]
    public async Task SourcesConfirmShrink_UnknownSource_ExitsTwoNamingIt()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("sources", "confirm-shrink", "no-such-source", "--data", _data.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown source 'no-such-source'");
    }

    [Fact]
    public async Task SourcesConfirmShrink_NoSuspectListing_ExitsTwoAndSaysNothingChanged()
    {
        _site.Publish(Notice(1, new DateOnly(2026, 1, 6)));
        await PollAsync();

        var (exitCode, _, error) = await CliRunner.RunAsync("sources", "confirm-shrink", FakeNoticeSource.DefaultId, "--data", _data.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("no listing of fake-source is suspect; nothing changed");
    }

    public void Dispose()
    {
        CliServices.TestOverrides = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
