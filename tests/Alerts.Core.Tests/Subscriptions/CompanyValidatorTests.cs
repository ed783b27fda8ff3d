using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;

namespace Alerts.Core.Tests.Subscriptions;

public sealed class CompanyValidatorTests
{
    private readonly CompanyValidator _sut = new(GoodsTaxonomy.Default);

    [Fact]
    public void Validate_BuilderCompany_HasNoErrors()
    {
        _sut.Validate(new CompanyBuilder().Build()).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_EscalationRecipient_HasNoErrors()
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = "head@example.com", Role = RecipientRole.Escalation }).Build();

        _sut.Validate(company).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("・・")]
    [InlineData("\u200B")]
    [InlineData("\u30FB\u200B\uFEFF")]
    public void Validate_TermThatNormalisesToNothing_IsRefused(string term)
    {
        var company = new CompanyBuilder().Watching(w => w with { Terms = [term] }).Build();

        _sut.Validate(company).ShouldContain(e => e.Field == "watch.terms[0]" && e.Message == "must not be empty");
    }

    [Theory]
    [InlineData("GaN")]
    [InlineData("・靶材・")]
    [InlineData("Ｎｄ２Ｆｅ１４Ｂ")]
    public void Validate_TermWithALetterOrDigit_IsAccepted(string term)
    {
        var company = new CompanyBuilder().Watching(w => w with { Terms = [term] }).Build();

        _sut.Validate(company).ShouldBeEmpty();
    }

    [Fact]
    public void Deserialize_EscalationRole_ReadsTheEscalationRecipientRole() =>
        System.Text.Json.JsonSerializer.Deserialize<RecipientRole>("\"escalation\"").ShouldBe(RecipientRole.Escalation);

    [Theory]
    [InlineData("categories", "watch.categories[0]", "unknown category")]
    [InlineData("hs", "watch.hsCodes[0]", "is not an HS code")]
    [InlineData("code", "watch.controlCodes[0]", "is not a control-list code")]
    [InlineData("email", "recipients[0].email", "is not an e-mail address")]
    [InlineData("tz", "recipients[0].timeZone", "time zone")]
    [InlineData("hour", "recipients[0].hour", "0–23")]
    [InlineData("destination", "watch.destinations[0]", "ISO 3166")]
    [InlineData("teams", "teams[0].webhookUrl", "https")]
    public void Validate_BadField_NamesCompanyAndField(string problem, string field, string message)
    {
        var builder = new CompanyBuilder().WithId("acme");
        builder = problem switch
        {
            "categories" => builder.Watching(w => w with { Categories = ["rare-earth"] }),
            "hs" => builder.Watching(w => w with { HsCodes = ["28X5"] }),
            "code" => builder.Watching(w => w with { ControlCodes = ["C1902"] }),
            "email" => builder.WithRecipients(new Recipient { Email = "not-an-address" }),
            "tz" => builder.WithRecipients(new Recipient { Email = "a@example.com", TimeZone = "Mars/Olympus" }),
            "hour" => builder.WithRecipients(new Recipient { Email = "a@example.com", Hour = 24 }),
            "destination" => builder.Watching(w => w with { Destinations = ["Japan"] }),
            _ => builder.WithTeams(new TeamsWebhook { WebhookUrl = "http://example.webhook.office.com/x" }),
        };

        var error = _sut.Validate(builder.Build()).ShouldHaveSingleItem();

        error.CompanyId.ShouldBe("acme");
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(message);
        error.ToString().ShouldStartWith($"acme: {field}: ");
    }

    [Theory]
    [InlineData("2805.30")]
    [InlineData("280530")]
    [InlineData("2805301910")]
    [InlineData("2805 30")]
    public void Validate_HsCodeInAnyForm_IsAccepted(string code)
    {
        _sut.Validate(new CompanyBuilder().Watching(w => w with { HsCodes = [code], ControlCodes = ["1C902", "1C902.a", "3C901.a.1"] }).Build()).ShouldBeEmpty();
    }

    [Fact]
    public void ValidateAll_DuplicateIds_IsAnError()
    {
        var company = new CompanyBuilder().Build();

        _sut.ValidateAll([company, company]).ShouldHaveSingleItem().Field.ShouldBe("id");
    }
}
