using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Dashboard;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Assessments;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Dashboard;

public sealed class ActionLinkHandlersTests
{
    private const string Recipient = "compliance@acme.example";

    private readonly FakeTimeProvider _clock = new(ActionLinksTests.Raised.AddHours(1));
    private readonly FakeAlertStore _alerts = new();
    private readonly FakeCompanyStore _companies = new(new CompanyBuilder().Build(), new CompanyBuilder().WithId("other-co").Build());
    private readonly InMemoryAssessmentService _assessments;
    private readonly ActionLinks _links;
    private readonly ActionLinkHandlers _handlers;
    private readonly Alert _alert = DeliveryAlerts.Sample(createdAt: ActionLinksTests.Raised);

    public ActionLinkHandlersTests()
    {
        _assessments = new InMemoryAssessmentService(_clock);
        _links = ActionLinksTests.Links(_clock, ActionLinksTests.Key);
        _handlers = new ActionLinkHandlers(_links, _alerts, _companies, Options.Create(new ApiOptions()), _assessments);
        _alerts.Alerts[_alert.AlertId] = _alert;
        _assessments.OpenAsync([_alert], CancellationToken.None).GetAwaiter().GetResult();
    }

    private string Token(LinkAction action = LinkAction.AssignToMe, Alert? alert = null, string recipient = Recipient) =>
        _links.IssueFor(alert ?? _alert, recipient, action, AssessmentChannel.EmailLink);

    private Task<Assessment?> Current() => _assessments.GetAsync(_alert.CompanyId, _alert.NoticeKey, CancellationToken.None);

    [Fact]
    public async Task Show_ValidLink_SaysWhatWillHappenAndChangesNothing()
    {
        var page = await _handlers.ShowAsync(Token(), CancellationToken.None);

        page.StatusCode.ShouldBe(200);
        page.Text.ShouldNotBeNull().ShouldContain("Assign MOFCOM 2026 No.1 to you");
        page.Text.ShouldContain("Acme Trading K.K.");
        page.Text.ShouldContain("method=\"post\"");
        _assessments.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Act_AssignToMe_MakesTheRecipientOwnerFromTheEmailLink()
    {
        var page = await _handlers.ActAsync(Token(), CancellationToken.None);

        page.StatusCode.ShouldBe(200);
        var assigned = (await Current()).ShouldNotBeNull().Events[^1];
        assigned.Action.ShouldBe(AssessmentAction.Assigned);
        assigned.Owner.ShouldBe(Recipient);
        assigned.Actor.ShouldBe(Recipient);
        assigned.Channel.ShouldBe(AssessmentChannel.EmailLink);
        assigned.AlertId.ShouldBe(_alert.AlertId);
    }

    [Fact]
    public async Task Act_SecondUse_IsRefusedAsConflictAndChangesNothing()
    {
        var token = Token(LinkAction.NotApplicable);
        await _handlers.ActAsync(token, CancellationToken.None);
        var before = (await Current())!.Events.Count;

        var again = await _handlers.ActAsync(token, CancellationToken.None);

        again.StatusCode.ShouldBe(409);
        (await Current())!.Events.Count.ShouldBe(before);
    }

    [Fact]
    public async Task Show_UsedLink_SaysItWasUsed()
    {
        var token = Token();
        await _handlers.ActAsync(token, CancellationToken.None);

        (await _handlers.ShowAsync(token, CancellationToken.None)).StatusCode.ShouldBe(409);
    }

    [Fact]
    public async Task Act_TamperedToken_IsRefusedAs400AndChangesNothing()
    {
        var parts = Token().Split('.');
        var forged = $"{parts[0]}.{parts[1]}.{new string('A', parts[2].Length)}";

        var page = await _handlers.ActAsync(forged, CancellationToken.None);

        page.StatusCode.ShouldBe(400);
        _assessments.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Act_ExpiredToken_IsRefusedAs410AndChangesNothing()
    {
        var token = Token();
        _clock.SetUtcNow(ActionLinksTests.Raised.AddDays(15));

        var page = await _handlers.ActAsync(token, CancellationToken.None);

        page.StatusCode.ShouldBe(410);
        _assessments.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Act_TokenNamingAnotherCompanyForThisAlert_IsRefusedAndChangesNothing()
    {
        // Signed, but for other-co over acme's alert: the link never reaches acme's (or other-co's) assessment.
        var token = Token(alert: _alert with { CompanyId = "other-co" });

        var page = await _handlers.ActAsync(token, CancellationToken.None);

        page.StatusCode.ShouldBe(400);
        _assessments.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Act_RecipientNoLongerOfTheCompany_IsRefused()
    {
        var page = await _handlers.ActAsync(Token(recipient: "left@acme.example"), CancellationToken.None);

        page.StatusCode.ShouldBe(400);
        _assessments.Applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task Act_ActionNeeded_SetsTheState()
    {
        await _handlers.ActAsync(Token(LinkAction.ActionNeeded), CancellationToken.None);

        (await Current())!.State.ShouldBe(AssessmentState.ActionNeeded);
    }
}
