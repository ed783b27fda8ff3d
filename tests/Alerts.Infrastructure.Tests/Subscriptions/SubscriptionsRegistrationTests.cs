using Alerts.Core;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Alerts.Core.Matching;

namespace Alerts.Infrastructure.Tests.Subscriptions;

public sealed class SubscriptionsRegistrationTests
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
    public void Embedded_RegistersSqliteStoreMatcherAndService()
    {
        using var temp = new TempDirectory();
        using var provider = Build(new() { ["Hosting:Mode"] = "Embedded", ["Hosting:DataDirectory"] = temp.Path });

        provider.GetRequiredService<ICompanyStore>().ShouldBeOfType<SqliteCompanyStore>();
        provider.GetRequiredService<INoticeMatcher>().ShouldBeOfType<NoticeMatcher>();
        provider.GetRequiredService<SubscriptionsService>().ShouldNotBeNull();
    }

    [Fact]
    public void Azure_RegistersTableStore()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Azure", ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", ["KeyVault:VaultUri"] = "https://kv-test.vault.azure.net/" });

        provider.GetRequiredService<ICompanyStore>().ShouldBeOfType<TableCompanyStore>();
    }

    [Fact]
    public void Azure_NoVaultUri_FailsNamingTheSetting()
    {
        using var provider = Build(new() { ["Hosting:Mode"] = "Azure", ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" });

        var failure = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Alerts.Infrastructure.KeyVault.KeyVaultOptions>>().Value);

        failure.Message.ShouldContain("KeyVault:VaultUri");
    }
}
