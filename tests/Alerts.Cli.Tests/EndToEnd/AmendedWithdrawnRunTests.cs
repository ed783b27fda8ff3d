using Alerts.Cli.Demo;
using Alerts.Cli.Hosting;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// Issue 15, item 1, over a fixture site edited under the embedded host of <c>alerts run</c> with samples/companies.json:
/// No.1 (the dual-use ban on Japan, matched by every company shipping to Japan) is amended by a clause on flight
/// controllers (飞控), which only skyline-drones watches; No.28 (a watch list) is taken off the listing and its page removed.
/// </summary>
public sealed class AmendedWithdrawnRunTests : IAsyncLifetime
{
    private const string No1Page = "zcfb/zgdwjjmywg/art/2026/art_5eb791b008284131855c37cc70d84e26.html";
    private const string No28Page = "zcfb/blgg/gg/2026/art/2026/art_1a0adf5de9b84cd091992669d59e10d4.html";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _data = new("alerts-run-amend");
    private readonly FixtureSite _site = new();
    private RecordedSiteServer _server = null!;

    private string Outbox => Path.Combine(_data.Path, "outbox");

    public async Task InitializeAsync() =>
        _server = await RecordedSiteServer.StartAsync(new Dictionary<string, string> { [FixtureSite.SourceId] = _site.Folder }, null, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _site.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task EditedSite_AmendedAndWithdrawnNoticesAreToldAsSuch_AndAnUntouchedCompanyGetsNoEmail()
    {
        await using var host = await StartHostAsync();
        await host.Services.GetRequiredService<SubscriptionsService>()
            .ImportAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "companies.json")), CancellationToken.None);
        var health = host.Services.GetRequiredService<HealthService>();
        var alerts = host.Services.GetRequiredService<IAlertStore>();
        await WaitUntilAsync(async () => (await health.CheckAsync(CancellationToken.None)).Sources.Any(s => s.Id == FixtureSite.SourceId && s.Outcome == "ok"));
        Files("*.eml").ShouldBeEmpty("the first poll is the baseline");

        // The clause neither names the ban's items (两用物项) again nor comes near the title, where the other companies' matches are.
        Edit(No1Page, "本公告自公布之日起正式实施。", "三、前款所称物项包括无人机飞控等。\n    本公告自公布之日起正式实施。");
        Edit(FixtureSite.Index2026, "<span>2026-01-06</span>", "<span>2026-01-07</span>");
        var index = File.ReadAllText(_site.Folder + "/" + FixtureSite.Index2026);
        var row = index.IndexOf("<li>", index.IndexOf("/" + No28Page, StringComparison.Ordinal) - 200, StringComparison.Ordinal);
        File.WriteAllText(_site.Folder + "/" + FixtureSite.Index2026, index.Remove(row, index.IndexOf("</li>", row, StringComparison.Ordinal) + 5 - row));
        File.Delete(_site.Folder + "/" + No28Page);

        await WaitUntilAsync(async () =>
        {
            var all = await alerts.QueryAsync(new AlertQuery { Limit = 1000 }, CancellationToken.None);
            // The withdrawal needs three more healthy polls than the amendment: once its e-mail is out, the amendment's are too.
            return all.Any(a => a.Kind == ChangeKind.Amended) && all.Any(a => a.Kind == ChangeKind.Withdrawn)
                && Subjects().Any(s => s.Subject.StartsWith("WITHDRAWN", StringComparison.Ordinal));
        });
        await host.StopAsync();

        var subjects = Subjects();
        var amended = subjects.Where(s => s.Subject.StartsWith("AMENDED [", StringComparison.Ordinal)).ToList();
        var withdrawn = subjects.Where(s => s.Subject.StartsWith("WITHDRAWN [", StringComparison.Ordinal)).ToList();
        var stored = await alerts.QueryAsync(new AlertQuery { Limit = 1000 }, CancellationToken.None);
        var report = string.Join("\n", subjects.Select(s => s.File + ": " + s.Subject)
            .Concat(stored.Where(a => a.Kind == ChangeKind.Amended).Select(a => $"{a.CompanyId} touched={a.TouchesWatch}: {string.Join(" | ", a.Reasons.Select(r => $"{r.Kind}={r.Value} «{r.Snippet}»"))}")));
        amended.Select(s => s.File).ShouldAllBe(f => f.Contains("skyline-drones"), report);
        amended.ShouldNotBeEmpty(report);
        withdrawn.ShouldNotBeEmpty(report);
        withdrawn.ShouldAllBe(s => s.Subject.Contains("page removed on") && s.Subject.EndsWith("last copy kept)"), report);
        foreach (var (file, _) in amended.Concat(withdrawn))
        {
            var mime = MimeKit.MimeMessage.Load(Path.Combine(Outbox, file));
            var html = mime.HtmlBody ?? "";
            html.ShouldContain("/changes/", Case.Sensitive, file);
            html.ShouldContain("#copy", Case.Sensitive, file);
        }

        // sakura-trading and voltcell-batteries match No.1 only through Japan and the ban itself, which the clause leaves alone.
        stored.Where(a => a.Kind == ChangeKind.Amended && !a.TouchesWatch).Select(a => a.CompanyId).ShouldContain("sakura-trading");
        amended.ShouldNotContain(s => s.File.Contains("sakura-trading"), report);
        amended.ShouldNotContain(s => s.File.Contains("voltcell-batteries"), report);
    }

    private void Edit(string page, string from, string to)
    {
        var path = _site.Folder + "/" + page;
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private List<(string File, string Subject)> Subjects() =>
        [.. Files("alert-*.eml").Select(f => (f, MimeKit.MimeMessage.Load(Path.Combine(Outbox, f)).Subject ?? ""))];

    private Task<WebApplication> StartHostAsync() => FixtureSiteRun.StartAsync(_data.Path, _server, new DateTimeOffset(2026, 7, 2, 3, 0, 0, TimeSpan.Zero));

    private string[] Files(string pattern) => FixtureSiteRun.Files(Outbox, pattern);

    private static Task WaitUntilAsync(Func<Task<bool>> condition) => FixtureSiteRun.WaitUntilAsync(condition, Patience, TimeSpan.FromMilliseconds(100));
}
