using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Outbox;

/// <summary>File names and writes in the outbox folder (public for the CLI's digest preview, which names its file alike).</summary>
public static partial class OutboxFiles
{
    /// <summary>The name of a recipient's digest preview (<c>alerts digest --preview</c>, the demo): one per company and recipient.</summary>
    public static string DigestPreviewName(string companyId, string recipient) =>
        $"digest-preview-{Safe(companyId)}-{ContentHash.Short(recipient.ToLowerInvariant())[..12]}.html";

    /// <summary>
    /// Whether <paramref name="fileName"/> is one this app writes into its outbox: an e-mail (<c>alert-…-hash.eml</c>,
    /// <c>digest-…-hash.eml</c>), a Teams card (<c>teams-….json</c>), a digest preview, or the temporary name of one
    /// of them while it is written. Nothing else in the folder is the app's to delete.
    /// </summary>
    public static bool IsOwnName(string fileName) => OwnName().IsMatch(fileName);

    /// <summary>The temporary name of an outbox write (<see cref="WriteAtomicallyAsync"/>) that a crash left behind.</summary>
    public static bool IsOwnTemporaryName(string fileName) => fileName.EndsWith(".tmp", StringComparison.Ordinal) && IsOwnName(fileName);

    [GeneratedRegex(@"^(((alert|digest)-[A-Za-z0-9_-]+-[0-9A-Za-z]{12}\.eml|teams-[A-Za-z0-9_-]+\.json)(\.tmp)?|digest-preview-[A-Za-z0-9_-]+-[0-9a-z]{12}\.html)$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnName();

    /// <summary>Keeps ids readable in file names and never lets one escape the folder.</summary>
    public static string Safe(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary>Write to a temporary name, then rename: a crash never leaves half a file under the real name.</summary>
    internal static async Task WriteAtomicallyAsync(string directory, string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fileName);
        var temporary = path + ".tmp";
        var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            await write(stream, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
