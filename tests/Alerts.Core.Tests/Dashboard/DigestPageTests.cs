using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Dashboard;
using Alerts.Core.Delivery;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Dashboard;

/// <summary>The printable digest (<c>/companies/{id}/alerts?view=digest</c>): the e-mail's sections on one page, authorised like the company view.</summary>
public sealed class DigestPageTests : IDisposable
{
    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public DigestPageTests()
    {
        _services = _world.BuildServices();
    }

    public void Dispose() => _services.Dispose();

    private DashboardHandlers Handlers => _services.GetRequiredService<DashboardHandlers>();

    private Task<ApiResult> PageAsync(string? key, string? from = null, string? to = null, string company = ApiTestWorld.CompanyA) =>
        Handlers.CompanyAlertsAsync(company, key, CancellationToken.None, view: DashboardHandlers.DigestView, from: from, to: to);

    private async Task DecideAsync(string note)
    {
        var open = (await _world.Assessments.ListAsync(ApiTestWorld.CompanyA, CancellationToken.None))[0];
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        var result = await _world.Assessments.ApplyAsync(
            new AssessmentCommand(ApiTestWorld.CompanyA, open.NoticeKey, "cfo@acme.example", AssessmentChannel.Api) { State = AssessmentState.ActionNeeded, Note = note },
            CancellationToken.None);
        result.Outcome.ShouldBe(AssessmentOutcome.Applied);

        // The period is half-open: the decision falls inside a digest that ends after it.
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task CompanyDigest_CompanyKey_ShowsTheEmailsSectionsWithPrintCss()
    {
        await DecideAsync("Stop the 3 pending shipments");
        var email = (await _services.GetRequiredService<IDigestService>().PreviewAsync(ApiTestWorld.CompanyA, null, null, CancellationToken.None))!.Email;

        var page = await PageAsync(_world.KeyA);

        page.StatusCode.ShouldBe(200);
        var html = page.Text.ShouldNotBeNull();
        foreach (var section in new[] { "digest-alerts", "digest-open", "digest-decided", "digest-effective" })
        {
            html.ShouldContain($"<section data-testid=\"{section}\">");
        }

        // The same model, rendered by the same code: the e-mail's body is the page's main.
        var body = email.Html[(email.Html.IndexOf("<section", StringComparison.Ordinal))..email.Html.LastIndexOf("</body>", StringComparison.Ordinal)];
        html.ShouldContain("<main>" + body + "</main>");
        html.ShouldContain("Stop the 3 pending shipments");
        html.ShouldContain("@media print{nav{display:none}");
        html.ShouldContain("section+section{break-before:page");
    }

    [Fact]
    public async Task CompanyDigest_Period_CoversOnlyItsDecisions()
    {
        await DecideAsync("Decided today");

        var page = await PageAsync(_world.KeyA, "2026-06-01", "2026-06-15T09:00:00Z");

        page.StatusCode.ShouldBe(200);
        page.Text.ShouldNotBeNull().ShouldNotContain("Decided today");
        page.Text.ShouldContain("2026-06-01 – 2026-06-15");
    }

    [Theory]
    [InlineData("yesterday", null, "?from= must be a date")]
    [InlineData(null, "2026-13-01", "?to= must be a date")]
    [InlineData("2026-06-10", "2026-06-01", "?from= (2026-06-10T00:00:00.0000000+00:00) must be before ?to=")]
    public async Task CompanyDigest_BadDates_Answer400WithWhy(string? from, string? to, string why)
    {
        var page = await PageAsync(_world.KeyA, from, to);

        page.StatusCode.ShouldBe(400);
        page.Text.ShouldNotBeNull().ShouldContain(why);
    }

    [Fact]
    public async Task CompanyDigest_HostileDate_IsEncodedInTheError()
    {
        var page = await PageAsync(_world.KeyA, "<script>x</script>");

        page.StatusCode.ShouldBe(400);
        page.Text.ShouldNotBeNull().ShouldNotContain("<script>");
        page.Text.ShouldContain("&lt;script&gt;x&lt;/script&gt;");
    }

    [Fact]
    public async Task CompanyDigest_NoKey_AsksForOne()
    {
        (await PageAsync(null)).StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task CompanyDigest_AnotherCompanysKey_IsNotFound()
    {
        (await PageAsync(_world.KeyB)).StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task CompanyAlerts_WithADigestService_LinksThePrintableDigest()
    {
        var page = await Handlers.CompanyAlertsAsync(ApiTestWorld.CompanyA, _world.KeyA, CancellationToken.None);

        page.Text.ShouldNotBeNull().ShouldContain("<a href=\"/companies/acme-trading/alerts?view=digest\" data-testid=\"digest-link\">Printable digest</a>");
    }
}
