using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Sqlite;
using Alerts.Infrastructure.Tables;
using Alerts.Testing;
using Alerts.Testing.Azurite;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Tests.Subscriptions;

public sealed class SqliteCompanyStoreTests : CompanyStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new("companies");

    protected override Task<ICompanyStore> CreateStoreAsync() =>
        Task.FromResult<ICompanyStore>(new SqliteCompanyStore(new SqliteDatabase(_temp.Combine("alerts.db"))));

    public void Dispose() => _temp.Dispose();
}

[Collection(AzuriteFixture.CollectionName)]
public sealed class TableCompanyStoreTests(AzuriteFixture azurite) : CompanyStoreContract
{
    private static int s_counter;

    protected override Task<ICompanyStore> CreateStoreAsync()
    {
        // A table per test: tests stay independent on one Azurite.
        var prefix = $"t{Environment.ProcessId}x{Interlocked.Increment(ref s_counter)}";
        return Task.FromResult<ICompanyStore>(new TableCompanyStore(new TableServiceClient(azurite.ConnectionString), new TableStorageOptions { TablePrefix = prefix }));
    }
}
