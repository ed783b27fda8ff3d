using Alerts.Core.Api;
using Alerts.Core.Messaging;
using Alerts.Core.Dashboard;
using Alerts.Core.Ops;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Changes;
using Alerts.Core.Sources;

namespace Alerts.Core.Tests.Dashboard;

public sealed class DashboardRendererTests : IDisposable
{
    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public DashboardRendererTests()
    {
        _services = _world.BuildServices();
    }

    public void Dispose() => _services.Dispose();

    private DashboardHandlers Handlers => _services.GetRequiredService<DashboardHandlers>();

    [Fact]
    public async Task DashboardAsync_RejectedChannel_ShowsItUnhealthyWithTheReason()
    {
        _services.GetRequiredService<ChannelHealth>()
            .ReportRejected(ChannelHealth.Teams, "wh-abc", "webhook wh-abc answered HTTP 404: the workflow was turned off or deleted");

        var html = (await Handlers.DashboardAsync(null, CancellationToken.None)).Text!;

        html.ShouldContain("<tr data-testid=\"channel-teams\"><th scope=\"row\">teams</th><td><span class=\"status bad\">unhealthy</span>");
        html.ShouldContain("webhook wh-abc answered HTTP 404: the workflow was turned off or deleted");
        html.ShouldContain("<tr data-testid=\"channel-email\"><th scope=\"row\">email</th><td><span class=\"status ok\">ok</span>");
    }

    [Fact]
    public async Task DashboardAsync_HostileTitle_IsEncoded()
    {
        var html = (await Handlers.DashboardAsync(null, CancellationToken.None)).Text!;

        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<b>bad</b>");
    }

    [Fact]
    public async Task DashboardAsync_DeadLetterIdWithASlash_IsOneEncodedSegmentInTheReplayForm()
    {
        var html = (await Handlers.DashboardAsync(null, CancellationToken.None)).Text!;

        html.ShouldContain("action=\"/dashboard/deadletters/email%2Fdl-2/replay\"");
        html.ShouldNotContain("/dashboard/deadletters/email/dl-2/");
    }

    [Fact]
    public async Task DashboardAsync_IsSelfContainedAndRefreshes()
    {
        var html = (await Handlers.DashboardAsync(null, CancellationToken.None)).Text!;

        html.ShouldContain("<meta http-equiv=\"refresh\" content=\"60\">");
        html.ShouldContain("<svg");
        html.ShouldNotContain("src=\"http");
        html.ShouldNotContain("<link");
        html.ShouldNotContain("<script");
    }

    [Fact]
    public async Task BuildModelAsync_CountsMatchTheStores()
    {
        var model = await Handlers.BuildModelAsync(CancellationToken.None);

        model.AlertsBySeverity.Values.Sum().ShouldBe(_world.Alerts.All.Count);
        model.ChangesPerDay.Sum(d => d.Count).ShouldBe(_world.Changes.All.Count);
        model.ChangesPerDay.Count.ShouldBe(DashboardModel.ChangeDays);
        model.Sources.Single(s => s.Id == "jp-meti-press").ConsecutiveFailures.ShouldBe(4);
    }

    [Fact]
    public async Task ChangeAsync_NoStoredDiffButPreviousVersion_HighlightsTheChangedDigits()
    {
        var html = (await Handlers.ChangeAsync(_world.ComputedDiffChange.Change.ChangeId, CancellationToken.None)).Text!;

        html.ShouldContain("<del>10</del><ins>27</ins>");
    }

    [Fact]
    public async Task ChangeAsync_StoredDiffAndPreviousVersion_ShowsTheEngineSegmentsNotTheStoredMarkers()
    {
        var html = (await Handlers.ChangeAsync(_world.StoredDiffChange.Change.ChangeId, CancellationToken.None)).Text!;

        html.ShouldContain("<del>懸念</del><ins>遺憾の意</ins>");
        html.ShouldNotContain("{+");
    }

    [Fact]
    public async Task CompanyAlertsAsync_OtherCompanysKey_AnswersLikeAnUnknownCompany()
    {
        var other = await Handlers.CompanyAlertsAsync(ApiTestWorld.CompanyB, _world.KeyA, CancellationToken.None);
        var unknown = await Handlers.CompanyAlertsAsync("nobody", _world.KeyA, CancellationToken.None);

        other.StatusCode.ShouldBe(404);
        other.Text!.Replace(ApiTestWorld.CompanyB, "X").ShouldBe(unknown.Text!.Replace("nobody", "X"));
    }

    [Fact]
    public async Task ReplayFromFormAsync_CompanyKey_IsForbiddenAndReplaysNothing()
    {
        var result = await Handlers.ReplayFromFormAsync("dl-1", _world.KeyA, CancellationToken.None);

        result.StatusCode.ShouldBe(403);
        _world.DeadLetters.Replayed.ShouldBeEmpty();
    }

    [Fact]
    public void Renderer_WithBasePath_PrefixesLinks()
    {
        var html = new DashboardRenderer("/api/ui").Message("t", "x");

        html.ShouldContain("href=\"/api/ui/dashboard\"");
    }
}

/// <summary>Issue 14 and 15 item 8: the dashboard's first screen and its unknowns, rendered from a model.</summary>
public sealed class DashboardFirstScreenTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    private static string Render(DashboardModel model) => new DashboardRenderer().Dashboard(model);

    [Fact]
    public void Dashboard_DepthsUnknown_SaysUnknownAndWhy()
    {
        var html = Render(new DashboardModel(Now) { Queues = [new QueueDepth("email", null, null)] });

        html.ShouldContain("data-testid=\"queue-email-active\">unknown<");
        html.ShouldContain("data-testid=\"queues-unknown\"");
    }

    [Fact]
    public void Dashboard_NothingWrong_SaysSo()
    {
        var html = Render(new DashboardModel(Now) { Sources = [new SourceStatus("cn-mofcom-announcements") { Outcome = "ok", LastSuccess = Now.AddMinutes(-5) }] });

        html.ShouldContain("data-testid=\"all-clear\"");
    }

    [Fact]
    public void Dashboard_HealthySourceWithoutSuccessForThreeIntervals_IsStale()
    {
        var source = new SourceStatus("cn-mofcom-announcements") { Outcome = "ok", LastSuccess = Now.AddHours(-4), PollInterval = TimeSpan.FromHours(1) };

        var html = Render(new DashboardModel(Now) { Sources = [source] });

        html.ShouldContain("data-testid=\"problem-stale-cn-mofcom-announcements\"");
        html.ShouldNotContain("data-testid=\"all-clear\"");
    }

    // Issue 12 item 1: a healthy poll that left a row unread says so in the source's health.
    [Fact]
    public void Dashboard_HealthySourceWithAnUnreadRow_ShowsItsNote()
    {
        const string note = "1 row unread since 2026-11-28 09:12 UTC: server-error HTTP 503 (https://www.mofcom.gov.cn/a.html, 1 attempt(s))";
        var source = new SourceStatus("cn-mofcom-announcements") { Outcome = "ok", LastSuccess = Now.AddMinutes(-5), Notes = [note] };

        var html = Render(new DashboardModel(Now) { Sources = [source] });

        html.ShouldContain("data-testid=\"note-cn-mofcom-announcements\">" + System.Net.WebUtility.HtmlEncode(note) + "<");
    }

    [Fact]
    public void Dashboard_DisabledSource_IsNotAProblem()
    {
        var html = Render(new DashboardModel(Now) { Sources = [new SourceStatus("jp-kantei-news") { Outcome = "disabled", Enabled = false }] });

        html.ShouldContain(">disabled<");
        html.ShouldContain("data-testid=\"all-clear\"");
    }

    [Fact]
    public void Dashboard_FailingSource_SaysWhyAndSinceWhen()
    {
        var source = new SourceStatus("jp-meti-press")
        {
            Outcome = "blocked", LastError = "HTTP 403 AWS WAF challenge", LastErrorAt = Now.AddMinutes(-30),
            FailingSince = Now.AddHours(-2), ConsecutiveFailures = 4,
        };

        var html = Render(new DashboardModel(Now) { Sources = [source] });

        var problem = Between(html, "data-testid=\"problem-source-jp-meti-press\"", "</li>");
        problem.ShouldContain("blocked");
        problem.ShouldContain("failing since 2026-06-15 07:00 UTC (4 polls in a row)");
        problem.ShouldContain("HTTP 403 AWS WAF challenge");
    }

    [Fact]
    public void Dashboard_WhatIsWrong_ComesBeforeRecentChangesTablesAndCharts()
    {
        var html = Render(new DashboardModel(Now)
        {
            Sources = [new SourceStatus("jp-meti-press") { Outcome = "blocked", FailingSince = Now.AddHours(-1) }],
            DeadLetters = [new DeadLetter("dl-9", "email", "change-1", "MaxDeliveryCountExceeded", "bad payload", 10, Now.AddHours(-4), "{}")],
        });

        var attention = html.IndexOf("data-testid=\"attention\"", StringComparison.Ordinal);
        var replay = html.IndexOf("/dashboard/deadletters/dl-9/replay", StringComparison.Ordinal);
        var sources = html.IndexOf("data-testid=\"source-jp-meti-press\"", StringComparison.Ordinal);
        var charts = html.IndexOf("data-testid=\"changes-total\"", StringComparison.Ordinal);
        attention.ShouldBeGreaterThan(-1);
        replay.ShouldBeGreaterThan(attention, "the dead letter's Replay is in the first section");
        replay.ShouldBeLessThan(html.IndexOf("</section>", attention, StringComparison.Ordinal));
        sources.ShouldBeGreaterThan(replay);
        charts.ShouldBeGreaterThan(sources, "charts last");
    }

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        from.ShouldBeGreaterThan(-1, start);
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}

/// <summary>Issue 15 item 8: a source switched off (<c>Sources:{id}:Enabled=false</c>) showed as <c>never-polled</c>.</summary>
public sealed class DashboardDisabledSourceTests : IDisposable
{
    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public DashboardDisabledSourceTests()
    {
        var services = _world.Register(new ServiceCollection().AddLogging());
        services.AddSingleton<ISourceCatalog>(new OneDisabledCatalog(new FakeNoticeSource("fake-on"), new FakeNoticeSource("fake-off")));
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task DashboardAsync_DisabledSourceNeverPolled_SaysDisabled()
    {
        var html = (await _services.GetRequiredService<DashboardHandlers>().DashboardAsync(null, CancellationToken.None)).Text!;

        var off = html[html.IndexOf("data-testid=\"source-fake-off\"", StringComparison.Ordinal)..];
        off[..off.IndexOf("</tr>", StringComparison.Ordinal)].ShouldContain(">disabled<");
        var on = html[html.IndexOf("data-testid=\"source-fake-on\"", StringComparison.Ordinal)..];
        on[..on.IndexOf("</tr>", StringComparison.Ordinal)].ShouldContain(">never-polled<");
        html.ShouldNotContain("data-testid=\"problem-source-fake-off\"");
    }

    private sealed class OneDisabledCatalog(params INoticeSource[] sources) : ISourceCatalog
    {
        private readonly FakeSourceCatalog _inner = new(sources);

        public IReadOnlyList<INoticeSource> All => _inner.All;

        public INoticeSource? Find(string sourceId) => _inner.Find(sourceId);

        public Uri BaseUrlOf(string sourceId) => _inner.BaseUrlOf(sourceId);

        public string ScheduleOf(string sourceId) => _inner.ScheduleOf(sourceId);

        public bool IsEnabled(string sourceId) => sourceId != "fake-off";
    }
}
