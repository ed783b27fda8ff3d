using System.Net;
using Alerts.Core.Api;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Alerts.Core.Tests.Fetching;

/// <summary>
/// Issue 12 item 5 over HTTP: the source client followed redirects to any host (loopback and private ranges included).
/// The fixture server on 127.0.0.1 is the configured origin; <c>mirror.test</c> is a second name the fake resolver
/// points at the same server, standing for any host the site's content could name.
/// </summary>
public sealed class SourceRequestGuardTests : IDisposable
{
    private const string SourceId = "cn-mofcom-announcements";
    private readonly WireMockServer _server = WireMockServer.Start();
    private ServiceProvider? _provider;

    public SourceRequestGuardTests()
    {
        _server.Given(Request.Create().WithPath("/secret")).RespondWith(Response.Create().WithStatusCode(200).WithBody("<html><body>AccessKeyId=FAKE</body></html>"));
        _server.Given(Request.Create().WithPath("/page")).RespondWith(Response.Create().WithStatusCode(200).WithBody("<html><body>公告正文</body></html>"));
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private string Origin => $"http://127.0.0.1:{_server.Port}";

    private IPageFetcher Fetcher(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Sources:{SourceId}:BaseUrl"] = Origin,
            [$"Sources:{SourceId}:PolitenessDelay"] = "00:00:00",
            [$"Sources:{SourceId}:MaxRetries"] = "2",
            [$"Sources:{SourceId}:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in extra)
        {
            settings[$"Sources:{SourceId}:{key}"] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostResolver>(new LoopbackResolver());
        services.AddAlertsSources(configuration);
        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IPageFetcher>();
    }

    private void RedirectTo(string location) =>
        _server.Given(Request.Create().WithPath("/r")).RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", location));

    private Task<FetchResult> GetAsync(IPageFetcher fetcher, string path) =>
        fetcher.FetchAsync(new FetchRequest(SourceId, new Uri(Origin + path)), CancellationToken.None);

    private int RequestsTo(string path) => _server.LogEntries.Count(e => e.RequestMessage.Path == path);

    [Fact]
    public async Task FetchAsync_RedirectToAnotherHost_IsRefusedWithoutFollowing()
    {
        RedirectTo($"http://mirror.test:{_server.Port}/secret");

        var result = await GetAsync(Fetcher(), "/r");

        result.Outcome.ShouldBe(FetchOutcome.Refused);
        result.Detail.ShouldNotBeNull().ShouldContain("mirror.test");
        RequestsTo("/secret").ShouldBe(0);
        RequestsTo("/r").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_RedirectOnTheConfiguredOrigin_IsFollowed()
    {
        RedirectTo("/page");

        var result = await GetAsync(Fetcher(), "/r");

        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Text.ShouldNotBeNull().ShouldContain("公告正文");
    }

    [Fact]
    public async Task FetchAsync_AllowedMirrorResolvingToLoopback_IsRefusedAtConnect()
    {
        RedirectTo($"http://mirror.test:{_server.Port}/secret");

        var result = await GetAsync(Fetcher(("AllowedHosts:0", "mirror.test")), "/r");

        result.Outcome.ShouldBe(FetchOutcome.Refused);
        result.Detail.ShouldNotBeNull().ShouldContain("not a public address");
        RequestsTo("/secret").ShouldBe(0);
    }

    [Fact]
    public async Task FetchAsync_AllowedMirrorWithNonPublicAddressesAllowed_IsFollowed()
    {
        RedirectTo($"http://mirror.test:{_server.Port}/page");

        var result = await GetAsync(Fetcher(("AllowedHosts:0", "mirror.test"), ("AllowNonPublicAddresses", "true")), "/r");

        result.Outcome.ShouldBe(FetchOutcome.Ok);
    }

    [Fact]
    public async Task FetchAsync_RequestOffTheSourceHosts_IsRefusedBeforeSending()
    {
        var fetcher = Fetcher();

        var result = await fetcher.FetchAsync(new FetchRequest(SourceId, new Uri($"http://mirror.test:{_server.Port}/secret")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Refused);
        RequestsTo("/secret").ShouldBe(0);
    }

    /// <summary>Every name is this machine: what a rebinding DNS answer or a hosts-file entry could make of any host.</summary>
    private sealed class LoopbackResolver : IHostResolver
    {
        public Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<IPAddress>>([IPAddress.Loopback]);
    }
}
