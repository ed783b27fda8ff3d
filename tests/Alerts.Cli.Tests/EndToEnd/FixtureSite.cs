using Alerts.Testing;

namespace Alerts.Cli.Tests.EndToEnd;

/// <summary>
/// A writable copy of the recorded MOFCOM announcements site (tests/fixtures/cn-mofcom-announcements/site), so a test
/// can make the site change between polls: hide the 2026 index, then publish it.
/// </summary>
internal sealed class FixtureSite : IDisposable
{
    public const string SourceId = "cn-mofcom-announcements";
    public const string Index2026 = "zcfb/blgg/gg/2026/index.html";

    private readonly TempDirectory _folder = new("alerts-site");

    public FixtureSite()
    {
        Copy(RepositoryPaths.Fixture(Path.Combine(SourceId, "site")), _folder.Path);
    }

    public string Folder => _folder.Path;

    private string HiddenIndex => _folder.Combine("..", Path.GetFileName(_folder.Path) + "-2026-index.html");

    /// <summary>The site as it was before 2026's announcements: the 2026 index answers 404.</summary>
    public void Hide2026Index() => File.Move(_folder.Combine(Index2026), HiddenIndex, overwrite: true);

    public void Publish2026Index() => File.Move(HiddenIndex, _folder.Combine(Index2026), overwrite: true);

    public void Dispose()
    {
        File.Delete(HiddenIndex);
        _folder.Dispose();
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
