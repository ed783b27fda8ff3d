using System.Text.Json;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.Outbox;
using Alerts.Infrastructure.SendGrid;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Alerts.Infrastructure.Tests.Delivery;

public sealed class OutboxSenderTests : IDisposable
{
    private readonly TempDirectory _data = new("delivery-outbox");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _data.Dispose();

    private IOptions<HostingOptions> Hosting => Options.Create(new HostingOptions { DataDirectory = _data.Path });

    private OutboxEmailSender EmailSender() => new(Hosting, Options.Create(new SendGridOptions { FromEmail = "alerts@example.com" }), _time);

    private static EmailMessage Message() =>
        new(EmailKind.Alert, "alert-1", "acme-trading", "cn-mofcom-announcements", "[HIGH] 商务部公告", "<p>商务部</p>", "商务部", ["a@acme.example", "b@acme.example"]);

    [Fact]
    public async Task Email_TwoRecipients_WritesOneEmlEachWithHtmlAndText()
    {
        var results = await EmailSender().SendAsync(Message(), CancellationToken.None);

        results.ShouldAllBe(r => r.Result.Status == SendStatus.Sent);
        var files = Directory.GetFiles(Path.Combine(_data.Path, "outbox"), "*.eml");
        files.Length.ShouldBe(2);
        var mime = await MimeMessage.LoadAsync(files.Order().First());
        mime.Subject.ShouldBe("[HIGH] 商务部公告");
        mime.HtmlBody!.ShouldContain("商务部");
        mime.TextBody!.ShouldContain("商务部");
        mime.Headers["X-Alerts-Alert"].ShouldBe("alert-1");
    }

    [Fact]
    public async Task Email_SentAgain_ReplacesTheSameFiles()
    {
        await EmailSender().SendAsync(Message(), CancellationToken.None);
        var first = Directory.GetFiles(Path.Combine(_data.Path, "outbox")).Order().ToList();

        await EmailSender().SendAsync(Message(), CancellationToken.None);

        Directory.GetFiles(Path.Combine(_data.Path, "outbox")).Order().ShouldBe(first);
        first.ShouldAllBe(f => Path.GetFileName(f).StartsWith("alert-acme-trading-alert-1-"));
    }

    [Fact]
    public async Task Teams_Card_WritesItsJsonNamedByKey()
    {
        var json = new TeamsCardBuilder(Options.Create(new DeliveryOptions())).Build("Acme", [DeliveryAlerts.Sample()]);

        var result = await new OutboxTeamsSender(Hosting).SendAsync(new TeamsCard("card-1", "acme-trading", null, json), CancellationToken.None);

        result.Status.ShouldBe(SendStatus.Sent);
        var file = Path.Combine(_data.Path, "outbox", "teams-acme-trading-card-1.json");
        JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("type").GetString().ShouldBe("message");
    }

    [Fact]
    public void Safe_PathCharacters_StayInTheFolder()
    {
        OutboxFiles.Safe("../../etc/passwd").ShouldBe("______etc_passwd");
    }
}
