using Alerts.Core;
using Alerts.Core.Api;
using Alerts.Core.Delivery;
using Alerts.Core.Ops;
using Alerts.Infrastructure.SendGrid;
using Alerts.Infrastructure.Teams;
using Alerts.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using Alerts.Core.Fetching;

namespace Alerts.Infrastructure.Tests.Delivery;

/// <summary>
/// Issue 14: answers retrying cannot fix — SendGrid 401/403 (bad key, unverified sender), Teams 401/403/404 (revoked
/// workflow) — fail the send once, are not retried as transient, and mark the channel unhealthy with the reason.
/// </summary>
public sealed class ChannelHealthTests : IDisposable
{
    private const string TeamsPath = "/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke";
    private readonly WireMockServer _server = DeliveryWireMock.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly DeliveryRecordingDelay _delay = new();
    private readonly HttpClient _http = new();
    private readonly ChannelHealth _health;

    public ChannelHealthTests() => _health = new ChannelHealth(_time);

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _http.Dispose();
    }

    private string TeamsUrl => $"{_server.Url}{TeamsPath}?api-version=1&sig=SECRET-SIG";

    private SendGridEmailSender SendGrid() => new(
        _http,
        Options.Create(new SendGridOptions { ApiKey = "SG.test-key", Host = _server.Url!, FromEmail = "alerts@example.com" }),
        _delay,
        _time,
        NullLogger<SendGridEmailSender>.Instance,
        _health);

    private TeamsWebhookSender Teams()
    {
        var options = Options.Create(new TeamsOptions());
        var resolver = Substitute.For<IHostResolver>();
        resolver.ResolveAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns([System.Net.IPAddress.Loopback]);
        var validator = new WebhookUrlValidator(resolver, Options.Create(new ApiOptions { AllowLoopbackWebhooks = true }));
        return new(_http, validator, new TeamsRateGate(_time, options), options, _delay, _time, NullLogger<TeamsWebhookSender>.Instance, _health);
    }

    private static EmailMessage Email() =>
        new(EmailKind.Alert, "alert-1", "acme-trading", "cn-mofcom-announcements", "[HIGH] Subject", "<p>html</p>", "text", ["a@acme.example"]);

    private TeamsCard Card() =>
        new("card-1", "acme-trading", TeamsUrl, new TeamsCardBuilder(Options.Create(new DeliveryOptions())).Build("Acme", [DeliveryAlerts.Sample()]));

    private ChannelHealthSummary Channel(string name) => _health.Snapshot().Single(c => c.Channel == name);

    [Theory]
    [InlineData(401, "API key")]
    [InlineData(403, "sender is not verified")]
    public async Task SendGrid_AuthRejection_MarksEmailUnhealthyWithTheReasonAndIsNotRetried(int status, string reason)
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("""{"errors":[{"message":"The from address does not match a verified Sender Identity."}]}"""));

        var result = (await SendGrid().SendAsync(Email(), CancellationToken.None)).Single().Result;

        result.Status.ShouldBe(SendStatus.Failed);
        result.Detail.ShouldNotBeNull().ShouldContain($"HTTP {status}");
        _server.LogEntries.Count.ShouldBe(1, "a 401/403 is not transient: no retry");
        _delay.Delays.ShouldBeEmpty();
        var email = Channel(ChannelHealth.Email);
        email.Status.ShouldBe(ChannelHealth.Unhealthy);
        email.Since.ShouldBe(_time.GetUtcNow());
        email.Problems.ShouldHaveSingleItem().ShouldContain(reason);
        email.Problems.Single().ShouldContain($"HTTP {status}");
        Channel(ChannelHealth.Teams).IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public async Task SendGrid_AcceptedAfterA403_MarksEmailHealthyAgain()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("fix").WillSetStateTo("fixed")
            .RespondWith(Response.Create().WithStatusCode(403));
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).InScenario("fix").WhenStateIs("fixed")
            .RespondWith(Response.Create().WithStatusCode(202));

        await SendGrid().SendAsync(Email(), CancellationToken.None);
        Channel(ChannelHealth.Email).IsHealthy.ShouldBeFalse();
        await SendGrid().SendAsync(Email(), CancellationToken.None);

        Channel(ChannelHealth.Email).IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public async Task SendGrid_400_FailsWithoutMarkingTheChannel()
    {
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(400));

        await SendGrid().SendAsync(Email(), CancellationToken.None);

        Channel(ChannelHealth.Email).IsHealthy.ShouldBeTrue("a malformed message is that message's problem, not the channel's");
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Teams_RevokedWebhook_MarksTeamsUnhealthyWithTheReasonAndIsNotRetried(int status)
    {
        _server.Given(Request.Create().WithPath(TeamsPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

        var result = await Teams().SendAsync(Card(), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Failed);
        _server.LogEntries.Count.ShouldBe(1, "a revoked workflow is not transient: no retry");
        var teams = Channel(ChannelHealth.Teams);
        teams.Status.ShouldBe(ChannelHealth.Unhealthy);
        var problem = teams.Problems.ShouldHaveSingleItem();
        problem.ShouldContain($"HTTP {status}");
        problem.ShouldContain(WebhookIdentity.Hash(TeamsUrl));
        problem.ShouldNotContain("SECRET-SIG", customMessage: "the webhook URL is a bearer secret");
        Channel(ChannelHealth.Email).IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public async Task Teams_AcceptedAfterA404_MarksTeamsHealthyAgain()
    {
        _server.Given(Request.Create().WithPath(TeamsPath).UsingPost()).InScenario("fix").WillSetStateTo("fixed")
            .RespondWith(Response.Create().WithStatusCode(404));
        _server.Given(Request.Create().WithPath(TeamsPath).UsingPost()).InScenario("fix").WhenStateIs("fixed")
            .RespondWith(Response.Create().WithStatusCode(202));

        await Teams().SendAsync(Card(), CancellationToken.None);
        Channel(ChannelHealth.Teams).IsHealthy.ShouldBeFalse();
        await Teams().SendAsync(Card(), CancellationToken.None);

        Channel(ChannelHealth.Teams).IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public async Task Registered_SendGrid403_ShowsInTheHealthAnswer()
    {
        using var data = new TempDirectory("channel-health");
        _server.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(403));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hosting:DataDirectory"] = data.Path,
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:Host"] = _server.Url,
            ["SendGrid:FromEmail"] = "alerts@example.com",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAlertsCore(configuration);
        services.AddAlertsInfrastructure(configuration);
        services.AddSingleton<IDeliveryDelay>(_delay);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IEmailSender>().SendAsync(Email(), CancellationToken.None);
        var report = await provider.GetRequiredService<HealthService>().CheckAsync(CancellationToken.None);

        report.Status.ShouldBe("degraded");
        report.Channels.Single(c => c.Channel == ChannelHealth.Email).Problems.ShouldHaveSingleItem().ShouldContain("HTTP 403");
    }
}
