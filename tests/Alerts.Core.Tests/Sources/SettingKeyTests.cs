using Alerts.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Sources;

public sealed class SettingKeyTests
{
    [Fact]
    public void SettingKeyOf_Dashes_BecomeUnderscores() =>
        SourcesServiceCollectionExtensions.SettingKeyOf("cn-mofcom-announcements").ShouldBe("cn_mofcom_announcements");

    [Fact]
    public void Options_AzureSpelling_BindsToTheSource()
    {
        // App Service cannot carry "-" in a setting name: Sources__cn_mofcom_announcements__Schedule must still apply.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sources:cn_mofcom_announcements:Schedule"] = "0 */5 * * * *",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAlertsSources(configuration).BuildServiceProvider();

        services.GetRequiredService<IOptionsMonitor<SourceOptions>>().Get("cn-mofcom-announcements").Schedule.ShouldBe("0 */5 * * * *");
    }
}
