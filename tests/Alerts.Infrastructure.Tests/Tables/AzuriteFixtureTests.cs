using Alerts.Testing.Azurite;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Tests.Tables;

[Collection(AzuriteFixture.CollectionName)]
public sealed class AzuriteFixtureTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Tables_RoundTripAnEntity()
    {
        var table = new TableClient(azurite.ConnectionString, "smoke");
        await table.CreateIfNotExistsAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Title"] = "商务部公告2026年第1号" });

        (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Title").ShouldBe("商务部公告2026年第1号");
    }
}
