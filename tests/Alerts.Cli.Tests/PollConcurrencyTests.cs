using Alerts.Cli.Hosting;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary>Issue 15 item 6: <c>alerts poll --once</c> polls its sources at once, not one after another.</summary>
public sealed class PollConcurrencyTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task PollOnce_TwoSources_ArePolledAtTheSameTime()
    {
        // Each source's poll waits, inside its poll, until the other's has started: polled one after another, the first
        // would time out waiting (and the poll fail); polled at once, both pass.
        var first = new FakeNoticeSource("fake-first").Publish(Notice("first"));
        var second = new FakeNoticeSource("fake-second").Publish(Notice("second"));
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.DuringPoll = async () =>
        {
            firstStarted.TrySetResult();
            await secondStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };
        second.DuringPoll = async () =>
        {
            secondStarted.TrySetResult();
            await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };
        CliServices.TestOverrides = services =>
        {
            services.AddSingleton<ISourceCatalog>(new FakeSourceCatalog(first, second));
            services.AddSingleton<IPageFetcher>(first);
        };

        var (exitCode, _, error) = await CliRunner.RunAsync("poll", "--once", "--data", _data.Path);

        exitCode.ShouldBe(0, error);
        firstStarted.Task.IsCompleted.ShouldBeTrue();
        secondStarted.Task.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task PollOnce_OnATerminal_PrintsAProgressLinePerSource()
    {
        var first = new FakeNoticeSource("fake-first").Publish(Notice("first"));
        var second = new FakeNoticeSource("fake-second").Publish(Notice("second"));
        CliServices.TestOverrides = services =>
        {
            services.AddSingleton<ISourceCatalog>(new FakeSourceCatalog(first, second));
            services.AddSingleton<IPageFetcher>(first);
        };
        Alerts.Cli.Commands.PollCommand.TestProgress = true;

        var (exitCode, _, error) = await CliRunner.RunAsync("poll", "--once", "--data", _data.Path);

        exitCode.ShouldBe(0, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldContain(l => l.StartsWith("fake-first: ok,", StringComparison.Ordinal), error);
        lines.ShouldContain(l => l.StartsWith("fake-second: ok,", StringComparison.Ordinal), error);
    }

    private static Alerts.Core.Notices.Notice Notice(string name) => new NoticeBuilder()
        .WithKey($"fake:{name}:1")
        .With(n => n with { Title = $"Notice of {name}", Urls = [$"https://fake.example/{name}/1.html"] })
        .Build();

    public void Dispose()
    {
        CliServices.TestOverrides = null;
        Alerts.Cli.Commands.PollCommand.TestProgress = false;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
