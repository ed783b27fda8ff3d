using Alerts.Core.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Api;

public static class ApiInfrastructureExtensions
{
    /// <summary>
    /// The API key store: SQLite in the embedded default. In Azure the admin key comes from configuration
    /// (<c>Api:AdminKey</c>, a Key Vault reference) and company keys need a Tables adapter, not built yet: until then an
    /// Azure deployment accepts the admin key only (<see cref="AdminOnlyApiKeyStore"/>).
    /// </summary>
    public static IServiceCollection AddApiInfrastructure(this IServiceCollection services, HostingMode mode)
    {
        if (mode == HostingMode.Embedded)
        {
            services.TryAddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        }
        else
        {
            services.TryAddSingleton<IApiKeyStore, AdminOnlyApiKeyStore>();
        }

        return services;
    }
}

/// <summary>Knows no company keys and refuses to create any: the configured admin key is the only way in.</summary>
internal sealed class AdminOnlyApiKeyStore : IApiKeyStore
{
    public Task<ApiKeyRecord?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) => Task.FromResult<ApiKeyRecord?>(null);

    public Task SetCompanyKeyAsync(string companyId, string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Company API keys need the Tables key store, which is not built yet.");

    public Task DeleteCompanyKeysAsync(string companyId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ApiKeyRecord?> GetAdminKeyAsync(CancellationToken cancellationToken) => Task.FromResult<ApiKeyRecord?>(null);

    public Task SetAdminKeyAsync(string keyHash, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("In Azure, configure Api:AdminKey (Key Vault reference).");
}
