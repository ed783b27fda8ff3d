using Alerts.Core.Changes;
using Alerts.Core.Matching;
using Alerts.Core.Subscriptions;
using Alerts.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alerts.Core.Tests.Goods;

public sealed class IndexedCompanyStoreTests
{
    private static Company Watching(string category) =>
        new CompanyBuilder().WithId("acme").Watching(w => w with { Categories = [category] }).Build();

    [Fact]
    public async Task UpsertAsync_CompanyChanged_NextMatchSeesItWithoutBuildingTheIndex()
    {
        var matcher = new NoticeMatcher();
        var store = new IndexedCompanyStore(new FakeCompanyStore(Watching("graphite")), matcher, NullLogger<IndexedCompanyStore>.Instance);
        var notice = new NoticeBuilder().WithTitle("关于对镓实施出口管制的公告").WithBody("金属镓未经许可不得出口。").Build();
        var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", DateTimeOffset.UnixEpoch);

        await store.UpsertAsync(Watching("gallium"), CancellationToken.None);
        await store.WhenIndexedAsync();
        var alerts = matcher.Match(change, notice, await store.ListAsync(CancellationToken.None));

        alerts.ShouldHaveSingleItem().Categories.ShouldBe(["gallium"]);
        matcher.IndexBuildsOnMatch.ShouldBe(0);
        matcher.IndexBuilds.ShouldBe(1);
    }

    [Fact]
    public async Task DeleteAsync_NoSuchCompany_BuildsNothing()
    {
        var matcher = new NoticeMatcher();
        var store = new IndexedCompanyStore(new FakeCompanyStore(Watching("graphite")), matcher, NullLogger<IndexedCompanyStore>.Instance);

        (await store.DeleteAsync("nobody", CancellationToken.None)).ShouldBeFalse();
        await store.WhenIndexedAsync();

        matcher.IndexBuilds.ShouldBe(0);
    }
}
