using System.Text;
using Alerts.Core.Changes;
using Alerts.Core.Notices;
using Alerts.Infrastructure.Archive;
using Alerts.Testing;
using Alerts.Testing.Azurite;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Alerts.Infrastructure.Tests.Archive;

/// <summary>
/// Issue 19: one behaviour for every page archive. The embedded files (<see cref="FilePageArchive"/>) and Blob storage
/// over Azurite (<see cref="BlobPageArchive"/>) run these tests; each says how to damage its bytes and how to put a
/// stranger beside them, the two things a test cannot do through <see cref="IPageArchive"/>.
/// </summary>
public abstract class PageArchiveContract
{
    protected static readonly DateTimeOffset Kept = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    protected static readonly FetchedPage Page = new(FetchedRole.Page, "http://www.mofcom.gov.cn/art_12.html", Encoding.UTF8.GetBytes("<html>第12号</html>"), "text/html", Kept);

    private static readonly FetchedPage Young = Page with { Bytes = Encoding.UTF8.GetBytes("<html>第13号</html>") };

    protected abstract IPageArchive Archive { get; }

    /// <summary>Overwrites the stored bytes of <paramref name="sha256"/> behind the archive's back.</summary>
    protected abstract Task TamperAsync(string sha256);

    /// <summary>Writes something that is not the archive's next to what it keeps (in the shard of <paramref name="sha256"/>).</summary>
    protected abstract Task PutStrangerAsync(string sha256);

    protected abstract Task<bool> StrangerExistsAsync(string sha256);

    [Fact]
    public async Task KeepAsync_NewPage_ReturnsItsHashLengthAndFetchTime()
    {
        var archived = await Archive.KeepAsync(Page, Kept.AddHours(1), CancellationToken.None);

        archived.ShouldBe(new ArchivedPage(FetchedRole.Page, Page.Url, Page.Sha256, "text/html", Kept, Page.Bytes.LongLength));
    }

    [Fact]
    public async Task ReadAsync_KeptPage_ReturnsTheBytes()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);

        (await Archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBe(Page.Bytes);
    }

    [Fact]
    public async Task ReadAsync_NeverKept_ReturnsNull() =>
        (await Archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task ReadAsync_NotAHash_ReturnsNull() =>
        (await Archive.ReadAsync("../../etc/passwd", CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task ReadAsync_BytesChangedInStorage_Throws()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);
        await TamperAsync(Page.Sha256);

        await Should.ThrowAsync<InvalidDataException>(() => Archive.ReadAsync(Page.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task KeepAsync_SameHashAlreadyThere_DoesNotWriteTheBytesAgain()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);
        await TamperAsync(Page.Sha256);

        // A keep that wrote the bytes again would repair the damage; one that only moves last-kept leaves it to be seen.
        await Archive.KeepAsync(Page, Kept.AddDays(1), CancellationToken.None);

        await Should.ThrowAsync<InvalidDataException>(() => Archive.ReadAsync(Page.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_KeptAgainAfterTheCutoff_KeepsIt()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);
        await Archive.KeepAsync(Page, Kept.AddDays(2), CancellationToken.None);

        var removed = await Archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        removed.ShouldBe(0);
        (await Archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBe(Page.Bytes);
    }

    [Fact]
    public async Task PruneAsync_KeptAgainWithAnEarlierTime_DoesNotMoveLastKeptBack()
    {
        await Archive.KeepAsync(Page, Kept.AddDays(2), CancellationToken.None);
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);

        (await Archive.PruneAsync(Kept.AddDays(1), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task PruneAsync_KeptBeforeTheCutoff_RemovesItAndNothingElse()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);
        await Archive.KeepAsync(Young, Kept.AddDays(2), CancellationToken.None);
        await PutStrangerAsync(Page.Sha256);

        var removed = await Archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        removed.ShouldBe(1);
        (await Archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBeNull();
        (await Archive.ReadAsync(Young.Sha256, CancellationToken.None)).ShouldBe(Young.Bytes);
        (await StrangerExistsAsync(Page.Sha256)).ShouldBeTrue();
    }

    [Fact]
    public async Task KeepAsync_AfterItWasPruned_KeepsTheBytesAgain()
    {
        await Archive.KeepAsync(Page, Kept, CancellationToken.None);
        await Archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        await Archive.KeepAsync(Page, Kept.AddDays(3), CancellationToken.None);

        (await Archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBe(Page.Bytes);
    }

    [Fact]
    public async Task PruneAsync_NothingKept_RemovesNothing() =>
        (await Archive.PruneAsync(Kept, CancellationToken.None)).ShouldBe(0);
}

public sealed class FilePageArchiveTests : PageArchiveContract, IDisposable
{
    private readonly TempDirectory _temp = new("alerts-pages");
    private readonly FilePageArchive _archive;

    public FilePageArchiveTests() => _archive = new FilePageArchive(_temp.Combine("pages"));

    protected override IPageArchive Archive => _archive;

    public void Dispose() => _temp.Dispose();

    private string BinPath(string sha) => _temp.Combine("pages", sha[..2], sha + ".bin");

    private string StrangerPath(string sha) => _temp.Combine("pages", sha[..2], "notes.txt");

    protected override Task TamperAsync(string sha256) => File.WriteAllTextAsync(BinPath(sha256), "tampered");

    protected override Task PutStrangerAsync(string sha256) => File.WriteAllTextAsync(StrangerPath(sha256), "not the archive's");

    protected override Task<bool> StrangerExistsAsync(string sha256) => Task.FromResult(File.Exists(StrangerPath(sha256)));

    [Fact]
    public async Task KeepAsync_NewPage_WritesBytesAndSidecarUnderItsHashAndLeavesNoTemporary()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);

        (await File.ReadAllBytesAsync(BinPath(Page.Sha256))).ShouldBe(Page.Bytes);
        File.Exists(Path.ChangeExtension(BinPath(Page.Sha256), ".json")).ShouldBeTrue();
        Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task PruneAsync_KeptBeforeTheCutoff_RemovesBothItsFiles()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);

        await _archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        File.Exists(BinPath(Page.Sha256)).ShouldBeFalse();
        File.Exists(Path.ChangeExtension(BinPath(Page.Sha256), ".json")).ShouldBeFalse();
    }
}

[Collection(AzuriteFixture.CollectionName)]
public sealed class BlobPageArchiveTests : PageArchiveContract
{
    private static int _counter;

    private readonly BlobContainerClient _container;
    private readonly BlobPageArchive _archive;

    public BlobPageArchiveTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);

        // A fresh container per test keeps tests independent on one Azurite.
        var name = $"p{Interlocked.Increment(ref _counter)}x{Environment.ProcessId}-pages";
        _container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(name);
        _archive = new BlobPageArchive(_container);
    }

    protected override IPageArchive Archive => _archive;

    private static string StrangerName(string sha) => $"{sha[..2]}/notes.txt";

    protected override Task TamperAsync(string sha256) =>
        _container.GetBlobClient(BlobPageArchive.BlobName(sha256)).UploadAsync(BinaryData.FromString("tampered"), overwrite: true);

    protected override async Task PutStrangerAsync(string sha256)
    {
        await _container.CreateIfNotExistsAsync();
        await _container.GetBlobClient(StrangerName(sha256)).UploadAsync(BinaryData.FromString("not the archive's"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { [BlobPageArchive.KeptAtKey] = Kept.AddYears(-10).ToString("O", System.Globalization.CultureInfo.InvariantCulture) } });
    }

    protected override async Task<bool> StrangerExistsAsync(string sha256) =>
        (await _container.GetBlobClient(StrangerName(sha256)).ExistsAsync()).Value;

    [Fact]
    public async Task KeepAsync_NewPage_StoresContentTypeAndEscapedUrlOnTheBlob()
    {
        var page = Page with { Url = "http://www.mofcom.gov.cn/公告/12.html" };

        await _archive.KeepAsync(page, Kept, CancellationToken.None);

        var properties = (await _container.GetBlobClient(BlobPageArchive.BlobName(page.Sha256)).GetPropertiesAsync()).Value;
        properties.ContentType.ShouldBe("text/html");
        Uri.UnescapeDataString(properties.Metadata[BlobPageArchive.UrlKey]).ShouldBe(page.Url);
    }

    [Fact]
    public async Task KeepAsync_KeptAgain_KeepsTheFirstUrl()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);

        await _archive.KeepAsync(Page with { Url = "http://www.mofcom.gov.cn/mirror.html" }, Kept.AddDays(1), CancellationToken.None);

        var properties = (await _container.GetBlobClient(BlobPageArchive.BlobName(Page.Sha256)).GetPropertiesAsync()).Value;
        Uri.UnescapeDataString(properties.Metadata[BlobPageArchive.UrlKey]).ShouldBe(Page.Url);
    }
}
