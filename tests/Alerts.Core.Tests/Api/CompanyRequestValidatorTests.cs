using Alerts.Core.Api;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Api;

public sealed class CompanyValidatorTests
{
    private static readonly CompanyRequestValidator Validator = new(
        new CompanyValidator(global::Alerts.Core.Goods.GoodsTaxonomy.Default),
        new WebhookUrlValidator(new FakeHostResolverForApi().Map("hook.example", "52.109.1.7"), Options.Create(new ApiOptions())));

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsOf(Company company)
    {
        var errors = new ValidationErrors();
        await Validator.ValidateAsync(company, errors, CancellationToken.None);
        return errors.ToDictionary();
    }

    [Theory]
    [InlineData("compliance@acme.example", true)]
    [InlineData("first.last+alerts@sub.acme.co.jp", true)]
    [InlineData("no-at-sign.example", false)]
    [InlineData("two@@acme.example", false)]
    [InlineData("a@localhost", false)]
    [InlineData("Name <a@acme.example>", false)]
    [InlineData("spaces in@acme.example", false)]
    [InlineData("a@acme.example.", false)]
    [InlineData("", false)]
    public void IsValidEmail_Address_ChecksSyntax(string email, bool valid) => CompanyRequestValidator.IsValidEmail(email).ShouldBe(valid);

    [Fact]
    public async Task ValidateAsync_SampleCompany_HasNoErrors()
    {
        var company = new CompanyBuilder()
            .Watching(w => w with { HsCodes = ["2805.30", "280530", "2805301910"], ControlCodes = ["1C902", "1C902.a"], Counterparties = [new Counterparty("TDK", ["TDK株式会社"])] })
            .WithTeams(new TeamsWebhook { WebhookUrl = "https://hook.example/workflows/x?sig=y" })
            .Build();

        (await ErrorsOf(company)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ValidateAsync_BadFields_NamesEachField()
    {
        var company = new CompanyBuilder()
            .Watching(w => w with { Categories = ["rare-earths", "unobtainium"], HsCodes = ["28A5"], ControlCodes = ["XYZ"], Destinations = ["jp"] })
            .WithRecipients(new Recipient { Email = "bad", TimeZone = "Mars/Olympus", Hour = 25 })
            .WithTeams(new TeamsWebhook { WebhookUrl = "https://169.254.169.254/" })
            .Build();

        var errors = await ErrorsOf(company);

        errors.Keys.ShouldBe(
            ["watch.categories[1]", "watch.hsCodes[0]", "watch.controlCodes[0]", "watch.destinations[0]", "recipients[0].email", "recipients[0].timeZone", "recipients[0].hour", "teams[0].webhookUrl"],
            ignoreOrder: true);
        errors["watch.categories[1]"][0].ShouldContain("unobtainium");
    }

    [Fact]
    public async Task ValidateAsync_TooManyTerms_IsCapped()
    {
        var company = new CompanyBuilder().Watching(w => w with { Terms = [.. Enumerable.Range(0, CompanyValidator.MaxListItems + 1).Select(i => $"term{i}")] }).Build();

        (await ErrorsOf(company)).Keys.ShouldBe(["watch.terms"]);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("-acme")]
    [InlineData("acme_trading")]
    [InlineData("")]
    public async Task ValidateAsync_BadId_NamesId(string id)
    {
        var company = new CompanyBuilder().With(c => c with { Id = id }).Build();

        (await ErrorsOf(company)).Keys.ShouldContain("id");
    }
}
