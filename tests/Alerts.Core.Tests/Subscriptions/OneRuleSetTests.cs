using Alerts.Core.Api;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>A company file and the HTTP API accept and refuse the same values: one rule set, two front doors.</summary>
public sealed class OneRuleSetTests
{
    private static readonly CompanyValidator Import = new(GoodsTaxonomy.Default);

    private static readonly CompanyRequestValidator Api = new(
        new GoodsTaxonomyReader(GoodsTaxonomy.Default),
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
}
