using Alerts.Core.Changes;
using Alerts.Core.Dashboard;
using Alerts.Core.Measures;
using Alerts.Core.Notices;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Dashboard;

/// <summary>Issue 17: the company view shows what is in force, suspended and upcoming for it; a change page shows its notice's relations.</summary>
public sealed class DashboardMeasuresTests : IDisposable
{
    private const string No46 = "cn-mofcom:2024:46";
    private const string No72 = "cn-mofcom:2025:72";

    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public DashboardMeasuresTests()
    {
        _services = _world.BuildServices();

        // The world's clock reads 2026-06-15: the clause's window ends within 30 days, the other measure's in 2026-11.
        _world.Measures.Lines =
        [
            new(No46, "商务部公告2024年第46号", null, "关于加强相关两用物项对美国出口管制的公告", MeasureState.InForce, new DateOnly(2024, 12, 3), null, [new("suspended-by", No72)]),
            new(No46, "商务部公告2024年第46号", "2", "关于加强相关两用物项对美国出口管制的公告", MeasureState.Suspended, new DateOnly(2025, 11, 10), new DateOnly(2026, 7, 1), [new("suspended-by", No72)]),
            new("cn-mofcom:2025:62", "商务部公告2025年第62号", null, null, MeasureState.Suspended, new DateOnly(2025, 11, 10), new DateOnly(2026, 11, 10), []),
            new(No72, "商务部公告2025年第72号", null, null, MeasureState.InForce, new DateOnly(2025, 11, 10), null, [new("suspends", No46)]),
        ];
    }

    public void Dispose() => _services.Dispose();

    private DashboardHandlers Handlers => _services.GetRequiredService<DashboardHandlers>();

    [Fact]
    public async Task CompanyAlertsAsync_MeasuresConcerningTheCompany_ShowsEachWithStateAndDates()
    {
        var html = (await Handlers.CompanyAlertsAsync(ApiTestWorld.CompanyA, _world.KeyA, CancellationToken.None)).Text!;

        html.ShouldContain("What is in force on 2026-06-15");
        html.ShouldContain("<tr data-testid=\"measure-suspended\"><td>商务部公告2024年第46号 clause 2</td><td>suspended</td><td>2025-11-10</td><td>2026-07-01</td></tr>");
        html.ShouldContain("<tr data-testid=\"measure-in-force\"><td>商务部公告2024年第46号</td><td>in-force</td><td>2024-12-03</td><td>—</td></tr>");
    }

    [Fact]
    public async Task CompanyAlertsAsync_WindowEndingWithin30Days_IsUpcomingAndALaterOneIsNot()
    {
        var html = (await Handlers.CompanyAlertsAsync(ApiTestWorld.CompanyA, _world.KeyA, CancellationToken.None)).Text!;

        var upcoming = html[html.IndexOf("data-testid=\"measures-upcoming\"", StringComparison.Ordinal)..];
        upcoming = upcoming[..upcoming.IndexOf("</ul>", StringComparison.Ordinal)];
        upcoming.ShouldContain("<strong>2026-07-02</strong> 商务部公告2024年第46号 clause 2: the suspension ends; applies again");
        upcoming.ShouldNotContain("第62号");
    }

    [Fact]
    public async Task ChangeAsync_NoticeThatSuspendsAnother_ShowsTheRelationWithKeyNumberAndClause()
    {
        var notice = new NoticeBuilder().WithKey(No72).WithTitle("商务部公告2025年第72号 关于暂停实施商务部公告2024年第46号第二款的公告")
            .With(n => n with { Relations = [new NoticeRelation("suspends", No46, "2")] }).Build();
        var change = DeliveryAlerts.Change(notice);
        _world.Changes.Add(new ChangeRecord(change, notice, null, null));

        var html = (await Handlers.ChangeAsync(change.ChangeId, CancellationToken.None)).Text!;

        html.ShouldContain($"<li><strong>suspends</strong> <code>{No46}</code> (商务部公告2024年第46号), clause 2</li>");
    }

    [Fact]
    public async Task ChangeAsync_NoticeSuspendedByAnother_ShowsThePassiveRelationFromTheGraph()
    {
        var notice = new NoticeBuilder().WithKey(No46).WithTitle("商务部公告2024年第46号 关于加强相关两用物项对美国出口管制的公告").Build();
        var change = DeliveryAlerts.Change(notice);
        _world.Changes.Add(new ChangeRecord(change, notice, null, null));

        var html = (await Handlers.ChangeAsync(change.ChangeId, CancellationToken.None)).Text!;

        html.ShouldContain($"<li><strong>suspended-by</strong> <code>{No72}</code> (商务部公告2025年第72号), clause 2</li>");
    }

    [Fact]
    public async Task ChangeAsync_NoticeWithoutRelations_HasNoRelationsSection()
    {
        var notice = new NoticeBuilder().WithKey("cn-mofcom:2026:9").Build();
        var change = DeliveryAlerts.Change(notice);
        _world.Changes.Add(new ChangeRecord(change, notice, null, null));

        var html = (await Handlers.ChangeAsync(change.ChangeId, CancellationToken.None)).Text!;

        html.ShouldNotContain("data-testid=\"relations\"");
    }
}
