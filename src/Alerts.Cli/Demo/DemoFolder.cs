using Alerts.Cli.Commands;

namespace Alerts.Cli.Demo;

/// <summary>
/// The demo starts from nothing, but it empties only what it wrote itself: a folder it creates gets a marker file, and
/// a later demo reuses a folder only when the marker is there and every entry is one a demo writes (the database, the
/// outbox's e-mails, cards and previews). Anything else — a live <c>alerts.db</c> without the marker, a file of the
/// user's — is refused with one line, and nothing is deleted.
/// </summary>
internal static class DemoFolder
{
    public const string MarkerFileName = ".alerts-demo";

    private static readonly string[] DatabaseFiles = ["alerts.db", "alerts.db-wal", "alerts.db-shm", "alerts.db-journal"];

    /// <summary>Makes <paramref name="folder"/> an empty demo folder with its marker, or throws <see cref="CliProblem"/>.</summary>
    public static void Prepare(string folder)
    {
        var path = Path.GetFullPath(folder);
        if (File.Exists(path))
        {
            throw new CliProblem($"--data '{path}' is a file, not a folder: give a new or empty folder for the demo.", ExitCodes.BadInput);
        }

        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            var marker = File.Exists(Path.Combine(path, MarkerFileName));
            var foreign = Directory.EnumerateFileSystemEntries(path).FirstOrDefault(e => !IsDemoEntry(e));
            if (!marker || foreign is not null)
            {
                var example = foreign ?? Directory.EnumerateFileSystemEntries(path).First();
                throw new CliProblem(
                    $"--data '{path}' holds files the demo did not write (such as '{Path.GetFileName(example)}'); the demo empties its folder, so give it a new or empty folder.",
                    ExitCodes.BadInput);
            }

            Empty(path);
        }

        Hosting.EmbeddedMode.EnsureFolder(path);
        File.WriteAllText(Path.Combine(path, MarkerFileName), "Written by 'alerts demo'. The next demo run with this folder empties it.\n");
    }

    private static bool IsDemoEntry(string entry)
    {
        var name = Path.GetFileName(entry);
        if (Directory.Exists(entry))
        {
            return name == "outbox" && Directory.EnumerateFileSystemEntries(entry).All(IsOutboxFile);
        }

        return name == MarkerFileName || DatabaseFiles.Contains(name, StringComparer.Ordinal);
    }

    private static bool IsOutboxFile(string entry) => File.Exists(entry) && Infrastructure.Outbox.OutboxFiles.IsOwnName(Path.GetFileName(entry));

    /// <summary>
    /// Deletes the entries just checked, and only those a demo writes: each is checked again as it is deleted (a file
    /// that appeared since is left alone), and the outbox loses only its own files, never a recursive delete.
    /// </summary>
    private static void Empty(string path)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(IsDemoEntry).ToList())
        {
            if (!Directory.Exists(entry))
            {
                File.Delete(entry);
                continue;
            }

            foreach (var file in Directory.EnumerateFileSystemEntries(entry).Where(IsOutboxFile).ToList())
            {
                File.Delete(file);
            }

            if (!Directory.EnumerateFileSystemEntries(entry).Any())
            {
                Directory.Delete(entry);
            }
        }
    }
}
