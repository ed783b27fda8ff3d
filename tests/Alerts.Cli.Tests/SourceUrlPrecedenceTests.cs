using Alerts.Cli.Commands;
using Alerts.Cli.Hosting;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Tests;

/// <summary>Tests that set process environment variables run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>Issue 12 item 12: an explicit <c>--source-url</c> beats <c>Sources__&lt;id&gt;__BaseUrl</c> in the environment.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SourceUrlPrecedenceTests
{
    private const string SourceId = "cn-mofcom-announcements";
    private const string Flag = "http://127.0.0.1:8080";

    private static void WithEnvironment(string name, Action action)
    {
        Environment.SetEnvironmentVariable(name, "http://127.0.0.1:1");
        try
        {
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    private static Dictionary<string, string?> FlagConfiguration()
    {
        CommonOptions.TryParseSourceUrls([$"{SourceId}={Flag}"], out var configuration, out var error).ShouldBeTrue(error);
        return configuration;
    }

    [Theory]
    [InlineData("Sources__cn_mofcom_announcements__BaseUrl")]
    [InlineData("Sources__cn-mofcom-announcements__BaseUrl")]
    public void CliServicesBuild_EnvironmentBaseUrlAndSourceUrlFlag_FlagWins(string variable)
    {
        using var data = new TempDirectory();
        WithEnvironment(variable, () =>
        {
            using var services = CliServices.Build(data.Path, FlagConfiguration());

            services.GetRequiredService<ISourceCatalog>().BaseUrlOf(SourceId).ShouldBe(new Uri(Flag));
        });
    }

    [Theory]
    [InlineData("Sources__cn_mofcom_announcements__BaseUrl")]
    [InlineData("Sources__cn-mofcom-announcements__BaseUrl")]
    public void EmbeddedHostBuild_EnvironmentBaseUrlAndSourceUrlFlag_FlagWins(string variable)
    {
        using var data = new TempDirectory();
        WithEnvironment(variable, () =>
        {
            var app = EmbeddedHost.Build(new EmbeddedHostSettings(data.Path, 7071) { Configuration = FlagConfiguration(), BackgroundLoops = false });
            try
            {
                app.Services.GetRequiredService<ISourceCatalog>().BaseUrlOf(SourceId).ShouldBe(new Uri(Flag));
            }
            finally
            {
                app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });
    }

    [Fact]
    public void CliServicesBuild_EnvironmentBaseUrlWithoutFlag_IsUsed()
    {
        using var data = new TempDirectory();
        WithEnvironment("Sources__cn_mofcom_announcements__BaseUrl", () =>
        {
            using var services = CliServices.Build(data.Path);

            services.GetRequiredService<ISourceCatalog>().BaseUrlOf(SourceId).ShouldBe(new Uri("http://127.0.0.1:1"));
        });
    }
}
