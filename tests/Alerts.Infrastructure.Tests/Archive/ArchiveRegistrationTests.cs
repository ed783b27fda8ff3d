using Alerts.Core;
using Alerts.Core.Audit;
using Alerts.Core.Changes;
using Alerts.Infrastructure.Archive;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Tests.Archive;

public sealed class ArchiveRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Embedded_RegistersTheFileArchiveUnderTheDataDirectoryAndTheAuditPack()
    {
        using var temp = new TempDirectory();
        using var provider = Build(new() { ["Hosting:Mode"] = "Embedded", ["Hosting:DataDirectory"] = temp.Path });

        provider.GetRequiredService<IPageArchive>().ShouldBeOfType<FilePageArchive>().Root.ShouldBe(Path.Combine(temp.Path, ArchiveInfrastructureExtensions.FolderName));
        provider.GetRequiredService<IAuditPackService>().ShouldBeOfType<AuditPackService>();
        provider.GetRequiredService<PageArchivePruner>().ShouldNotBeNull();
    }

    [Fact]
    public void Azure_RegistersTheBlobArchiveInThePagesContainerAndTheAuditPack()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Azure", ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", ["Storage:TablePrefix"] = "Prod", ["KeyVault:VaultUri"] = "https://kv-test.vault.azure.net/" });

        provider.GetRequiredService<IPageArchive>().ShouldBeOfType<BlobPageArchive>().Container.Name.ShouldBe("prod-pages");
        provider.GetRequiredService<IAuditPackService>().ShouldBeOfType<AuditPackService>();
        provider.GetRequiredService<PageArchivePruner>().ShouldNotBeNull();
    }
}
