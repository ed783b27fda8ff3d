using NSubstitute;
using Alerts.Core.Api;
using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.Teams;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Alerts.Core.Fetching;

namespace Alerts.Infrastructure.Tests.Delivery;

public sealed class TeamsWebhookSenderTests : IDisposable
{
    private const string Path = "/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke";
    private readonly WireMockServer _server = DeliveryWireMock.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryRecordingDelay _delay = new();
    private readonly TeamsOptions _options = new();
    private readonly FakeLogger<TeamsWebhookSender> _logger = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private string Url => $"{_server.Url}{Path}?api-version=1&sig=SECRET-SIG";

    private TeamsWebhookSender Sender(bool allowLoopback = true) =>
        new(_http, Validator(allowLoopback), new TeamsRateGate(_time, Options.Create(_options)), Options.Create(_options), _delay, _time, _logger);

    // WireMock listens on 127.0.0.1, which the SSRF rules refuse unless Api:AllowLoopbackWebhooks is set.
    private static WebhookUrlValidator Validator(bool allowLoopback)
    {
        var resolver = Substitute.For<IHostResolver>();
        resolver.ResolveAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns([System.Net.IPAddress.Loopback]);
        return new(resolver, Options.Create(new ApiOptions { AllowLoopbackWebhooks = allowLoopback }));
    }

    [Fact]
    public async Task SendAsync_LoopbackWebhookNotAllowed_FailsWithoutARequest()
    {
        Respond(202);

        var result = await Sender(allowLoopback: false).SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed);
        result.Detail!.ShouldContain("webhook refused");
        _server.LogEntries.ShouldBeEmpty();
    }

    private TeamsCard Card(string? title = null)
    {
        var alert = title is null ? DeliveryAlerts.Sample() : DeliveryAlerts.Sample(title: title) with { TitleGloss = null };
        var json = new TeamsCardBuilder(Options.Create(new DeliveryOptions())).Build("Acme", [alert]);
        return new TeamsCard("card-1", "acme-trading", Url, json);
    }

    private void Respond(int status) =>
        _server.Given(Request.Create().WithPath(Path).UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    [Fact]
    public async Task SendAsync_Accepted202_PostsTheCardAsUtf8Json()
    {
        Respond(202);

        var result = await Sender().SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Sent, result.Detail);
        var request = _server.LogEntries.Single().RequestMessage;
        request.Headers!["Content-Type"].Single().ShouldBe("application/json; charset=utf-8");
        var body = JsonDocument.Parse(request.Body!).RootElement;
        var content = body.GetProperty("attachments")[0].GetProperty("content");
        content.GetProperty("type").GetString().ShouldBe("AdaptiveCard");
        content.GetProperty("version").GetString().ShouldBe("1.4");
        content.GetProperty("body")[1].GetProperty("items")[1].GetProperty("text").GetString().ShouldBe("商务部公告2026年第1号 关于加强两用物项对日本出口管制的公告");
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterThen202_WaitsRetryAfterAndSucceeds()
    {
        _server.Given(Request.Create().WithPath(Path).UsingPost()).InScenario("t").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "3"));
        _server.Given(Request.Create().WithPath(Path).UsingPost()).InScenario("t").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(202));

        var result = await Sender().SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Sent);
        _server.LogEntries.Count.ShouldBe(2);
        _delay.Delays.ShouldContain(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task SendAsync_400_IsFailedAndNotRetried()
    {
        Respond(400);

        var result = await Sender().SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed);
        _server.LogEntries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task SendAsync_Always500_RetriesThenReportsRetryable()
    {
        Respond(500);

        var result = await Sender().SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Retryable);
        _server.LogEntries.Count.ShouldBe(_options.MaxAttempts);
    }

    [Fact]
    public async Task SendAsync_TwoCardsToOneUrl_SecondWaitsForTheMinimumInterval()
    {
        Respond(202);
        var sender = Sender();

        await sender.SendAsync(Card(), CancellationToken.None);
        await sender.SendAsync(Card(), CancellationToken.None);

        _delay.Delays.ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1)]);
    }

    [Fact]
    public async Task SendAsync_AnyOutcome_NeverLogsTheWebhookUrl()
    {
        Respond(400);

        await Sender().SendAsync(Card(), CancellationToken.None);

        _logger.Collector.GetSnapshot().ShouldNotBeEmpty();
        _logger.Collector.GetSnapshot().ShouldAllBe(r => !r.Message.Contains("SECRET-SIG") && !r.Message.Contains(Path));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task SendAsync_HostileTitle_ArrivesEscapedAndIntact(string hostile)
    {
        Respond(202);

        await Sender().SendAsync(Card(hostile), CancellationToken.None);

        var raw = _server.LogEntries.Single().RequestMessage.Body!;
        raw.ShouldNotContain("<script>");
        raw.ShouldNotContain("<img");
        JsonDocument.Parse(raw).RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[1]
            .GetProperty("items")[0].GetProperty("text").GetString()!.ShouldEndWith(TeamsCardBuilder.Md(hostile)); // Markdown-escaped (issue 12, item 6)
    }
}
