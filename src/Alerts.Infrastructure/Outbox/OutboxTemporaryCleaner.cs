using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Outbox;

/// <summary>
/// On start, deletes the <c>.tmp</c> files a crash left in the outbox: a write that died before its rename never
/// counted as sent (the ledger says "sending" and the missing final file makes the restart send it again), so the
/// half file is garbage. Only this app's own names in its own outbox folder are touched, nothing else.
/// </summary>
internal sealed partial class OutboxTemporaryCleaner(IOptions<HostingOptions> hosting, ILogger<OutboxTemporaryCleaner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var removed = Clean(hosting.Value.OutboxDirectory);
        if (removed > 0)
        {
            LogRemoved(logger, removed, hosting.Value.OutboxDirectory);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deletes this app's stale temporary files in <paramref name="directory"/> (not below it); returns how many.</summary>
    internal static int Clean(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, "*.tmp", SearchOption.TopDirectoryOnly))
        {
            if (OutboxFiles.IsOwnTemporaryName(Path.GetFileName(path)))
            {
                File.Delete(path);
                removed++;
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed {Count} half-written outbox files left by a crash in {Directory}")]
    private static partial void LogRemoved(ILogger logger, int count, string directory);
}
