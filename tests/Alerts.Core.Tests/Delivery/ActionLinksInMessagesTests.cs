using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core.Assessments;
using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Assessments;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Delivery;

public sealed partial class ActionLinksInMessagesTests
{
    private static readonly IOptions<DeliveryOptions> Delivery = Options.Create(new DeliveryOptions { PublicBaseUrl = "https://alerts.example.com/" });

    private readonly FakeTimeProvider _clock = new(ActionLinksTests.Raised.AddMinutes(5));
    private readonly ActionLinks _links;

    public ActionLinksInMessagesTests() => _links = ActionLinksTests.Links(_clock, ActionLinksTests.Key);

    private static List<string> ActUrls(string body) => [.. ActUrl().Matches(body).Select(m => m.Value)];

    [Fact]
    public void Render_ForARecipient_CarriesTheThreeActionsSignedForThatAddress()
    {
        var alert = DeliveryAlerts.Sample(createdAt: ActionLinksTests.Raised);

        var email = new AlertEmailRenderer(Delivery, _links).Render(alert, "Acme Trading K.K.", "compliance@acme.example");

        email.Html.ShouldContain(">Assign to me</a>");
        email.Html.ShouldContain(">Not applicable</a>");
        email.Html.ShouldContain(">Action needed</a>");
        var actions = ActUrls(email.Text).Select(u => _links.Verify(u["https://alerts.example.com/act/".Length..]).Link!).ToList();
        actions.Select(a => a.Action).ShouldBe([LinkAction.AssignToMe, LinkAction.NotApplicable, LinkAction.ActionNeeded]);
        actions.ShouldAllBe(a => a.Recipient == "compliance@acme.example" && a.Channel == AssessmentChannel.EmailLink && a.AlertId == alert.AlertId);
    }

    [Fact]
    public void Render_WithoutARecipient_HasNoActionLinks() =>
        ActUrls(new AlertEmailRenderer(Delivery, _links).Render(DeliveryAlerts.Sample(), "Acme").Html).ShouldBeEmpty();

    [Fact]
    public async Task Deliver_TwoRecipients_EachMailCarriesOnlyItsOwnLinks()
    {
        var company = new CompanyBuilder().WithRecipients(
            new Recipient { Email = "a@acme.example", Role = RecipientRole.Immediate },
            new Recipient { Email = "b@acme.example", Role = RecipientRole.Immediate }).Build();
        var alert = DeliveryAlerts.Sample(createdAt: ActionLinksTests.Raised);
        var email = new RecordingEmailSender();
        var channel = new EmailChannel(new FakeDeliveryLedger(), email, new AlertEmailRenderer(Delivery, _links), Delivery, _clock, NullLogger<EmailChannel>.Instance);

        await channel.DeliverAsync([alert], new Dictionary<string, Company> { [company.Id] = company }, _clock.GetUtcNow().AddMinutes(5), CancellationToken.None);

        email.Sent.Count.ShouldBe(2);
        foreach (var message in email.Sent)
        {
            var recipients = ActUrls(message.Html).Select(u => _links.Verify(System.Net.WebUtility.HtmlDecode(u)["https://alerts.example.com/act/".Length..]).Link!.Recipient).Distinct();
            recipients.ShouldBe([message.Recipients.ShouldHaveSingleItem()]);
        }
    }

    [Fact]
    public void Build_ForAChannel_AddsNotApplicableAndActionNeededButtonsSignedForIt()
    {
        var alert = DeliveryAlerts.Sample(createdAt: ActionLinksTests.Raised);

        var json = new TeamsCardBuilder(Delivery, _links).Build("Acme", [alert], channel: "hook-hash");

        var buttons = JsonDocument.Parse(json).RootElement.Descendants()
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.GetString() == "Action.OpenUrl"
                        && e.GetProperty("url").GetString()!.Contains("/act/", StringComparison.Ordinal))
            .Select(e => (Title: e.GetProperty("title").GetString(), Link: _links.Verify(e.GetProperty("url").GetString()!["https://alerts.example.com/act/".Length..]).Link!))
            .ToList();
        buttons.Select(b => b.Title).ShouldBe(["Not applicable", "Action needed"]);
        buttons.ShouldAllBe(b => b.Link.Channel == AssessmentChannel.TeamsLink && b.Link.Recipient == "hook-hash" && b.Link.Actor == "teams");
    }

    [GeneratedRegex("https://alerts\\.example\\.com/act/[A-Za-z0-9_.%-]+")]
    private static partial Regex ActUrl();
}

internal static class JsonElementExtensions
{
    public static IEnumerable<JsonElement> Descendants(this JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in child.Descendants())
            {
                yield return d;
            }
        }
    }
}
