using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts poll --json</c> prints the notice's reading warnings with its fields.</summary>
public sealed class PollJsonWarningsTests : IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeNoticeSource _site = new();

    public PollJsonWarningsTests()
    {
        CliServices.TestOverrides = services =>
        {
            services.AddSingleton<ISourceCatalog>(new FakeSourceCatalog(_site));
            services.AddSingleton<IPageFetcher>(_site);
        };
    }

    public void Dispose()
    {
        CliServices.TestOverrides = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task Poll_NoticeWithWarnings_PrintsThemInTheJsonLine()
    {
        _site.Publish(new NoticeBuilder().With(n => n with { Warnings = ["The text states 20 entities; 19 were read."] }).Build());

        var (exitCode, output, error) = await CliRunner.RunAsync("poll", "--once", "--data", _data.Path, "--json");

        exitCode.ShouldBe(0, error);
        var line = JsonDocument.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]).RootElement;
        line.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldBe(["The text states 20 entities; 19 were read."]);
        line.GetProperty("summary").ValueKind.ShouldBe(JsonValueKind.Array);
    }
}
