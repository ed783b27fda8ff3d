using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

public sealed class TaxonomyTests
{
    private static readonly string[] RequiredIds =
    [
        "dual-use", "rare-earths", "rare-earth-magnets", "rare-earth-equipment", "gallium", "germanium", "graphite",
        "battery-materials", "lithium-batteries", "antimony", "superhard-materials", "tungsten", "tellurium", "bismuth",
        "molybdenum", "indium", "drones", "semiconductors", "semiconductor-gases", "aerospace", "shipbuilding", "helium", "nuclear",
    ];

    [Fact]
    public void Default_HasEveryRequiredCategory()
    {
        RequiredIds.ShouldBeSubsetOf(GoodsTaxonomy.Default.Categories.Select(c => c.Id));
    }

    [Fact]
    public void Default_EveryCategoryHasTermsInFourLanguages()
    {
        foreach (var category in GoodsTaxonomy.Default.Categories)
        {
            foreach (var language in new[] { "en", "zh-Hans", "zh-Hant", "ja" })
            {
                category.Terms.ShouldContainKey(language, category.Id);
                category.Terms[language].ShouldNotBeEmpty($"{category.Id} {language}");
            }
        }
    }

    [Theory]
    [InlineData("gallium")]
    [InlineData("rare-earth-magnets")]
    [InlineData("drones")]
    [InlineData("nuclear")]
    public void IsUnderDualUse_DualUseListCategory_IsTrue(string id)
    {
        GoodsTaxonomy.Default.IsUnderDualUse(id).ShouldBeTrue();
    }

    [Fact]
    public void SelfAndDescendants_RareEarths_IncludesMagnets()
    {
        GoodsTaxonomy.Default.SelfAndDescendants("rare-earths").ShouldContain("rare-earth-magnets");
    }

    [Fact]
    public void Match_EveryTermOfEveryCategory_IsFoundInASentenceContainingIt()
    {
        var taxonomy = GoodsTaxonomy.Default;
        var matcher = new NoticeMatcher();
        var missing = new List<string>();
        foreach (var category in taxonomy.Categories)
        {
            var companies = new[] { new Company { Id = "watcher", Name = "watcher", Watch = new WatchProfile { Categories = [category.Id] } } };
            foreach (var term in category.AllTerms)
            {
                // Spaces around the term keep Latin words on word boundaries, as in real sentences.
                var notice = new NoticeBuilder().WithTitle("Notice").WithBody($"本公告涉及 {term} 相关物项。").With(n => n with { Destinations = [] }).Build();
                var change = ChangeEvent.From(notice, ChangeKind.Added, "v", DateTimeOffset.UnixEpoch);
                var alert = matcher.Match(change, notice, companies).SingleOrDefault();
                // The dual-use words (两用物项, 管控名单) are what makes a measure broad: they come back as that reason.
                var expectedKind = category.Id == GoodsTaxonomy.DualUse ? Alerts.ReasonKind.BroadMeasure : Alerts.ReasonKind.Category;
                if (alert is null || !alert.Reasons.Any(r => r.Kind == expectedKind))
                {
                    missing.Add($"{category.Id}: {term}");
                }
            }
        }

        missing.ShouldBeEmpty();
    }
}
