using Alerts.Core.Subscriptions;

namespace Alerts.Testing;

/// <summary>
/// The fixed watchers of the judgement evaluation (<c>tests/fixtures/real/README.md</c>, "The fixed watchers"): one per
/// taxonomy category with no destinations, two dual-use exporters (Japan only, US only) and seven counterparty watchers.
/// </summary>
public static class RealCorpusWatchers
{
    /// <summary>Taxonomy category ids (<c>src/Alerts.Core/Goods/taxonomy.json</c>), one <c>cat-&lt;id&gt;</c> watcher each.</summary>
    public static readonly string[] Categories =
    [
        "dual-use", "rare-earths", "rare-earth-magnets", "rare-earth-equipment", "gallium", "germanium", "graphite",
        "battery-materials", "lithium-batteries", "antimony", "superhard-materials", "tungsten", "tellurium", "bismuth",
        "molybdenum", "indium", "drones", "semiconductors", "semiconductor-gases", "aerospace", "shipbuilding", "helium",
        "nuclear",
    ];

    public static IReadOnlyList<Company> All { get; } =
    [
        .. Categories.Select(c => Watcher("cat-" + c, w => w with { Categories = [c] })),
        Watcher("dual-use-jp", w => w with { Categories = ["dual-use"], Destinations = ["JP"] }),
        Watcher("dual-use-us", w => w with { Categories = ["dual-use"], Destinations = ["US"] }),
        Counterparty("cp-lockheed", "Lockheed Martin", "洛克希德·马丁"),
        Counterparty("cp-general-dynamics", "General Dynamics", "通用动力"),
        Counterparty("cp-skydio", "Skydio"),
        Counterparty("cp-illumina", "Illumina", "因美纳"),
        Counterparty("cp-mhi", "Mitsubishi Heavy Industries", "三菱重工业"),
        Counterparty("cp-kawasaki", "Kawasaki Heavy Industries", "川崎重工业"),
        Counterparty("cp-ihi", "IHI Corporation", "IHI株式会社"),
    ];

    // A fresh profile: the builder's default company watches rare earths and ships to Japan, which these must not.
    private static Company Watcher(string id, Func<WatchProfile, WatchProfile> watch) =>
        new CompanyBuilder().WithId(id).Watching(_ => watch(new WatchProfile())).Build();

    private static Company Counterparty(string id, string name, params string[] aliases) =>
        Watcher(id, w => w with { Counterparties = [new Counterparty(name, aliases.Length == 0 ? null : aliases)] });
}
