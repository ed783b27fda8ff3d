using Alerts.Cli.Commands;
using Alerts.Infrastructure.Archive;
using Alerts.Infrastructure.Assessments;

namespace Alerts.Cli.Demo;

/// <summary>
/// The demo starts from nothing, but it empties only what it wrote itself: a folder it creates gets a marker file, and
/// a later demo reuses a folder only when the marker is there and every entry is one a demo writes (the database, the
/// outbox's e-mails, cards and previews, the action-link key, the page archive's files). Anything else — a live <c>alerts.db</c> without the marker, a file of the
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
            return name switch
            {
                "outbox" => Directory.EnumerateFileSystemEntries(entry).All(IsOutboxFile),
                ArchiveInfrastructureExtensions.FolderName => Directory.EnumerateFileSystemEntries(entry).All(IsArchiveShard),
                _ => false,
            };
        }

        return name == MarkerFileName || name == LinkSigningKeyFile.Name || DatabaseFiles.Contains(name, StringComparer.Ordinal);
    }

    private static bool IsOutboxFile(string entry) => File.Exists(entry) && Infrastructure.Outbox.OutboxFiles.IsOwnName(Path.GetFileName(entry));

    /// <summary>A shard of the page archive (<c>pages/ab/</c>) holding only the archive's own files.</summary>
    private static bool IsArchiveShard(string entry) =>
        Directory.Exists(entry) && PageArchiveFiles.IsShardName(Path.GetFileName(entry)) && Directory.EnumerateFileSystemEntries(entry).All(IsArchiveFile);

    private static bool IsArchiveFile(string entry) => File.Exists(entry) && PageArchiveFiles.IsOwnName(Path.GetFileName(entry));

    /// <summary>
    /// Deletes the entries just checked, and only those a demo writes: each is checked again as it is deleted (a file
    /// that appeared since is left alone), and a folder (the outbox, the page archive and its shards) loses only its own
    /// files and goes only when that leaves it empty, never a recursive delete.
    /// </summary>
    private static void Empty(string path)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(path).Where(IsDemoEntry).ToList())
        {
            if (!Directory.Exists(entry))
            {
                File.Delete(entry);
            }
            else if (Path.GetFileName(entry) == ArchiveInfrastructureExtensions.FolderName)
            {
                foreach (var shard in Directory.EnumerateFileSystemEntries(entry).Where(IsArchiveShard).ToList())
                {
                    DeleteOwnFiles(shard, IsArchiveFile);
                }

                DeleteIfEmpty(entry);
            }
            else
            {
                DeleteOwnFiles(entry, IsOutboxFile);
            }
        }
    }

    private static void DeleteOwnFiles(string folder, Func<string, bool> isOwn)
    {
        foreach (var file in Directory.EnumerateFileSystemEntries(folder).Where(isOwn).ToList())
        {
            File.Delete(file);
        }

        DeleteIfEmpty(folder);
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
