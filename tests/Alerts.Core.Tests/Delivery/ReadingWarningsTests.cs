using Alerts.Core.Changes;
using Alerts.Core.Dashboard;
using Alerts.Core.Delivery;
using Alerts.Core.Notices;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Subs = Alerts.Core.Messaging.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

/// <summary>What the reader could not reconcile reaches the people who act on the notice: alert, e-mail, change page.</summary>
public sealed class ReadingWarningsTests
{
    private const string Warning = "annex not fetched (gone): 附件：出口管制管控名单.pdf";

    private static Notice WarnedNotice() => new NoticeBuilder().With(n => n with { Warnings = [Warning] }).Build();

    [Fact]
    public async Task DrainAsync_NoticeWithWarnings_StoresThemOnEachAlert()
    {
        var harness = new DeliveryHarness(new CompanyBuilder().WithId("a").Build());
        harness.Publish(WarnedNotice(), Subs.Alerts);

        await harness.DrainAsync(Subs.Alerts);

        harness.Alerts.Alerts.Values.Single().Warnings.ShouldBe([Warning]);
    }

    [Fact]
    public void Render_AlertWithWarnings_ShowsAReadingWarningsLine()
    {
        var renderer = new AlertEmailRenderer(Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com/" }));
        var alert = DeliveryAlerts.Sample() with { Warnings = [Warning, "The text states 20 entities; 19 were read."] };

        var email = renderer.Render(alert, "Acme Trading K.K.");

        email.Text.ShouldContain($"Reading warnings: {Warning}; The text states 20 entities; 19 were read.");
        email.Html.ShouldContain("Reading warnings");
        email.Html.ShouldContain("附件：出口管制管控名单.pdf");
    }

    [Fact]
    public void Render_AlertWithoutWarnings_HasNoReadingWarningsLine()
    {
        var renderer = new AlertEmailRenderer(Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com/" }));

        renderer.Render(DeliveryAlerts.Sample(), "Acme Trading K.K.").Text.ShouldNotContain("Reading warnings");
    }

    [Fact]
    public void Change_NoticeWithWarnings_ListsThemEscaped()
    {
        var notice = new NoticeBuilder().With(n => n with { Warnings = ["<b>annex</b> not read"] }).Build();
        var record = new ChangeRecord(DeliveryAlerts.Change(notice), notice, null, null);

        var html = new DashboardRenderer().Change(record);

        html.ShouldContain("<h2>Reading warnings</h2>");
        html.ShouldContain("&lt;b&gt;annex&lt;/b&gt; not read");
    }
}
