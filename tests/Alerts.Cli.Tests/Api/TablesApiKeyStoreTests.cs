using Alerts.Core.Api;
using Alerts.Infrastructure.Api;
using Alerts.Infrastructure.Tables;
using Alerts.Testing.Azurite;

namespace Alerts.Cli.Tests.Api;

[CollectionDefinition(Name)]
public sealed class ApiAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "api-azurite";
}

[Collection(ApiAzuriteCollection.Name)]
public sealed class TablesApiKeyStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);
    private static int s_table;

    private TablesApiKeyStore Create() => new(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString)
        .GetTableClient($"apikeys{Interlocked.Increment(ref s_table)}"));

    [Fact]
    public async Task SetCompanyKeyAsync_Rotation_KeepsOnlyTheNewHash()
    {
        var store = Create();

        await store.SetCompanyKeyAsync("acme", "hash-1", At, CancellationToken.None);
        await store.SetCompanyKeyAsync("acme", "hash-2", At.AddDays(1), CancellationToken.None);

        (await store.FindByHashAsync("hash-1", CancellationToken.None)).ShouldBeNull();
        (await store.FindByHashAsync("hash-2", CancellationToken.None)).ShouldBe(new ApiKeyRecord("hash-2", "acme", At.AddDays(1)));
    }

    [Fact]
    public async Task SetAdminKeyAsync_IsFoundAsAdmin()
    {
        var store = Create();

        await store.SetAdminKeyAsync("admin-hash", At, CancellationToken.None);

        (await store.GetAdminKeyAsync(CancellationToken.None))!.KeyHash.ShouldBe("admin-hash");
        (await store.FindByHashAsync("admin-hash", CancellationToken.None))!.IsAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteCompanyKeysAsync_RemovesTheKey()
    {
        var store = Create();
        await store.SetCompanyKeyAsync("acme", "hash-1", At, CancellationToken.None);

        await store.DeleteCompanyKeysAsync("acme", CancellationToken.None);

        (await store.FindByHashAsync("hash-1", CancellationToken.None)).ShouldBeNull();
    }
}
