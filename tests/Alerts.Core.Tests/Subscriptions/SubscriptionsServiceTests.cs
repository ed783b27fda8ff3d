using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using NSubstitute;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Subscriptions;

public sealed class SubscriptionsServiceTests
{
    private readonly ICompanyStore _store = Substitute.For<ICompanyStore>();
    private readonly SubscriptionsService _sut;

    public SubscriptionsServiceTests() => _sut = new SubscriptionsService(_store, new CompanyValidator(GoodsTaxonomy.Default));

    [Fact]
    public async Task ImportAsync_SampleFile_StoresEveryCompanyInOneCall()
    {
        var json = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "samples", "companies.json"));

        var result = await _sut.ImportAsync(json, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Imported.ShouldBe(4);
        await _store.Received(1).UpsertManyAsync(Arg.Is<IReadOnlyList<Company>>(c => c.Count == 4), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ImportAsync_OneInvalidCompany_StoresNothingAndNamesIt()
    {
        const string json = """
            {"companies":[
              {"id":"good","name":"Good","watch":{"categories":["gallium"]}},
              {"id":"bad","name":"Bad","watch":{"categories":["unobtainium"]},"recipients":[{"email":"x@example.com","timeZone":"Asia/Tokyo","hour":8}]}
            ]}
            """;

        var result = await _sut.ImportAsync(json, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("bad: watch.categories[0]: unknown category 'unobtainium' (not a category id of the taxonomy: alerts taxonomy, GET /api/taxonomy)");
        await _store.DidNotReceiveWithAnyArgs().UpsertManyAsync(default!, default);
    }

    [Fact]
    public async Task ImportAsync_MalformedJson_ReportsThePath()
    {
        var result = await _sut.ImportAsync("""{"companies":[{"id":"x","name":"X","recipients":[{"email":"a@example.com","minSeverity":"urgent"}]}]}""", CancellationToken.None);

        result.Errors.ShouldHaveSingleItem().Field.ShouldContain("minSeverity");
    }

    [Fact]
    public async Task ImportAsync_CounterpartyAsPlainString_IsAccepted()
    {
        var result = await _sut.ImportAsync("""{"companies":[{"id":"x","name":"X","watch":{"counterparties":["TDK",{"name":"ACSL","aliases":["株式会社ACSL"]}],"hsCodes":null}}]}""", CancellationToken.None);

        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task ExportAsync_WritesTheImportFormat()
    {
        _store.ListAsync(Arg.Any<CancellationToken>()).Returns([new CompanyBuilder().Build()]);

        var json = await _sut.ExportAsync(CancellationToken.None);

        SubscriptionsService.TryParse(json, out var companies, out _).ShouldBeTrue();
        System.Text.Json.JsonSerializer.Serialize(companies.ShouldHaveSingleItem(), AlertsJson.Web)
            .ShouldBe(System.Text.Json.JsonSerializer.Serialize(new CompanyBuilder().Build(), AlertsJson.Web));
    }
}
