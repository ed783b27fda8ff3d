using Azure.Identity;

namespace Alerts.Infrastructure.Tests;

/// <summary>Issue 14: the managed identity in Azure, DefaultAzureCredential only on a developer's machine.</summary>
public sealed class AzureCredentialsTests
{
    [Fact]
    public void Create_InAzure_IsTheManagedIdentity()
    {
        var environment = new Dictionary<string, string?> { ["IDENTITY_ENDPOINT"] = "http://localhost:8081/msi/token", ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001" };

        AzureCredentials.Create(name => environment.GetValueOrDefault(name)).ShouldBeOfType<ManagedIdentityCredential>();
    }

    [Fact]
    public void Create_OnADevelopersMachine_IsDefaultAzureCredential()
    {
        AzureCredentials.Create(_ => null).ShouldBeOfType<DefaultAzureCredential>();
    }
}
