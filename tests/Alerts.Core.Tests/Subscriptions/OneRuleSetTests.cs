using Alerts.Core.Api;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;
using Alerts.Core.Fetching;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>A company file and the HTTP API accept and refuse the same values: one rule set, two front doors.</summary>
public sealed class OneRuleSetTests
{
    private static readonly CompanyValidator Import = new(GoodsTaxonomy.Default);

    private static readonly CompanyRequestValidator Api = new(
        new CompanyValidator(GoodsTaxonomy.Default),
        new WebhookUrlValidator(Substitute.For<IHostResolver>(), Options.Create(new ApiOptions())));

    [Theory]
    [InlineData("acme_trading", false)]
    [InlineData("acme.trading", false)]
    [InlineData("acme-trading", true)]
    public async Task CompanyId_BothDoors_Agree(string id, bool valid)
    {
        var company = new CompanyBuilder().With(c => c with { Id = id }).Build();
        var apiErrors = new ValidationErrors();

        await Api.ValidateAsync(company, apiErrors, CancellationToken.None);

        Import.Validate(company).Any(e => e.Field == "id").ShouldBe(!valid);
        apiErrors.ToDictionary().ContainsKey("id").ShouldBe(!valid);
    }

    [Theory]
    [InlineData("28", false)]
    [InlineData("2805.30", true)]
    [InlineData("1C902.a", false)]
    public async Task HsCode_BothDoors_Agree(string code, bool valid)
    {
        var company = new CompanyBuilder().Watching(w => w with { HsCodes = [code] }).Build();
        var apiErrors = new ValidationErrors();

        await Api.ValidateAsync(company, apiErrors, CancellationToken.None);

        Import.Validate(company).Any(e => e.Field == "watch.hsCodes[0]").ShouldBe(!valid);
        apiErrors.ToDictionary().ContainsKey("watch.hsCodes[0]").ShouldBe(!valid);
    }

    private static async Task<(bool Import, bool Api)> RefusedAsync(Company company, string field)
    {
        var apiErrors = new ValidationErrors();
        await Api.ValidateAsync(company, apiErrors, CancellationToken.None);
        return (Import.Validate(company).Any(e => e.Field == field), apiErrors.ToDictionary().ContainsKey(field));
    }

    [Theory]
    [InlineData("compliance@acme.example", true)]
    [InlineData("first.last+alerts@sub.acme-trading.co.jp", true)]
    [InlineData("a@[127.0.0.1]", false)]
    [InlineData("a@[IPv6:::1]", false)]
    [InlineData("a@-b.cd", false)]
    [InlineData("a@b-.cd", false)]
    [InlineData("a@b.-cd", false)]
    [InlineData("a@b..cd", false)]
    [InlineData("a@b_c.cd", false)]
    [InlineData("a@1.2.3.4", false)]
    public async Task Email_BothDoors_Agree(string email, bool valid)
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = email }).Build();

        (await RefusedAsync(company, "recipients[0].email")).ShouldBe((!valid, !valid));
    }

    [Theory]
    [InlineData("Asia/Tokyo", true)]
    [InlineData("UTC", true)]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/Argentina/Buenos_Aires", true)]
    [InlineData("Etc/GMT+9", true)]
    [InlineData("posixrules", false)]
    [InlineData("right/Asia/Tokyo", false)]
    [InlineData("posix/Asia/Tokyo", false)]
    [InlineData("Factory", false)]
    [InlineData("localtime", false)]
    [InlineData("Asia/../Asia/Tokyo", false)]
    [InlineData("/Asia/Tokyo", false)]
    [InlineData("Tokyo Standard Time", false)]
    public async Task TimeZone_BothDoors_AgreeOnCanonicalIanaIds(string zone, bool valid)
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = "a@acme.example", TimeZone = zone }).Build();

        (await RefusedAsync(company, "recipients[0].timeZone")).ShouldBe((!valid, !valid));
    }

    [Fact]
    public async Task RecipientRoleOutOfRange_BothDoors_Refuse()
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = "a@acme.example", Role = (RecipientRole)5 }).Build();

        (await RefusedAsync(company, "recipients[0].role")).ShouldBe((true, true));
    }

    [Fact]
    public async Task DigestCadenceOutOfRange_BothDoors_Refuse()
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = "a@acme.example", Cadence = (DigestCadence)5 }).Build();

        (await RefusedAsync(company, "recipients[0].cadence")).ShouldBe((true, true));
    }

    [Fact]
    public async Task RecipientMinSeverityOutOfRange_BothDoors_Refuse()
    {
        var company = new CompanyBuilder().WithRecipients(new Recipient { Email = "a@acme.example", MinSeverity = (Severity)0 }).Build();

        (await RefusedAsync(company, "recipients[0].minSeverity")).ShouldBe((true, true));
    }

    [Fact]
    public async Task TeamsMinSeverityOutOfRange_BothDoors_Refuse()
    {
        var company = new CompanyBuilder().WithTeams(new TeamsWebhook { WebhookUrl = "https://52.109.1.7/hook", MinSeverity = (Severity)99 }).Build();

        (await RefusedAsync(company, "teams[0].minSeverity")).ShouldBe((true, true));
    }
}
