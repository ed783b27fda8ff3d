using Alerts.Core.Alerts;
using Alerts.Core.Delivery;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Delivery;

public sealed class AlertEmailRendererTests
{
    private static readonly AlertEmailRenderer Renderer = new(Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com/" }));

    [Fact]
    public void Render_Alert_HasTitleGlossNumberDatesMeasureDestinationsAndLinks()
    {
        var alert = DeliveryAlerts.Sample();

        var email = Renderer.Render(alert, "Acme Trading K.K.");

        email.Html.ShouldContain("商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告");
        email.Html.ShouldContain(alert.TitleGloss!);
        email.Html.ShouldContain("2026-01-06");
        email.Html.ShouldContain("export-ban");
        email.Html.ShouldContain("JP");
        email.Html.ShouldContain("对日本出口管制");
        email.Html.ShouldContain($"https://alerts.example.com/changes/{alert.ChangeId}");
        email.Html.ShouldContain("https://www.mofcom.gov.cn/");
        email.Text.ShouldContain(alert.TitleGloss!);
        email.Text.ShouldContain($"https://alerts.example.com/changes/{alert.ChangeId}");
        email.Subject.ShouldStartWith("NEW [HIGH] ");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public void Render_HostileTitleAndSnippet_AreEscapedInHtml(string hostile)
    {
        var alert = DeliveryAlerts.Sample(title: hostile) with
        {
            TitleGloss = hostile,
            Reasons = [new AlertReason(ReasonKind.Term, hostile, hostile)],
        };

        var email = Renderer.Render(alert, hostile);

        email.Html.ShouldNotContain("<script>");
        email.Html.ShouldNotContain("<img");
        email.Html.ShouldContain(System.Net.WebUtility.HtmlEncode(hostile));
    }

    [Fact]
    public void Render_AlertWithExplanation_StatesTheReasonAndTheOperativeSnippetInBothParts()
    {
        var alert = DeliveryAlerts.Sample() with
        {
            Explanation = "MOFCOM Announcement 2026 No.1 bans or restricts exports of dual-use items to Japan, effective on publication; you ship to Japan.",
            Snippet = "禁止所有两用物项对日本军事用户、军事用途",
        };

        var email = Renderer.Render(alert, "Acme Trading K.K.");

        email.Html.ShouldContain("Why this concerns you:</b> MOFCOM Announcement 2026 No.1 bans or restricts exports of dual-use items to Japan");
        email.Html.ShouldContain("禁止所有两用物项对日本军事用户、军事用途");
        email.Text.ShouldContain("Why this concerns you: MOFCOM Announcement 2026 No.1");
        email.Text.ShouldContain("禁止所有两用物项对日本军事用户、军事用途");
    }

    [Fact]
    public void Render_JavascriptSourceUrl_IsNotLinked()
    {
        var alert = DeliveryAlerts.Sample() with { Url = "javascript:alert(1)" };

        var email = Renderer.Render(alert, "Acme");

        email.Html.ShouldNotContain("javascript:");
    }
}
