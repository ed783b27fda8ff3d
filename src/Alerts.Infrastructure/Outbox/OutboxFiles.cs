using System.Text;

namespace Alerts.Infrastructure.Outbox;

/// <summary>File names and writes in the outbox folder (public for the CLI's digest preview, which names its file alike).</summary>
public static class OutboxFiles
{
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
