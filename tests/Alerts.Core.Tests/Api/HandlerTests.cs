using System.Text.Json;
using Alerts.Core.Api;
using Alerts.Core.Changes;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Api;

public sealed class HandlerTests : IDisposable
{
    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public HandlerTests()
    {
        _services = _world.BuildServices();
    }

    public void Dispose() => _services.Dispose();

    private CompanyHandlers Companies => _services.GetRequiredService<CompanyHandlers>();

    private AlertHandlers Alerts => _services.GetRequiredService<AlertHandlers>();

    private string BearerA => "Bearer " + _world.KeyA;

    [Fact]
    public async Task GetAsync_OtherCompanysId_AnswersExactlyLikeAnUnknownId()
    {
        var other = await Companies.GetAsync(BearerA, ApiTestWorld.CompanyB, CancellationToken.None);
        var unknown = await Companies.GetAsync(BearerA, "no-such-company", CancellationToken.None);

        other.StatusCode.ShouldBe(404);
        unknown.StatusCode.ShouldBe(404);
        other.BodyText.Replace(ApiTestWorld.CompanyB, "X").ShouldBe(unknown.BodyText.Replace("no-such-company", "X"));
    }

    [Fact]
    public async Task GetAsync_Teams_NeverEchoesTheWebhookSecret()
    {
        var result = await Companies.GetAsync("Bearer " + _world.KeyB, ApiTestWorld.CompanyB, CancellationToken.None);

        result.StatusCode.ShouldBe(200);
        result.BodyText.ShouldNotContain("SECRET-SIG");
        result.BodyText.ShouldContain("prod-00.westeurope.logic.azure.com");
    }

    [Fact]
    public async Task ReplaceRecipientsAsync_BadEmail_Returns400NamingTheField()
    {
        var result = await Companies.ReplaceRecipientsAsync(BearerA, ApiTestWorld.CompanyA, """[{"email":"ok@acme.example"},{"email":"nope"}]""", CancellationToken.None);

        result.StatusCode.ShouldBe(400);
        result.ContentType.ShouldStartWith("application/problem+json");
        var problem = result.Body.ShouldBeOfType<ApiProblem>();
        problem.Errors!.Keys.ShouldBe(["body[1].email"]);
        problem.Detail.ShouldContain("body[1].email");
    }

    [Fact]
    public async Task ReplaceWatchAsync_WrongJsonType_NamesTheJsonPath()
    {
        var result = await Companies.ReplaceWatchAsync(BearerA, ApiTestWorld.CompanyA, """{"categories":"rare-earths"}""", CancellationToken.None);

        result.StatusCode.ShouldBe(400);
        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldBe(["categories"]);
    }

    [Fact]
    public async Task ListAlertsAsync_CompanyKey_SeesOnlyItsOwnAlerts()
    {
        var result = await Alerts.ListAlertsAsync(BearerA, new AlertFilter(), CancellationToken.None);

        using var json = JsonDocument.Parse(result.BodyText);
        json.RootElement.EnumerateArray().Select(a => a.GetProperty("companyId").GetString()).Distinct().ShouldBe([ApiTestWorld.CompanyA]);
        json.RootElement.GetArrayLength().ShouldBe(_world.Alerts.All.Count(a => a.CompanyId == ApiTestWorld.CompanyA));
    }

    [Fact]
    public async Task GetAlertAsync_OwnAlert_CarriesTheOneSentenceReasonAndTheOperativeSnippet()
    {
        var own = _world.Alerts.All.First(a => a.CompanyId == ApiTestWorld.CompanyB);

        var result = await Alerts.GetAlertAsync("Bearer " + _world.KeyB, own.AlertId, CancellationToken.None);

        using var json = JsonDocument.Parse(result.BodyText);
        json.RootElement.GetProperty("explanation").GetString().ShouldBe(own.Explanation);
        json.RootElement.GetProperty("snippet").GetString().ShouldBe("对镓、锗相关物项实施出口管制");
    }

    [Fact]
    public async Task GetAlertAsync_OtherCompanysAlertId_Is404()
    {
        var alertOfB = _world.Alerts.All.First(a => a.CompanyId == ApiTestWorld.CompanyB);

        (await Alerts.GetAlertAsync(BearerA, alertOfB.AlertId, CancellationToken.None)).StatusCode.ShouldBe(404);
        (await Alerts.GetAlertAsync("Bearer " + _world.KeyB, alertOfB.AlertId, CancellationToken.None)).StatusCode.ShouldBe(200);
    }

    [Theory]
    [InlineData("urgent", null, "severity")]
    [InlineData(null, "06/01/2026", "since")]
    public async Task ListAlertsAsync_BadFilter_NamesTheParameter(string? severity, string? since, string field)
    {
        var result = await Alerts.ListAlertsAsync(BearerA, new AlertFilter { Severity = severity, Since = since }, CancellationToken.None);

        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldBe([field]);
    }

    [Fact]
    public async Task IssueKeyAsync_CompanyKeyOnItsOwnCompany_IsForbidden()
    {
        (await Companies.IssueKeyAsync(BearerA, ApiTestWorld.CompanyA, CancellationToken.None)).StatusCode.ShouldBe(403);
    }

    [Theory]
    [InlineData("""{"id":"new-co","name":"New","teams":null}""", "teams")]
    [InlineData("""{"id":"new-co","name":"New","recipients":null}""", "recipients")]
    [InlineData("""{"id":"new-co","name":"New","watch":null}""", "watch")]
    [InlineData("""{"id":"new-co","name":"New","watch":{"categories":null}}""", "watch.categories")]
    [InlineData("""{"id":"new-co","name":"New","watch":{"counterparties":null}}""", "watch.counterparties")]
    [InlineData("""{"id":"new-co","name":"New","watch":{"counterparties":[null]}}""", "watch.counterparties[0].name")]
    [InlineData("""{"id":"new-co","name":"New","teams":[null]}""", "teams[0].webhookUrl")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[null]}""", "recipients[0]")]
    public async Task CreateAsync_NullCollectionOrItem_Returns400NamingTheFieldAndStoresNothing(string body, string field)
    {
        var result = await Companies.CreateAsync("Bearer " + ApiTestWorld.AdminKey, body, CancellationToken.None);

        result.StatusCode.ShouldBe(400, result.BodyText);
        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldContain(field);
        (await _world.Companies.GetAsync("new-co", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task ReplaceWatchAsync_NullList_Returns400NamingTheFieldAndStoresNothing()
    {
        var before = await _world.Companies.GetAsync(ApiTestWorld.CompanyA, CancellationToken.None);

        var result = await Companies.ReplaceWatchAsync(BearerA, ApiTestWorld.CompanyA, """{"terms":null}""", CancellationToken.None);

        result.StatusCode.ShouldBe(400, result.BodyText);
        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldBe(["terms"]);
        (await _world.Companies.GetAsync(ApiTestWorld.CompanyA, CancellationToken.None)).ShouldBe(before);
    }

    [Theory]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@acme.example","role":5}]}""", "recipients[0].role")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@acme.example","cadence":5}]}""", "recipients[0].cadence")]
    [InlineData("""{"id":"new-co","name":"New","teams":[{"webhookUrl":"https://52.109.1.7/hook","minSeverity":99}]}""", "teams[0].minSeverity")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@[127.0.0.1]"}]}""", "recipients[0].email")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@-b.cd"}]}""", "recipients[0].email")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@acme.example","timeZone":"posixrules"}]}""", "recipients[0].timeZone")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@acme.example","timeZone":"right/Asia/Tokyo"}]}""", "recipients[0].timeZone")]
    [InlineData("""{"id":"new-co","name":"New","recipients":[{"email":"a@acme.example","timeZone":"Factory"}]}""", "recipients[0].timeZone")]
    public async Task CreateAsync_OutOfRangeEnumOrBadAddressOrZone_Returns400NamingTheField(string body, string field)
    {
        var result = await Companies.CreateAsync("Bearer " + ApiTestWorld.AdminKey, body, CancellationToken.None);

        result.StatusCode.ShouldBe(400, result.BodyText);
        result.Body.ShouldBeOfType<ApiProblem>().Errors!.Keys.ShouldBe([field]);
        (await _world.Companies.GetAsync("new-co", CancellationToken.None)).ShouldBeNull();
    }

    private OpsHandlers Ops => _services.GetRequiredService<OpsHandlers>();

    private const string Admin = "Bearer " + ApiTestWorld.AdminKey;

    [Fact]
    public async Task ConfirmShrinkAsync_CompanyKey_IsForbidden()
    {
        var result = await Ops.ConfirmShrinkAsync(BearerA, FakeNoticeSource.DefaultId, null, CancellationToken.None);

        result.StatusCode.ShouldBe(403);
    }

    [Fact]
    public async Task ConfirmShrinkAsync_UnknownSource_Is404()
    {
        var result = await Ops.ConfirmShrinkAsync(Admin, "no-such-source", null, CancellationToken.None);

        result.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task ConfirmShrinkAsync_SuspectListing_MarksItAndDropsItsValidators()
    {
        const string listing = "https://fake.example/list.html";
        await _world.Snapshots.SaveAsync(new SourceSnapshot(FakeNoticeSource.DefaultId)
        {
            SuspectListings = new Dictionary<string, string> { [listing] = listing + ": listing shrank from 6 to 2 rows" },
            Validators = new Dictionary<string, HttpValidators> { [listing] = new("\"v1\"", null) },
        }, [], CancellationToken.None);

        var result = await Ops.ConfirmShrinkAsync(Admin, FakeNoticeSource.DefaultId, listing, CancellationToken.None);

        result.StatusCode.ShouldBe(200);
        var snapshot = await _world.Snapshots.LoadAsync(FakeNoticeSource.DefaultId, CancellationToken.None);
        snapshot!.ShrinksConfirmed.ShouldBe([listing]);
        snapshot.Validators.ShouldBeEmpty();
    }

    [Fact]
    public async Task ConfirmShrinkAsync_ListingNotSuspect_Is409AndChangesNothing()
    {
        await _world.Snapshots.SaveAsync(new SourceSnapshot(FakeNoticeSource.DefaultId), [], CancellationToken.None);

        var result = await Ops.ConfirmShrinkAsync(Admin, FakeNoticeSource.DefaultId, "https://fake.example/list.html", CancellationToken.None);

        result.StatusCode.ShouldBe(409);
        result.BodyText.ShouldContain("is not a suspect listing");
        (await _world.Snapshots.LoadAsync(FakeNoticeSource.DefaultId, CancellationToken.None))!.ShrinksConfirmed.ShouldBeEmpty();
    }
}
