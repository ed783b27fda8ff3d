using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Assessments;

public sealed class ActionLinksTests
{
    internal static readonly string Key = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
    internal static readonly string OtherKey = Convert.ToBase64String([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);
    internal static readonly DateTimeOffset Raised = new(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Raised.AddHours(1));

    internal static ActionLinks Links(TimeProvider clock, string key, params string[] previous)
    {
        var options = new AssessmentOptions { LinkSigningKey = key };
        foreach (var p in previous)
        {
            options.PreviousLinkSigningKeys.Add(p);
        }

        return new ActionLinks(Options.Create(options), clock);
    }

    private static Alert Alert => DeliveryAlerts.Sample(createdAt: Raised);

    [Fact]
    public void Verify_IssuedToken_IsValidWithWhatWasSigned()
    {
        var links = Links(_clock, Key);
        var token = links.IssueFor(Alert, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink);

        var verified = links.Verify(token);

        verified.Check.ShouldBe(LinkCheck.Valid);
        verified.Link.ShouldBe(new ActionLink("acme-trading", Alert.NoticeKey, Alert.AlertId, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink, Raised.AddDays(14)));
        verified.LinkId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Verify_PayloadChanged_IsForged()
    {
        var links = Links(_clock, Key);
        var parts = links.IssueFor(Alert, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink).Split('.');
        var other = links.IssueFor(Alert with { CompanyId = "other-co" }, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink).Split('.');

        // Another company's payload under this token's signature.
        links.Verify($"{parts[0]}.{other[1]}.{parts[2]}").Check.ShouldBe(LinkCheck.Forged);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d")]
    public void Verify_Garbage_IsForged(string token) => Links(_clock, Key).Verify(token).Check.ShouldBe(LinkCheck.Forged);

    [Fact]
    public void Verify_SignedWithAnotherKey_IsForged()
    {
        var token = Links(_clock, OtherKey).IssueFor(Alert, "compliance@acme.example", LinkAction.NotApplicable, AssessmentChannel.EmailLink);

        Links(_clock, Key).Verify(token).Check.ShouldBe(LinkCheck.Forged);
    }

    [Fact]
    public void Verify_SignedWithAPreviousKey_IsValid()
    {
        var token = Links(_clock, OtherKey).IssueFor(Alert, "compliance@acme.example", LinkAction.NotApplicable, AssessmentChannel.EmailLink);

        Links(_clock, Key, previous: OtherKey).Verify(token).Check.ShouldBe(LinkCheck.Valid);
    }

    [Fact]
    public void Verify_AtTheLifetimeAfterTheAlert_IsExpired()
    {
        var links = Links(_clock, Key);
        var token = links.IssueFor(Alert, "compliance@acme.example", LinkAction.ActionNeeded, AssessmentChannel.EmailLink);

        _clock.SetUtcNow(Raised.AddDays(14));

        links.Verify(token).Check.ShouldBe(LinkCheck.Expired);
    }

    [Fact]
    public void IssueFor_SameAlertAgain_GivesTheSameTokenAndLinkId()
    {
        var links = Links(_clock, Key);
        var first = links.IssueFor(Alert, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink);
        _clock.Advance(TimeSpan.FromHours(5));

        var again = links.IssueFor(Alert, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink);

        again.ShouldBe(first);
        links.Verify(again).LinkId.ShouldBe(links.Verify(first).LinkId);
    }

    [Fact]
    public void IssueFor_OtherRecipientOrAction_GivesAnotherLinkId()
    {
        var links = Links(_clock, Key);
        string[] ids =
        [
            links.Verify(links.IssueFor(Alert, "a@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink)).LinkId!,
            links.Verify(links.IssueFor(Alert, "b@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink)).LinkId!,
            links.Verify(links.IssueFor(Alert, "a@acme.example", LinkAction.NotApplicable, AssessmentChannel.EmailLink)).LinkId!,
        ];

        ids.Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void Issue_Token_IsUrlSafeAndCarriesNoKey()
    {
        var token = Links(_clock, Key).IssueFor(Alert, "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink);

        token.ShouldMatch("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$");
        token.ShouldNotContain(Key.TrimEnd('='));
    }

    [Fact]
    public void ToCommand_AssignToMe_NamesTheRecipientAsOwnerAndActor()
    {
        var link = new ActionLink("acme-trading", "k", "a1", "compliance@acme.example", LinkAction.AssignToMe, AssessmentChannel.EmailLink, Raised);

        var command = ActionLinks.ToCommand(link, "link-1");

        command.ShouldBe(new AssessmentCommand("acme-trading", "k", "compliance@acme.example", AssessmentChannel.EmailLink) { Owner = "compliance@acme.example", AlertId = "a1", LinkId = "link-1" });
    }

    [Fact]
    public void ToCommand_TeamsLink_RecordsTeamsAsActor()
    {
        var link = new ActionLink("acme-trading", "k", "a1", "webhook-hash", LinkAction.ActionNeeded, AssessmentChannel.TeamsLink, Raised);

        var command = ActionLinks.ToCommand(link, "link-1");

        command.Actor.ShouldBe("teams");
        command.State.ShouldBe(AssessmentState.ActionNeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void Validate_MissingOrShortKey_NamesTheSetting(string? key)
    {
        var result = new AssessmentOptionsValidator().Validate(null, new AssessmentOptions { LinkSigningKey = key });

        result.Failed.ShouldBeTrue();
        result.Failures.ShouldHaveSingleItem().ShouldStartWith("Assessments:LinkSigningKey: ");
    }

    [Fact]
    public void Validate_ThirtyTwoByteKey_Succeeds() =>
        new AssessmentOptionsValidator().Validate(null, new AssessmentOptions { LinkSigningKey = Key }).Succeeded.ShouldBeTrue();
}
