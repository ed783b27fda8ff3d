using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Alerts.Core.Tests.Sources;

public sealed class SourcesRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsSources(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddAlertsSources_RegistersAllTenSources()
    {
        using var provider = Build([]);
        provider.GetRequiredService<ISourceCatalog>().All.Select(s => s.Descriptor.Id).ShouldBe(
        [
            "cn-mofcom-announcements", "cn-mofcom-bis", "cn-mofcom-exportcontrol", "cn-mofcom-spokesperson", "jp-meti-press",
            "jp-meti-anpo", "jp-mofa-press-ja", "jp-mofa-press-en", "jp-kantei-news", "cn-gacc-announcements",
        ]);
    }

    [Fact]
    public void Catalog_NoConfiguration_UsesOfficialOriginAndDefaultSchedule()
    {
        using var provider = Build([]);
        var catalog = provider.GetRequiredService<ISourceCatalog>();
        catalog.BaseUrlOf("jp-meti-press").ShouldBe(new Uri("https://www.meti.go.jp"));
        catalog.ScheduleOf("cn-mofcom-announcements").ShouldBe("0 */15 * * * *");
    }

    [Fact]
    public void Catalog_Configured_UsesConfiguredBaseUrlAndSchedule()
    {
        using var provider = Build(new()
        {
            ["Sources:cn-mofcom-announcements:BaseUrl"] = "http://127.0.0.1:5100",
            ["Sources:cn-mofcom-announcements:Schedule"] = "0 */5 * * * *",
        });
        var catalog = provider.GetRequiredService<ISourceCatalog>();
        catalog.BaseUrlOf("cn-mofcom-announcements").ShouldBe(new Uri("http://127.0.0.1:5100"));
        catalog.ScheduleOf("cn-mofcom-announcements").ShouldBe("0 */5 * * * *");
    }

    [Fact]
    public void Catalog_Configured_GivesTheCapBackOffAndMirrorsToPolls()
    {
        using var provider = Build(new()
        {
            ["Sources:cn-mofcom-announcements:MaxDetailFetchesPerPoll"] = "7",
            ["Sources:cn-mofcom-announcements:UnreadRetryBaseDelay"] = "00:01:00",
            ["Sources:cn-mofcom-announcements:AllowedHosts:0"] = "xkzj.mofcom.gov.cn",
        });

        var settings = provider.GetRequiredService<ISourceCatalog>().PollSettingsOf("cn-mofcom-announcements");

        settings.MaxDetailFetchesPerPoll.ShouldBe(7);
        settings.UnreadRetryBaseDelay.ShouldBe(TimeSpan.FromMinutes(1));
        settings.AllowedHosts.ShouldBe(["xkzj.mofcom.gov.cn"]);
    }

    [Fact]
    public void Catalog_RevalidateSchedule_ConfiguredOrEverySixHours()
    {
        using var provider = Build(new() { ["Sources:cn-mofcom-announcements:RevalidateSchedule"] = "0 30 */2 * * *" });
        var catalog = provider.GetRequiredService<ISourceCatalog>();

        catalog.PollSettingsOf("cn-mofcom-announcements").RevalidateSchedule.ShouldBe("0 30 */2 * * *");
        catalog.PollSettingsOf("jp-meti-press").RevalidateSchedule.ShouldBe(SourcePollSettings.DefaultRevalidateSchedule);
    }

    [Theory]
    [InlineData("BaseUrl", "not a url")]
    [InlineData("Schedule", "*/5 * * * *")]
    [InlineData("RevalidateSchedule", "0 */6 * * *")]
    [InlineData("ProxyUrl", "ftp://proxy")]
    [InlineData("MaxBodyBytes", "0")]
    [InlineData("MaxDetailFetchesPerPoll", "0")]
    [InlineData("AllowedHosts:0", "https://mirror.example/path")]
    public void Options_Invalid_FailValidation(string key, string value)
    {
        using var provider = Build(new() { [$"Sources:jp-meti-press:{key}"] = value });
        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SourceOptions>>().Get("jp-meti-press"));
    }

    [Fact]
    public void SourceUrls_OfficialAbsoluteLink_IsMappedOntoOverrideOrigin()
    {
        var mapped = SourceUrls.Resolve("https://www.mofcom.gov.cn/zcfb/a.html?x=1", new Uri("http://127.0.0.1:9/zcfb/index.html"), new Uri("http://127.0.0.1:9"), MofcomAnnouncementsSource.DescriptorValue);
        mapped.ShouldBe(new Uri("http://127.0.0.1:9/zcfb/a.html?x=1"));
    }

    [Fact]
    public void SourceUrls_ForeignHost_IsKept()
    {
        var mapped = SourceUrls.Resolve("https://english.example.org/a.html", new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.1:9"), MofcomAnnouncementsSource.DescriptorValue);
        mapped.ShouldBe(new Uri("https://english.example.org/a.html"));
    }

    /// <summary>The real fetcher and the MOFCOM adapter against the fixture site on WireMock (what the CLI does).</summary>
    [Fact]
    public async Task PollAsync_RealFetcherAgainstFixtureSite_FindsEightNotices()
    {
        using var server = WireMockServer.Start();
        var root = RepositoryPaths.Fixture("cn-mofcom-announcements/site");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            server.Given(Request.Create().WithPath("/" + Path.GetRelativePath(root, file).Replace('\\', '/')).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(File.ReadAllBytes(file)));
        }

        var baseUrl = new Uri($"http://127.0.0.1:{server.Port}");
        using var provider = Build(new() { ["Sources:cn-mofcom-announcements:BaseUrl"] = baseUrl.ToString(), ["Sources:cn-mofcom-announcements:MaxRetries"] = "0" });
        var source = provider.GetRequiredService<ISourceCatalog>().Find("cn-mofcom-announcements")!;
        var result = await source.PollAsync(new SourcePollContext(baseUrl, new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Notices.Count.ShouldBe(8);
        result.Notices.ShouldAllBe(n => n.Urls[0].StartsWith(baseUrl.ToString()));
    }
}
