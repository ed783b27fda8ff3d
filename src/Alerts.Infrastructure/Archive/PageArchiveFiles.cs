using System.Text.RegularExpressions;

namespace Alerts.Infrastructure.Archive;

/// <summary>
/// The names the embedded page archive writes under <c>{DataDirectory}/pages</c>: two-letter shard folders
/// (<c>ab/</c>) holding <c>{sha256}.bin</c> and <c>{sha256}.json</c>. Anything else there is not the archive's, so
/// neither the prune pass nor <c>alerts demo</c> touches it.
/// </summary>
public static partial class PageArchiveFiles
{
    public static bool IsShardName(string name) => ShardName().IsMatch(name);

    public static bool IsHash(string value) => HashName().IsMatch(value);

    /// <summary>A file the archive writes: <c>{sha256}.bin</c> or <c>{sha256}.json</c>.</summary>
    public static bool IsOwnName(string fileName) =>
        (fileName.EndsWith(".bin", StringComparison.Ordinal) || fileName.EndsWith(".json", StringComparison.Ordinal))
        && IsHash(Path.GetFileNameWithoutExtension(fileName));

    [GeneratedRegex("^[0-9a-f]{64}$", RegexOptions.CultureInvariant)]
    private static partial Regex HashName();

    [GeneratedRegex("^[0-9a-f]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShardName();
}
