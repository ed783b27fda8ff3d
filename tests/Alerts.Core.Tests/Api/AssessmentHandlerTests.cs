using System.Text.Json;
using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Api;

public sealed class AssessmentHandlerTests : IDisposable
{
    private const string Gallium = "cn-mofcom:2025:46";
    private readonly ApiTestWorld _world = new();
    private readonly ServiceProvider _services;

    public AssessmentHandlerTests()
    {
        _services = _world.BuildServices();
    }

    public void Dispose() => _services.Dispose();

    private AssessmentHandlers Handlers => _services.GetRequiredService<AssessmentHandlers>();

    private string BearerA => "Bearer " + _world.KeyA;

    private string BearerB => "Bearer " + _world.KeyB;

    private Task<ApiResult> PostB(string body) => Handlers.ApplyAsync(BearerB, ApiTestWorld.CompanyB, Gallium, body, CancellationToken.None);

    [Fact]
    public async Task ListAsync_CompanyKey_ListsItsOwnAssessmentsAsLines()
    {
        var result = await Handlers.ListAsync(BearerA, ApiTestWorld.CompanyA, null, CancellationToken.None);

        var lines = result.Body.ShouldBeAssignableTo<IReadOnlyList<AssessmentLine>>()!;
        lines.Select(l => l.NoticeKey).ShouldBe(["cn-mofcom:2025:46", "cn-mofcom:2026:1", "jp-meti:2026:0612", ApiTestWorld.UrlNoticeKey], ignoreOrder: true);
        lines.ShouldAllBe(l => l.Company == ApiTestWorld.CompanyA && l.State == AssessmentState.New);
    }

    [Fact]
    public async Task ListAsync_UnknownState_Is400NamingTheStates()
    {
        var result = await Handlers.ListAsync(BearerA, ApiTestWorld.CompanyA, "pending", CancellationToken.None);

        result.StatusCode.ShouldBe(400);
        result.Body.ShouldBeOfType<ApiProblem>().Detail.ShouldContain("in-review");
    }

    [Fact]
    public async Task ListAsync_StateFilter_KeepsOnlyThatState()
    {
        await PostB("""{"state":"in-review"}""");

        var result = await Handlers.ListAsync(BearerB, ApiTestWorld.CompanyB, "new", CancellationToken.None);

        result.Body.ShouldBeAssignableTo<IReadOnlyList<AssessmentLine>>()!.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetAsync_OtherCompanysAssessment_Is404LikeAnUnknownOne()
    {
        var other = await Handlers.GetAsync(BearerA, ApiTestWorld.CompanyB, Gallium, CancellationToken.None);
        var unknown = await Handlers.GetAsync(BearerA, ApiTestWorld.CompanyA, "cn-mofcom:1999:1", CancellationToken.None);

        (other.StatusCode, unknown.StatusCode).ShouldBe((404, 404));
    }

    [Fact]
    public async Task ApplyAsync_OtherCompanysKey_Is404AndChangesNothing()
    {
        var before = _world.AssessmentStore.All.Count;

        var result = await Handlers.ApplyAsync(BearerA, ApiTestWorld.CompanyB, Gallium, """{"state":"in-review"}""", CancellationToken.None);

        result.StatusCode.ShouldBe(404);
        _world.AssessmentStore.All.Count.ShouldBe(before);
    }

    [Fact]
    public async Task ApplyAsync_OwnerStateDueAndNote_AppliedAsApiEventsByTheCaller()
    {
        var result = await PostB("""{"state":"in-review","owner":"exports@beta.example","due":"2026-07-01","note":"checking"}""");

        result.StatusCode.ShouldBe(200);
        var assessment = result.Body.ShouldBeOfType<Assessment>();
        (assessment.State, assessment.Owner, assessment.Due, assessment.Note).ShouldBe((AssessmentState.InReview, "exports@beta.example", new DateOnly(2026, 7, 1), "checking"));
        assessment.Events.Skip(1).ShouldAllBe(e => e.Channel == AssessmentChannel.Api && e.Actor == "api:beta-metals");
    }

    [Theory]
    [InlineData("""{"state":"maybe"}""", "state")]
    [InlineData("""{"due":"01.07.2026"}""", "due")]
    [InlineData("""{"owner":"someone@else.example"}""", "not a recipient")]
    [InlineData("""{"state":"done"}""", "cannot move from new to done")]
    public async Task ApplyAsync_BadInput_Is400WithAClearMessage(string body, string expected)
    {
        var result = await PostB(body);

        result.StatusCode.ShouldBe(400);
        JsonSerializer.Serialize(result.Body.ShouldBeOfType<ApiProblem>()).ShouldContain(expected);
    }

    [Fact]
    public async Task GetAsync_UrlKeyWithEncodedSlashes_FindsTheAssessment()
    {
        var segment = ApiTestWorld.UrlNoticeKey.Replace("/", "%2F", StringComparison.Ordinal);

        var result = await Handlers.GetAsync(BearerA, ApiTestWorld.CompanyA, segment, CancellationToken.None);

        result.Body.ShouldBeOfType<Assessment>().NoticeKey.ShouldBe(ApiTestWorld.UrlNoticeKey);
    }
}
