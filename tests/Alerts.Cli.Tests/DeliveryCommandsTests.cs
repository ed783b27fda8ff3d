using Alerts.Cli.Hosting;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace Alerts.Cli.Tests;

/// <summary>dlq and digest verbs over substituted ports (ports replaced through <see cref="CliServices.TestOverrides"/>).</summary>
public sealed class DeliveryCommandsTests : IDisposable
{
    private static readonly DeadLetter Letter = new("dl-1", "email", "change-1", "InvalidPayload", "not json", 3, new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero), "{oops");

    private readonly TempDirectory _data = new("delivery-cli");
    private readonly IDeadLetterQueue _queue = Substitute.For<IDeadLetterQueue>();

    public DeliveryCommandsTests()
    {
        var company = new CompanyBuilder().WithRecipients(
            new Recipient { Email = "exec@acme.example", Role = RecipientRole.Digest, TimeZone = "Asia/Tokyo" }).Build();
        CliServices.TestOverrides = services =>
        {
            services.AddSingleton(_queue);
            services.AddSingleton<ICompanyStore>(new FakeCompanyStore(company));
        };
    }

    public void Dispose()
    {
        CliServices.TestOverrides = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    [Fact]
    public async Task DlqList_Letters_PrintsOneLineEach()
    {
        _queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter]);

        var (exitCode, output, _) = await CliRunner.RunAsync("dlq", "list", "--data", _data.Path);

        exitCode.ShouldBe(0);
        output.ShouldContain("dl-1\temail\t2026-01-06T09:00:00Z\tInvalidPayload\tchange-1");
    }

    [Fact]
    public async Task DlqList_UnknownSubscription_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("dlq", "list", "--subscription", "nope", "--data", _data.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("unknown subscription");
    }

    [Fact]
    public async Task DlqShow_Known_PrintsReasonAndBody()
    {
        _queue.GetAsync("dl-1", Arg.Any<CancellationToken>()).Returns(Letter);

        var (exitCode, output, _) = await CliRunner.RunAsync("dlq", "show", "dl-1", "--data", _data.Path);

        exitCode.ShouldBe(0);
        output.ShouldContain("\"reason\": \"InvalidPayload\"");
        output.ShouldContain("{oops");
    }

    [Fact]
    public async Task DlqReplay_Id_PrintsTheNewMessageId()
    {
        _queue.ReplayAsync("dl-1", Arg.Any<CancellationToken>()).Returns("change-1:replay:1");

        var (exitCode, output, _) = await CliRunner.RunAsync("dlq", "replay", "dl-1", "--data", _data.Path);

        exitCode.ShouldBe(0);
        output.ShouldContain("dl-1 replayed as change-1:replay:1");
    }

    [Fact]
    public async Task DlqReplay_All_ReplaysEveryLetter()
    {
        _queue.ListAsync(null, Arg.Any<CancellationToken>()).Returns([Letter, Letter with { Id = "dl-2" }]);
        _queue.ReplayAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(ci => ci.Arg<string>() + ":r");

        var (exitCode, _, _) = await CliRunner.RunAsync("dlq", "replay", "--all", "--data", _data.Path);

        exitCode.ShouldBe(0);
        await _queue.Received(1).ReplayAsync("dl-2", Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DlqReplay_NeitherIdNorAll_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("dlq", "replay", "--data", _data.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("--all");
    }

    [Fact]
    public async Task DigestPreview_KnownCompany_WritesHtmlAndPrintsItsPath()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("digest", "--preview", "--company", "acme-trading", "--data", _data.Path);

        exitCode.ShouldBe(0, error);
        var path = output.Trim();
        File.Exists(path).ShouldBeTrue();
        path.ShouldStartWith(Path.Combine(_data.Path, "outbox"));
        (await File.ReadAllTextAsync(path)).ShouldContain("Nothing new for Acme Trading K.K.");
    }

    [Fact]
    public async Task DigestPreview_UnknownCompany_ExitsBadInput()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("digest", "--preview", "--company", "nope", "--data", _data.Path);

        exitCode.ShouldBe(2);
        error.ShouldContain("no company 'nope'");
    }

    [Fact]
    public async Task Digest_WithoutPreview_ExitsBadInput()
    {
        var (exitCode, _, _) = await CliRunner.RunAsync("digest", "--company", "acme-trading", "--data", _data.Path);

        exitCode.ShouldBe(2);
    }
}
