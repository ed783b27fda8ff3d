using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Tests.Subscriptions;

/// <summary>What every <see cref="ICompanyStore"/> must do; run against SQLite and Azure Tables (Azurite).</summary>
public abstract class CompanyStoreContract
{
    protected abstract Task<ICompanyStore> CreateStoreAsync();

    private static string Json(Company company) => JsonSerializer.Serialize(company, AlertsJson.Web);

    private static Company Full(string id) => new CompanyBuilder().WithId(id)
        .Watching(w => w with
        {
            Categories = ["rare-earths", "drones"],
            Terms = ["ネオジム磁石", "鎵"],
            HsCodes = ["2805.30"],
            ControlCodes = ["1C902.a"],
            Counterparties = [new Counterparty("TDK", ["TDK株式会社"])],
            Destinations = ["JP"],
        })
        .WithRecipients(new Recipient { Email = "a@example.com", Role = RecipientRole.Digest, Cadence = DigestCadence.Weekly, TimeZone = "Asia/Tokyo", Hour = 9, MinSeverity = Severity.High })
        .WithTeams(new TeamsWebhook { WebhookUrl = "https://example.webhook.office.com/x", MinSeverity = Severity.Critical })
        .Build();

    [Fact]
    public async Task UpsertAsync_ThenGetAsync_RoundTripsEveryField()
    {
        var store = await CreateStoreAsync();

        await store.UpsertAsync(Full("acme"), CancellationToken.None);

        Json((await store.GetAsync("acme", CancellationToken.None))!).ShouldBe(Json(Full("acme")));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        (await store.GetAsync("nobody", CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task UpsertAsync_SameIdTwice_KeepsTheLatest()
    {
        var store = await CreateStoreAsync();

        await store.UpsertAsync(Full("acme"), CancellationToken.None);
        await store.UpsertAsync(Full("acme") with { Name = "Renamed" }, CancellationToken.None);

        (await store.ListAsync(CancellationToken.None)).ShouldHaveSingleItem().Name.ShouldBe("Renamed");
    }

    [Fact]
    public async Task UpsertManyAsync_ThenListAsync_ReturnsAllOrderedById()
    {
        var store = await CreateStoreAsync();

        await store.UpsertManyAsync([Full("charlie"), Full("alpha"), Full("bravo")], CancellationToken.None);

        (await store.ListAsync(CancellationToken.None)).Select(c => c.Id).ShouldBe(["alpha", "bravo", "charlie"]);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var store = await CreateStoreAsync();
        await store.UpsertAsync(Full("acme"), CancellationToken.None);

        (await store.DeleteAsync("acme", CancellationToken.None)).ShouldBeTrue();
        (await store.DeleteAsync("acme", CancellationToken.None)).ShouldBeFalse();
        (await store.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task UpsertAsync_LargeCompany_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var large = Full("big") with { Watch = Full("big").Watch with { Terms = [.. Enumerable.Range(0, 5000).Select(i => $"term-{i}-稀土")] } };

        await store.UpsertAsync(large, CancellationToken.None);

        (await store.GetAsync("big", CancellationToken.None))!.Watch.Terms.Count.ShouldBe(5000);
    }
}
