using Alerts.Core.Api;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Api;

public sealed class ApiKeyServiceTests
{
    private readonly InMemoryApiKeyStoreForApi _store = new();

    private ApiKeyService Create(string? adminKey = null) =>
        new(_store, new SequentialApiKeyGeneratorForApi(), new FakeTimeProvider(ApiTestWorld.Now), Options.Create(new ApiOptions { AdminKey = adminKey }));

    [Fact]
    public async Task AuthenticateHeaderAsync_ConfiguredAdminKey_IsAdmin()
    {
        var caller = await Create("s3cret").AuthenticateHeaderAsync("Bearer s3cret", CancellationToken.None);

        caller.ShouldBe(ApiCaller.Admin);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cret")]
    [InlineData("Basic s3cret")]
    [InlineData("Bearer S3CRET")]
    [InlineData("Bearer s3cret2")]
    public async Task AuthenticateHeaderAsync_AnythingElse_IsNobody(string? header)
    {
        (await Create("s3cret").AuthenticateHeaderAsync(header, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task IssueCompanyKeyAsync_StoresOnlyTheHash_AndTheKeyAuthenticatesAsThatCompany()
    {
        var service = Create("s3cret");

        var issued = await service.IssueCompanyKeyAsync("acme", CancellationToken.None);

        _store.All.Single().KeyHash.ShouldBe(ApiKeyService.Hash(issued.Key));
        _store.All.ShouldNotContain(r => r.KeyHash.Contains(issued.Key));
        (await service.AuthenticateKeyAsync(issued.Key, CancellationToken.None)).ShouldBe(ApiCaller.ForCompany("acme"));
    }

    [Fact]
    public async Task IssueCompanyKeyAsync_Rotation_RevokesTheOldKey()
    {
        var service = Create("s3cret");
        var first = await service.IssueCompanyKeyAsync("acme", CancellationToken.None);

        var second = await service.IssueCompanyKeyAsync("acme", CancellationToken.None);

        (await service.AuthenticateKeyAsync(first.Key, CancellationToken.None)).ShouldBeNull();
        (await service.AuthenticateKeyAsync(second.Key, CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task EnsureAdminKeyAsync_NoneConfigured_GeneratesOnceAndStoresItsHash()
    {
        var service = Create();

        var first = await service.EnsureAdminKeyAsync(CancellationToken.None);
        var second = await service.EnsureAdminKeyAsync(CancellationToken.None);

        first.ShouldBe("test-key-1");
        second.ShouldBeNull();
        (await _store.GetAdminKeyAsync(CancellationToken.None))!.KeyHash.ShouldBe(ApiKeyService.Hash("test-key-1"));
        (await service.AuthenticateKeyAsync(first, CancellationToken.None)).ShouldBe(ApiCaller.Admin);
    }

    [Fact]
    public async Task EnsureAdminKeyAsync_KeyConfigured_GeneratesNothing()
    {
        (await Create("s3cret").EnsureAdminKeyAsync(CancellationToken.None)).ShouldBeNull();

        _store.All.ShouldBeEmpty();
    }

    [Fact]
    public async Task AuthenticateKeyAsync_GeneratedAdminKeyAfterOneIsConfigured_IsRefused()
    {
        await Create().EnsureAdminKeyAsync(CancellationToken.None);

        (await Create("configured-later").AuthenticateKeyAsync("test-key-1", CancellationToken.None)).ShouldBeNull();
    }
}
