using Alerts.Core.Api;
using Alerts.Infrastructure.Api;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;

namespace Alerts.Cli.Tests.Api;

public sealed class SqliteApiKeyStoreTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SetCompanyKeyAsync_Rotation_KeepsOnlyTheNewHash()
    {
        using var data = new TempDirectory();
        var store = new SqliteApiKeyStore(new SqliteDatabase(data.Combine("alerts.db")));

        await store.SetCompanyKeyAsync("acme", "hash-1", At, CancellationToken.None);
        await store.SetCompanyKeyAsync("acme", "hash-2", At.AddDays(1), CancellationToken.None);

        (await store.FindByHashAsync("hash-1", CancellationToken.None)).ShouldBeNull();
        (await store.FindByHashAsync("hash-2", CancellationToken.None)).ShouldBe(new ApiKeyRecord("hash-2", "acme", At.AddDays(1)));
    }

    [Fact]
    public async Task SetAdminKeyAsync_SurvivesReopening_AndIsNotACompany()
    {
        using var data = new TempDirectory();
        await new SqliteApiKeyStore(new SqliteDatabase(data.Combine("alerts.db"))).SetAdminKeyAsync("admin-hash", At, CancellationToken.None);

        var reopened = new SqliteApiKeyStore(new SqliteDatabase(data.Combine("alerts.db")));

        (await reopened.GetAdminKeyAsync(CancellationToken.None))!.KeyHash.ShouldBe("admin-hash");
        (await reopened.FindByHashAsync("admin-hash", CancellationToken.None))!.IsAdmin.ShouldBeTrue();
    }

    [Fact]
    public async Task DeleteCompanyKeysAsync_RemovesTheKey()
    {
        using var data = new TempDirectory();
        var store = new SqliteApiKeyStore(new SqliteDatabase(data.Combine("alerts.db")));
        await store.SetCompanyKeyAsync("acme", "hash-1", At, CancellationToken.None);

        await store.DeleteCompanyKeysAsync("acme", CancellationToken.None);

        (await store.FindByHashAsync("hash-1", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task EnsureAdminKey_WithSqlite_PrintsTheKeyOnlyOnFirstStart()
    {
        using var data = new TempDirectory();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        var world = new ApiTestWorld();
        world.Configuration.Remove("Api:AdminKey");
        world.Register(services);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IApiKeyStore>(services, new SqliteApiKeyStore(new SqliteDatabase(data.Combine("alerts.db"))));
        await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        using var first = new StringWriter();
        using var second = new StringWriter();

        var key = await Alerts.Cli.Hosting.ApiEndpoints.EnsureAdminKeyAsync(provider, first, CancellationToken.None);
        await Alerts.Cli.Hosting.ApiEndpoints.EnsureAdminKeyAsync(provider, second, CancellationToken.None);

        first.ToString().ShouldContain(key!);
        second.ToString().ShouldBeEmpty();
        File.ReadAllBytes(data.Combine("alerts.db")).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(key!)).ShouldBe(-1);
    }
}
