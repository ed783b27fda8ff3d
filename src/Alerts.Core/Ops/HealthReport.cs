using System.Reflection;
using Alerts.Core.Changes;

namespace Alerts.Core.Ops;

/// <summary>The answer of <c>GET /api/health</c>: is this process up, and how are its sources.</summary>
public sealed record HealthReport(string Status, string Version, DateTimeOffset CheckedAt)
{
    public IReadOnlyList<SourceHealthSummary> Sources { get; init; } = [];

    /// <summary>The delivery channels: an unhealthy one (a rejected key, sender or webhook) makes the status degraded.</summary>
    public IReadOnlyList<ChannelHealthSummary> Channels { get; init; } = [];

    /// <summary>Dead letters waiting for a person: any makes the status degraded; null when the bus could not be asked.</summary>
    public int? DeadLetters { get; init; }
}

/// <summary>
/// Builds the health answer. The process is <c>ok</c> when it runs; unhealthy sources are listed, not hidden,
/// and make the status <c>degraded</c> (the real ministry sites are unreachable from a build machine: that is right).
/// </summary>
public sealed class HealthService(
    TimeProvider clock,
    IEnumerable<ISourceHealthReader> readers,
    ChannelHealth? channels = null,
    Messaging.IDeadLetterQueue? deadLetters = null)
{
    private static readonly string Version =
        typeof(HealthService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var sources = await ReadSourcesAsync(cancellationToken).ConfigureAwait(false);
        var channelHealth = channels?.Snapshot() ?? [];
        var waiting = await CountDeadLettersAsync(cancellationToken).ConfigureAwait(false);
        var degraded = sources.Any(s => s.Outcome is not ("ok" or "not-modified" or "never-polled" or "disabled"))
            || channelHealth.Any(c => !c.IsHealthy)
            || waiting > 0;
        return new HealthReport(degraded ? "degraded" : "ok", Version, clock.GetUtcNow()) { Sources = sources, Channels = channelHealth, DeadLetters = waiting };
    }

    /// <summary>A message nobody could deliver is something wrong, even while every source polls fine.</summary>
    private async Task<int?> CountDeadLettersAsync(CancellationToken cancellationToken)
    {
        if (deadLetters is null)
        {
            return null;
        }

        try
        {
            return (await deadLetters.ListAsync(null, cancellationToken).ConfigureAwait(false)).Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The health answer must not fail because the bus did not answer: the count is unknown.
            return null;
        }
    }

    /// <summary>Every reader's sources, in reader order (also <c>GET /api/sources</c> and the ops status).</summary>
    public async Task<IReadOnlyList<SourceHealthSummary>> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        var sources = new List<SourceHealthSummary>();
        foreach (var reader in readers)
        {
            sources.AddRange(await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
        }

        return sources;
    }
}
