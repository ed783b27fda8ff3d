using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.SendGrid;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Alerts.Infrastructure.Tests.Delivery;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly WireMockServer _server = DeliveryWireMock.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryRecordingDelay _delay = new();
    private readonly SendGridOptions _options;
    private readonly HttpClient _http = new();

    public SendGridEmailSenderTests()
    {
        _options = new SendGridOptions { ApiKey = "SG.test-key", Host = _server.Url!, FromEmail = "alerts@example.com" };
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private SendGridEmailSender Sender() => new(_http, Options.Create(_options), _delay, _time, NullLogger<SendGridEmailSender>.Instance);

    private static EmailMessage Message(params string[] recipients) =>
        new(EmailKind.Alert, "alert-1", "acme-trading", "cn-mofcom-announcements", "[HIGH] Subject", "<p>html</p>", "text", recipients);

    private void Respond(int status) =>
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    private List<JsonElement> Bodies() =>
        _server.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement).ToList();

    [Fact]
    public async Task SendAsync_Accepted_PostsOnePersonalizationPerRecipientWithCategoriesAndCustomArgs()
    {
        Respond(202);

        var results = await Sender().SendAsync(Message("a@acme.example", "b@acme.example"), CancellationToken.None);

        results.ShouldAllBe(r => r.Result.Status == SendStatus.Sent);
        var body = Bodies().Single();
        body.GetProperty("personalizations").GetArrayLength().ShouldBe(2);
        body.GetProperty("personalizations")[1].GetProperty("to")[0].GetProperty("email").GetString().ShouldBe("b@acme.example");
        body.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ShouldBe(["alert", "source:cn-mofcom-announcements"]);
        body.GetProperty("custom_args").GetProperty("alertId").GetString().ShouldBe("alert-1");
        body.GetProperty("custom_args").GetProperty("companyId").GetString().ShouldBe("acme-trading");
        body.GetProperty("from").GetProperty("email").GetString().ShouldBe("alerts@example.com");
        body.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ShouldBe(["text/plain", "text/html"]);
        _server.LogEntries.Single().RequestMessage.Headers!["Authorization"].Single().ShouldBe("Bearer SG.test-key");
    }

    [Fact]
    public async Task SendAsync_Accepted_GivesSendGridsMessageIdForTheLedger()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("X-Message-Id", "W86EgYT6SQKk0lRflfLRsA"));

        var results = await Sender().SendAsync(Message("a@acme.example"), CancellationToken.None);

        results.ShouldHaveSingleItem().Result.ProviderMessageId.ShouldBe("W86EgYT6SQKk0lRflfLRsA");
    }

    [Fact]
    public async Task SendAsync_2500Recipients_BatchesAt1000Personalizations()
    {
        Respond(202);
        var recipients = Enumerable.Range(0, 2500).Select(i => $"r{i}@acme.example").ToArray();

        var results = await Sender().SendAsync(Message(recipients), CancellationToken.None);

        results.Count.ShouldBe(2500);
        Bodies().Select(b => b.GetProperty("personalizations").GetArrayLength()).Order().ShouldBe([500, 1000, 1000]);
    }

    [Fact]
    public async Task SendAsync_429ThenAccepted_WaitsUntilRateLimitResetThenSucceeds()
    {
        var reset = _time.GetUtcNow().AddSeconds(7).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("rate").WillSetStateTo("open")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("X-RateLimit-Reset", reset));
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("rate").WhenStateIs("open")
            .RespondWith(Response.Create().WithStatusCode(202));

        var results = await Sender().SendAsync(Message("a@acme.example"), CancellationToken.None);

        results.Single().Result.Status.ShouldBe(SendStatus.Sent);
        _server.LogEntries.Count.ShouldBe(2);
        _delay.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task SendAsync_400_IsFailedAndNotRetried()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"errors":[{"message":"bad"}]}"""));

        var results = await Sender().SendAsync(Message("a@acme.example"), CancellationToken.None);

        results.Single().Result.Status.ShouldBe(SendStatus.Failed);
        results.Single().Result.Detail!.ShouldContain("400");
        _server.LogEntries.Count.ShouldBe(1);
        _delay.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_Always503_RetriesThenReportsRetryable()
    {
        Respond(503);

        var results = await Sender().SendAsync(Message("a@acme.example"), CancellationToken.None);

        results.Single().Result.Status.ShouldBe(SendStatus.Retryable);
        _server.LogEntries.Count.ShouldBe(_options.MaxAttempts);
    }

    [Fact]
    public async Task SendAsync_SandboxMode_SetsMailSettings()
    {
        Respond(200);
        _options.SandboxMode = true;

        var results = await Sender().SendAsync(Message("a@acme.example"), CancellationToken.None);

        results.Single().Result.Status.ShouldBe(SendStatus.Sent);
        Bodies().Single().GetProperty("mail_settings").GetProperty("sandbox_mode").GetProperty("enable").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task SendAsync_RenderedHostileTitle_HtmlContentIsEscaped(string hostile)
    {
        Respond(202);
        var alert = DeliveryAlerts.Sample(title: hostile) with { TitleGloss = hostile };
        var rendered = new AlertEmailRenderer(Options.Create(new DeliveryOptions())).Render(alert, "Acme");
        var message = Message("a@acme.example") with { Html = rendered.Html, Subject = rendered.Subject };

        await Sender().SendAsync(message, CancellationToken.None);

        var html = Bodies().Single().GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;
        html.ShouldNotContain("<script>");
        html.ShouldNotContain("<img");
        html.ShouldContain(System.Net.WebUtility.HtmlEncode(hostile));
    }
}
