using System.Text;
using Alerts.Core.Fetching;
using Alerts.Core.Sources;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Alerts.Core.Tests.Fetching;

public sealed class HttpPageFetcherTests : IDisposable
{
    private const string SourceId = "cn-mofcom-announcements";
    private readonly WireMockServer _server = WireMockServer.Start();
    private ServiceProvider? _provider;

    static HttpPageFetcherTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose()
    {
        _provider?.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private Uri Url(string path) => new($"http://127.0.0.1:{_server.Port}{path}");

    private IPageFetcher Fetcher(long maxBody = 10 * 1024 * 1024, string timeout = "00:00:15", int retries = 2)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // The fixture server is the configured origin: the SSRF guard trusts it, loopback and all.
            [$"Sources:{SourceId}:BaseUrl"] = $"http://127.0.0.1:{_server.Port}",
            [$"Sources:{SourceId}:PolitenessDelay"] = "00:00:00",
            [$"Sources:{SourceId}:Timeout"] = timeout,
            [$"Sources:{SourceId}:MaxRetries"] = retries.ToString(),
            [$"Sources:{SourceId}:RetryBaseDelay"] = "00:00:00.010",
            [$"Sources:{SourceId}:MaxBodyBytes"] = maxBody.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsSources(configuration);
        _provider = services.BuildServiceProvider();
        return _provider.GetRequiredService<IPageFetcher>();
    }

    private void Serve(string path, int status, byte[] body, string contentType = "text/html", params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        _server.Given(Request.Create().WithPath(path)).RespondWith(response);
    }

    private Task<FetchResult> GetAsync(IPageFetcher fetcher, string path, string? etag = null) =>
        fetcher.FetchAsync(new FetchRequest(SourceId, Url(path)) { ETag = etag }, CancellationToken.None);

    [Fact]
    public async Task FetchAsync_BinaryRequest_ReturnsTheBytesUndecoded()
    {
        byte[] pdf = [.. "%PDF-1.7\n"u8, 0xFF, 0xFE, 0x00, 0x9C, 0x81];
        Serve("/annex.pdf", 200, pdf, "application/pdf");

        var result = await Fetcher().FetchAsync(new FetchRequest(SourceId, Url("/annex.pdf")) { Binary = true }, CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Bytes.ShouldBe(pdf);
        result.Text.ShouldBeNull();
    }

    [Fact]
    public async Task FetchAsync_BinaryRequestOverTheCap_IsTooLarge()
    {
        Serve("/big.pdf", 200, new byte[4096], "application/pdf");

        var result = await Fetcher(maxBody: 1024).FetchAsync(new FetchRequest(SourceId, Url("/big.pdf")) { Binary = true }, CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.TooLarge);
    }

    [Fact]
    public async Task FetchAsync_GbkCharsetInHeader_DecodesChinese()
    {
        Serve("/gbk", 200, Encoding.GetEncoding("GBK").GetBytes("<p>商务部公告2026年第1号</p>"), "text/html; charset=GBK");
        var result = await GetAsync(Fetcher(), "/gbk");
        result.Text.ShouldBe("<p>商务部公告2026年第1号</p>");
    }

    [Fact]
    public async Task FetchAsync_GbkCharsetInMetaOnly_DecodesChinese()
    {
        Serve("/gbk-meta", 200, File.ReadAllBytes(RepositoryPaths.Fixture("cn-mofcom-announcements/variants/detail-gbk.html")));
        var result = await GetAsync(Fetcher(), "/gbk-meta");
        result.Outcome.ShouldBe(FetchOutcome.Ok);
        result.Text!.ShouldContain("禁止向日本军事用户");
    }

    [Fact]
    public async Task FetchAsync_ShiftJisMeta_DecodesJapanese()
    {
        Serve("/sjis", 200, File.ReadAllBytes(RepositoryPaths.Fixture("jp-meti-press/detail-shift_jis.html")));
        var result = await GetAsync(Fetcher(), "/sjis");
        result.Text!.ShouldContain("外国ユーザーリストを改正しました");
    }

    [Theory]
    [InlineData("windows-31j")]
    [InlineData("x-sjis")]
    [InlineData("ms932")]
    public async Task FetchAsync_ShiftJisAlias_DecodesJapanese(string alias)
    {
        Serve("/alias", 200, Encoding.GetEncoding(932).GetBytes("令和8年1月6日"), "text/html; charset=" + alias);
        var result = await GetAsync(Fetcher(), "/alias");
        result.Text.ShouldBe("令和8年1月6日");
    }

    [Fact]
    public async Task FetchAsync_EucJp_DecodesJapanese()
    {
        Serve("/euc", 200, Encoding.GetEncoding(51932).GetBytes("経済産業省"), "text/html; charset=EUC-JP");
        (await GetAsync(Fetcher(), "/euc")).Text.ShouldBe("経済産業省");
    }

    [Fact]
    public async Task FetchAsync_Utf8Bom_IsStripped()
    {
        Serve("/bom", 200, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("公告")]);
        (await GetAsync(Fetcher(), "/bom")).Text.ShouldBe("公告");
    }

    [Fact]
    public async Task FetchAsync_EtagMatches_IsNotModified()
    {
        _server.Given(Request.Create().WithPath("/etag").WithHeader("If-None-Match", "\"v1\"")).RespondWith(Response.Create().WithStatusCode(304));
        var result = await GetAsync(Fetcher(), "/etag", "\"v1\"");
        result.Outcome.ShouldBe(FetchOutcome.NotModified);
    }

    [Fact]
    public async Task FetchAsync_Ok_ReturnsValidators()
    {
        Serve("/v", 200, Encoding.UTF8.GetBytes("<p>x</p>"), "text/html", ("ETag", "\"abc\""), ("Last-Modified", "Tue, 24 Feb 2026 01:30:00 GMT"));
        var result = await GetAsync(Fetcher(), "/v");
        result.ETag.ShouldBe("\"abc\"");
        result.LastModified.ShouldBe(new DateTimeOffset(2026, 2, 24, 1, 30, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(403, FetchOutcome.Blocked)]
    [InlineData(412, FetchOutcome.Blocked)]
    [InlineData(404, FetchOutcome.Gone)]
    [InlineData(410, FetchOutcome.Gone)]
    [InlineData(500, FetchOutcome.ServerError)]
    [InlineData(503, FetchOutcome.ServerError)]
    public async Task FetchAsync_Status_IsClassified(int status, FetchOutcome expected)
    {
        Serve("/s", status, Encoding.UTF8.GetBytes("<html><body>error</body></html>"));
        (await GetAsync(Fetcher(), "/s")).Outcome.ShouldBe(expected);
    }

    [Fact]
    public async Task FetchAsync_202WithEmptyBody_IsBlocked()
    {
        Serve("/waf", 202, []);
        (await GetAsync(Fetcher(), "/waf")).Outcome.ShouldBe(FetchOutcome.Blocked);
    }

    [Fact]
    public async Task FetchAsync_FakePageNotFoundWith200_IsBlocked()
    {
        Serve("/fake", 200, File.ReadAllBytes(RepositoryPaths.Fixture("jp-kantei-news/fake-not-found.html")));
        (await GetAsync(Fetcher(), "/fake")).Outcome.ShouldBe(FetchOutcome.Blocked);
    }

    [Fact]
    public async Task FetchAsync_ServerError_IsRetried()
    {
        Serve("/retry", 500, Encoding.UTF8.GetBytes("oops"));
        await GetAsync(Fetcher(retries: 2), "/retry");
        _server.LogEntries.Count(e => e.RequestMessage.Path == "/retry").ShouldBe(3);
    }

    [Fact]
    public async Task FetchAsync_PostServerError_IsNotRetried()
    {
        Serve("/post", 500, Encoding.UTF8.GetBytes("oops"));
        await Fetcher(retries: 2).FetchAsync(new FetchRequest(SourceId, Url("/post")) { Method = HttpMethod.Post, FormBody = "pageNumber=1" }, CancellationToken.None);
        _server.LogEntries.Count(e => e.RequestMessage.Path == "/post").ShouldBe(1);
    }

    [Fact]
    public async Task FetchAsync_503WithRetryAfter_RetriesAndSucceeds()
    {
        _server.Given(Request.Create().WithPath("/later")).InScenario("later").WillSetStateTo("ready")
            .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Retry-After", "1"));
        _server.Given(Request.Create().WithPath("/later")).InScenario("later").WhenStateIs("ready")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody("公告"));
        var result = await GetAsync(Fetcher(), "/later");
        result.Text.ShouldBe("公告");
        result.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task FetchAsync_TwentyMegabyteBody_IsTooLarge()
    {
        Serve("/big", 200, new byte[20 * 1024 * 1024]);
        (await GetAsync(Fetcher(), "/big")).Outcome.ShouldBe(FetchOutcome.TooLarge);
    }

    [Fact]
    public async Task FetchAsync_BodyOverConfiguredCap_IsTooLarge()
    {
        Serve("/cap", 200, Encoding.UTF8.GetBytes(new string('x', 5000)));
        (await GetAsync(Fetcher(maxBody: 4096), "/cap")).Outcome.ShouldBe(FetchOutcome.TooLarge);
    }

    [Fact]
    public async Task FetchAsync_SlowServer_IsTimeout()
    {
        _server.Given(Request.Create().WithPath("/slow")).RespondWith(Response.Create().WithStatusCode(200).WithBody("late").WithDelay(TimeSpan.FromSeconds(3)));
        (await GetAsync(Fetcher(timeout: "00:00:00.200", retries: 0), "/slow")).Outcome.ShouldBe(FetchOutcome.Timeout);
    }

    [Fact]
    public async Task FetchAsync_ConnectionRefused_IsConnection()
    {
        // A port nobody listens on: the connection is refused at once, as when a site drops us at the edge
        // (MOFCOM "resets the first connection", sources.md §1.1). A reset served by a test listener proved
        // timing-dependent on a loaded machine; a refusal is the same failure class without the race.
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var result = await Fetcher(timeout: "00:00:30", retries: 0).FetchAsync(new FetchRequest(SourceId, new Uri($"http://127.0.0.1:{port}/x")), CancellationToken.None);

        result.Outcome.ShouldBe(FetchOutcome.Connection);
    }

    [Fact]
    public async Task FetchAsync_Request_SendsBrowserLikeUserAgent()
    {
        Serve("/ua", 200, Encoding.UTF8.GetBytes("ok"));
        await GetAsync(Fetcher(), "/ua");
        _server.LogEntries.Single(e => e.RequestMessage.Path == "/ua").RequestMessage.Headers!["User-Agent"].ToString()!.ShouldStartWith("Mozilla/5.0");
    }
}
