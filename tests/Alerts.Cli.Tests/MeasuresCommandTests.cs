using System.Text.Json;
using Alerts.Cli.Hosting;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary><c>alerts measures</c> over notices stored in the embedded data folder: the real No.46 and the news copy of No.72.</summary>
public sealed class MeasuresCommandTests : IDisposable
{
    private readonly TempDirectory _data = new();

    private async Task StoreAsync()
    {
        var notices = new[] { "cn-mofcom-2024-046-us-dual-use.txt", "cn-mofcom-2025-072-suspension-news-zh-hant.txt" }
            .Select(file => RealCorpus.Documents.Single(d => d.Label.File == file))
            .Select(d => NoticeReader.Read(NoticeText.FromPlainText("cn-mofcom-announcements", d.Text, new Uri("https://corpus.invalid/" + d.Id))))
            .ToList();
        var seen = new DateTimeOffset(2025, 11, 10, 0, 0, 0, TimeSpan.Zero);
        await using var services = CliServices.Build(_data.Path);
        var store = services.GetRequiredService<ISnapshotStore>();
        var snapshot = new SourceSnapshot("cn-mofcom-announcements") with
        {
            Notices = notices.ToDictionary(n => n.Key, n => new NoticeState(n, n.BodyHash, seen, seen), StringComparer.Ordinal),
        };
        await store.SaveAsync(snapshot, [], CancellationToken.None);
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Measures_JsonInsideTheNo72Window_PrintsClause2SuspendedUntil20261127()
    {
        await StoreAsync();

        var run = await CliRunner.RunAsync("measures", "--json", "--at", "2026-01-15", "--data", _data.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        var clause = Lines(run.Output).Single(l => l.GetProperty("key").GetString() == "cn-mofcom:2024:46" && l.GetProperty("clause").GetString() == "2");
        clause.GetProperty("state").GetString().ShouldBe("suspended");
        clause.GetProperty("until").GetString().ShouldBe("2026-11-27");
        clause.GetProperty("relations")[0].GetProperty("kind").GetString().ShouldBe("suspended-by");
    }

    [Fact]
    public async Task Measures_JsonEveryLine_HasEveryField()
    {
        await StoreAsync();

        var run = await CliRunner.RunAsync("measures", "--json", "--at", "2026-11-28", "--data", _data.Path);

        var names = new[] { "key", "number", "clause", "title", "state", "since", "until", "relations" };
        var lines = Lines(run.Output);
        lines.ShouldNotBeEmpty();
        foreach (var line in lines)
        {
            line.EnumerateObject().Select(p => p.Name).ShouldBe(names, ignoreOrder: true);
        }
    }

    [Fact]
    public async Task Measures_AtNotADate_IsBadInput()
    {
        var run = await CliRunner.RunAsync("measures", "--at", "27.11.2026", "--data", _data.Path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("yyyy-MM-dd");
    }

    [Fact]
    public async Task Measures_UnknownCompany_IsBadInput()
    {
        var run = await CliRunner.RunAsync("measures", "--company", "nobody", "--data", _data.Path);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nobody");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
