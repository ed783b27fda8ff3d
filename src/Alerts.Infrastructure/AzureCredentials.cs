using Azure.Core;
using Azure.Identity;

namespace Alerts.Infrastructure;

/// <summary>
/// The one credential of the Azure clients. In Azure (App Service/Functions set <c>IDENTITY_ENDPOINT</c>) it is the
/// app's managed identity — the user-assigned one named by <c>AZURE_CLIENT_ID</c> (infra/main.bicep) — and nothing
/// else: <see cref="DefaultAzureCredential"/> would try environment, workload and CLI credentials first, slower and
/// open to picking up the wrong identity. On a developer's machine (the CLI against Azure) it is
/// <see cref="DefaultAzureCredential"/>, so <c>az login</c> works.
/// </summary>
public static class AzureCredentials
{
    public static TokenCredential Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.IsNullOrEmpty(environment("IDENTITY_ENDPOINT")))
        {
            return new DefaultAzureCredential();
        }

        var clientId = environment("AZURE_CLIENT_ID");
        return new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>A user-assigned identity by client id (the Application Insights exporter), or the system-assigned one.</summary>
    public static TokenCredential ManagedIdentity(string? clientId) =>
        new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
