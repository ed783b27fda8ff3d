using System.Collections.Concurrent;

namespace Alerts.Core.Ops;

/// <summary>How one delivery channel stands: <c>ok</c>, or <c>unhealthy</c> with each standing problem.</summary>
public sealed record ChannelHealthSummary(string Channel, string Status, DateTimeOffset? Since)
{
    /// <summary>One line per rejection still standing (e.g. "SendGrid answered HTTP 403 …"), oldest first.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    public bool IsHealthy => Status == ChannelHealth.Ok;
}

/// <summary>
/// Rejections that retrying cannot fix (issue 14): a SendGrid 401/403 (bad key, unverified sender) or a Teams
/// 401/403/404 (revoked or deleted workflow). The senders report them here; the health answer and the dashboard show the
/// channel unhealthy with the reason until the same target accepts a message again. Kept in this process: each instance
/// reports what it saw.
/// </summary>
public sealed class ChannelHealth(TimeProvider time)
{
    public const string Email = "email";
    public const string Teams = "teams";
    public const string Ok = "ok";
    public const string Unhealthy = "unhealthy";

    private static readonly string[] Channels = [Email, Teams];

    private readonly ConcurrentDictionary<(string Channel, string Target), (string Reason, DateTimeOffset Since)> _problems = new();

    /// <summary>
    /// <paramref name="target"/> (the SendGrid account, or a webhook's hash: never a secret) rejected a message in a way
    /// retrying will not fix.
    /// </summary>
    public void ReportRejected(string channel, string target, string reason)
    {
        var now = time.GetUtcNow();
        _problems.AddOrUpdate((channel, target), (reason, now), (_, old) => (reason, old.Since));
    }

    /// <summary><paramref name="target"/> accepted a message: its problem, if any, is over.</summary>
    public void ReportAccepted(string channel, string target) => _problems.TryRemove((channel, target), out _);

    /// <summary>Every channel (email, teams), healthy ones included.</summary>
    public IReadOnlyList<ChannelHealthSummary> Snapshot() =>
        [.. Channels.Select(channel =>
        {
            var problems = _problems.Where(p => p.Key.Channel == channel).OrderBy(p => p.Value.Since).ThenBy(p => p.Key.Target, StringComparer.Ordinal).ToList();
            return problems.Count == 0
                ? new ChannelHealthSummary(channel, Ok, null)
                : new ChannelHealthSummary(channel, Unhealthy, problems[0].Value.Since) { Problems = [.. problems.Select(p => p.Value.Reason)] };
        })];
}
