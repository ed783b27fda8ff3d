using System.Text;
using Alerts.Core.Notices;
using Alerts.Infrastructure.Archive;
using Alerts.Testing;

namespace Alerts.Infrastructure.Tests.Archive;

/// <summary>Issue 19: the embedded page archive on a temporary folder.</summary>
public sealed class FilePageArchiveTests : IDisposable
{
    private static readonly DateTimeOffset Kept = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly FetchedPage Page = new(FetchedRole.Page, "http://www.mofcom.gov.cn/art_12.html", Encoding.UTF8.GetBytes("<html>第12号</html>"), "text/html", Kept);

    private readonly TempDirectory _temp = new("alerts-pages");
    private readonly FilePageArchive _archive;

    public FilePageArchiveTests() => _archive = new FilePageArchive(_temp.Combine("pages"));

    public void Dispose() => _temp.Dispose();

    private string BinPath(string sha) => _temp.Combine("pages", sha[..2], sha + ".bin");

    [Fact]
    public async Task KeepAsync_NewPage_WritesBytesAndSidecarUnderItsHashAndLeavesNoTemporary()
    {
        var archived = await _archive.KeepAsync(Page, Kept, CancellationToken.None);

        archived.Sha256.ShouldBe(Page.Sha256);
        (await File.ReadAllBytesAsync(BinPath(Page.Sha256))).ShouldBe(Page.Bytes);
        File.Exists(Path.ChangeExtension(BinPath(Page.Sha256), ".json")).ShouldBeTrue();
        Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task ReadAsync_KeptPage_ReturnsTheBytes()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);

        (await _archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBe(Page.Bytes);
    }

    [Fact]
    public async Task ReadAsync_NeverKept_ReturnsNull() =>
        (await _archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBeNull();

    [Fact]
    public async Task KeepAsync_SameHashAlreadyThere_DoesNotRewriteTheBytes()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(BinPath(Page.Sha256));
        File.SetLastWriteTimeUtc(BinPath(Page.Sha256), written.AddDays(-1));

        await _archive.KeepAsync(Page, Kept.AddDays(1), CancellationToken.None);

        File.GetLastWriteTimeUtc(BinPath(Page.Sha256)).ShouldBe(written.AddDays(-1));
    }

    [Fact]
    public async Task ReadAsync_BytesChangedOnDisk_Throws()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);
        await File.WriteAllTextAsync(BinPath(Page.Sha256), "tampered");

        await Should.ThrowAsync<InvalidDataException>(() => _archive.ReadAsync(Page.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task PruneAsync_KeptAgainAfterTheCutoff_KeepsIt()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);
        await _archive.KeepAsync(Page, Kept.AddDays(2), CancellationToken.None);

        var removed = await _archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        removed.ShouldBe(0);
        (await _archive.ReadAsync(Page.Sha256, CancellationToken.None)).ShouldBe(Page.Bytes);
    }

    [Fact]
    public async Task PruneAsync_KeptBeforeTheCutoff_RemovesItsFilesAndNothingElse()
    {
        await _archive.KeepAsync(Page, Kept, CancellationToken.None);
        var young = Page with { Bytes = Encoding.UTF8.GetBytes("<html>第13号</html>") };
        await _archive.KeepAsync(young, Kept.AddDays(2), CancellationToken.None);
        var stranger = _temp.Combine("pages", Page.Sha256[..2], "notes.txt");
        await File.WriteAllTextAsync(stranger, "not the archive's");

        var removed = await _archive.PruneAsync(Kept.AddDays(1), CancellationToken.None);

        removed.ShouldBe(1);
        File.Exists(BinPath(Page.Sha256)).ShouldBeFalse();
        File.Exists(Path.ChangeExtension(BinPath(Page.Sha256), ".json")).ShouldBeFalse();
        File.Exists(BinPath(young.Sha256)).ShouldBeTrue();
        File.Exists(stranger).ShouldBeTrue();
    }
}
