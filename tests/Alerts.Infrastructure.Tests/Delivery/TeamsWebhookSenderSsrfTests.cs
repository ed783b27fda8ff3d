using System.Net;
using Alerts.Core.Api;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.Teams;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Alerts.Core.Fetching;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>Issue 12 items 7 and 9: SSRF refusals and 301/302/303 are permanent failures with their reason.</summary>
public sealed class TeamsWebhookSenderSsrfTests : IDisposable
{
    private const string Path = "/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke";
    private readonly WireMockServer _server = DeliveryWireMock.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryRecordingDelay _delay = new();
    private readonly TeamsOptions _options = new();
    private readonly FakeLogger<TeamsWebhookSender> _logger = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
    }

    private string Url => $"{_server.Url}{Path}?api-version=1&sig=SECRET-SIG";

    private static WebhookUrlValidator Validator(IHostResolver resolver) =>
        new(resolver, Options.Create(new ApiOptions { AllowLoopbackWebhooks = true }));

    private static IHostResolver LoopbackResolver()
    {
        var resolver = Substitute.For<IHostResolver>();
        resolver.ResolveAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns([IPAddress.Loopback]);
        return resolver;
    }

    private TeamsWebhookSender Sender(HttpClient http, WebhookUrlValidator validator) =>
        new(http, validator, new TeamsRateGate(_time, Options.Create(_options)), Options.Create(_options), _delay, _time, _logger);

    /// <summary>The production pipeline: the redirect handler over a handler that does not follow redirects.</summary>
    private static HttpClient RedirectCheckingClient(WebhookUrlValidator validator) =>
        new(new SafeWebhookRedirectHandler(validator) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false } });

    private TeamsCard Card(string url)
    {
        var json = new TeamsCardBuilder(Options.Create(new DeliveryOptions())).Build("Acme", [DeliveryAlerts.Sample()]);
        return new TeamsCard("card-1", "acme-trading", url, json);
    }

    private void RespondRedirect(int status, string location) =>
        _server.Given(Request.Create().WithPath(Path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", location));

    [Fact]
    public async Task SendAsync_RedirectToMetadataService_FailsForGoodWithTheReason()
    {
        RespondRedirect(307, "https://169.254.169.254/latest/meta-data/");
        var validator = Validator(LoopbackResolver());
        using var http = RedirectCheckingClient(validator);

        var result = await Sender(http, validator).SendAsync(Card(Url), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed, result.Detail);
        result.Detail!.ShouldContain("redirect hop 1");
        result.Detail!.ShouldContain("cloud metadata");
        _server.LogEntries.Count.ShouldBe(1);
        _delay.Delays.ShouldAllBe(d => d == TimeSpan.Zero);
        var logged = _logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        logged.Message.ShouldContain("cloud metadata");
        logged.Message.ShouldNotContain("Unknown");
        logged.Message.ShouldNotContain("SECRET-SIG");
    }

    [Fact]
    public async Task SendAsync_NameRebindsToPrivateAtConnect_FailsForGoodWithTheReason()
    {
        // Public (here: loopback, allowed for tests) when the sender checks it, private when the connect callback resolves it.
        var resolver = Substitute.For<IHostResolver>();
        resolver.ResolveAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns([IPAddress.Loopback], [IPAddress.Parse("10.0.0.7")]);
        var validator = Validator(resolver);
        using var http = new HttpClient(validator.CreateSafeSocketsHandler());

        var result = await Sender(http, validator).SendAsync(Card("https://rebind.test/hook?sig=SECRET-SIG"), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed, result.Detail);
        result.Detail!.ShouldContain("10.0.0.7");
        result.Detail!.ShouldContain("private");
        _logger.Collector.GetSnapshot().ShouldAllBe(r => !r.Message.Contains("SECRET-SIG") && !r.Message.Contains("Unknown"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    public async Task SendAsync_Webhook301Or302Or303_FailsWithTheReasonAndIsNotFollowed(int status)
    {
        RespondRedirect(status, $"{_server.Url}/elsewhere");
        _server.Given(Request.Create().WithPath("/elsewhere")).RespondWith(Response.Create().WithStatusCode(200));
        var validator = Validator(LoopbackResolver());
        using var http = RedirectCheckingClient(validator);

        var result = await Sender(http, validator).SendAsync(Card(Url), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed, result.Detail);
        result.Detail!.ShouldContain($"HTTP {status}");
        result.Detail!.ShouldContain("redirect");
        _server.LogEntries.Select(e => (e.RequestMessage.Method, e.RequestMessage.Path)).ShouldBe([("POST", Path)]);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendAsync_Webhook307Or308_RepostsTheCardToTheCheckedTarget(int status)
    {
        RespondRedirect(status, $"{_server.Url}/elsewhere");
        _server.Given(Request.Create().WithPath("/elsewhere").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var resolver = LoopbackResolver();
        var validator = Validator(resolver);
        using var http = RedirectCheckingClient(validator);

        var result = await Sender(http, validator).SendAsync(Card(Url), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Sent, result.Detail);
        var seen = _server.LogEntries.Select(e => e.RequestMessage).ToList();
        seen.Select(r => (r.Method, r.Path)).ShouldBe([("POST", Path), ("POST", "/elsewhere")]);
        seen[1].Body.ShouldBe(seen[0].Body);
        seen[1].Body.ShouldNotBeNullOrEmpty();
    }
}
