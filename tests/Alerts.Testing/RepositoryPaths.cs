namespace Alerts.Testing;

/// <summary>Finds files of this repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Alerts.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>tests/fixtures/{relative}</c> as copied next to the test assembly (falls back to the source tree).</summary>
    public static string Fixture(string relative)
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "fixtures", relative);
        return File.Exists(copied) || Directory.Exists(copied) ? copied : Path.Combine(Root, "tests", "fixtures", relative);
    }

    public static string ReadFixture(string relative) => File.ReadAllText(Fixture(relative));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Alerts.sln above {AppContext.BaseDirectory}.");
    }
}
