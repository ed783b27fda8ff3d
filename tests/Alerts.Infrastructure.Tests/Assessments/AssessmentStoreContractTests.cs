using Alerts.Core.Assessments;
using Alerts.Infrastructure.Sqlite;
using Alerts.Testing;

namespace Alerts.Infrastructure.Tests.Assessments;

/// <summary>The append-only promise of <see cref="IAssessmentStore"/>, from each adapter and the in-memory fake.</summary>
public abstract class AssessmentStoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected abstract IAssessmentStore Store { get; }

    private readonly string _company = "co-" + Guid.CreateVersion7().ToString("N")[..12];

    private AssessmentEvent Event(int sequence, string noticeKey = "cn-mofcom:2026:11", string? linkId = null, AssessmentState? state = null) => new()
    {
        CompanyId = _company,
        NoticeKey = noticeKey,
        Sequence = sequence,
        At = T0.AddMinutes(sequence),
        Action = sequence == 1 ? AssessmentAction.Opened : AssessmentAction.StateChanged,
        Actor = "alerts",
        Channel = AssessmentChannel.System,
        State = state ?? (sequence == 1 ? AssessmentState.New : AssessmentState.InReview),
        LinkId = linkId,
        AffectedItems = ["category: rare-earths"],
    };

    [Fact]
    public async Task AppendAsync_SameEventTwice_KeepsOne()
    {
        await Store.AppendAsync(Event(1), CancellationToken.None);
        await Store.AppendAsync(Event(1), CancellationToken.None);

        (await Store.ListEventsAsync(_company, "cn-mofcom:2026:11", CancellationToken.None)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task AppendAsync_OtherEventAtTakenSequence_Conflicts()
    {
        await Store.AppendAsync(Event(1), CancellationToken.None);

        await Should.ThrowAsync<AssessmentConflictException>(() => Store.AppendAsync(Event(1, state: AssessmentState.Done), CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_LinkIdReused_Conflicts()
    {
        var link = "link-" + _company;
        await Store.AppendAsync(Event(1), CancellationToken.None);
        await Store.AppendAsync(Event(2, linkId: link), CancellationToken.None);

        await Should.ThrowAsync<AssessmentConflictException>(() => Store.AppendAsync(Event(3, linkId: link), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_TwoNotices_FoldsEachAndListOpenSkipsClosed()
    {
        await Store.AppendAsync(Event(1), CancellationToken.None);
        await Store.AppendAsync(Event(1, "https://www.mofcom.gov.cn/a/b?c=1"), CancellationToken.None);
        await Store.AppendAsync(Event(2, "https://www.mofcom.gov.cn/a/b?c=1", state: AssessmentState.NotApplicable), CancellationToken.None);

        (await Store.ListAsync(_company, CancellationToken.None)).Count.ShouldBe(2);
        (await Store.ListOpenAsync(CancellationToken.None)).Where(a => a.CompanyId == _company).ShouldHaveSingleItem().NoticeKey.ShouldBe("cn-mofcom:2026:11");
    }
}

public sealed class SqliteAssessmentStoreTests : AssessmentStoreContractTests, IDisposable
{
    private readonly TempDirectory _directory = new("assessments-sqlite");

    public SqliteAssessmentStoreTests() => Store = new SqliteAssessmentStore(new SqliteDatabase(_directory.Combine("alerts.db")));

    protected override IAssessmentStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}

public sealed class InMemoryAssessmentStoreTests : AssessmentStoreContractTests
{
    protected override IAssessmentStore Store { get; } = new InMemoryAssessmentStore();
}

[Collection(Alerts.Testing.Azurite.AzuriteFixture.CollectionName)]
public sealed class TableAssessmentStoreTests(Alerts.Testing.Azurite.AzuriteFixture azurite) : AssessmentStoreContractTests
{
    protected override IAssessmentStore Store { get; } = new Alerts.Infrastructure.Tables.TableAssessmentStore(
        new Alerts.Infrastructure.Tables.DeliveryTableClients(
            new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString),
            Microsoft.Extensions.Options.Options.Create(new Alerts.Infrastructure.Tables.TableStorageOptions { TablePrefix = "asmtest" })));
}
