using Alerts.Core.Subscriptions;

namespace Alerts.Core.Alerts;

public sealed record AlertQuery
{
    public string? CompanyId { get; init; }

    public Severity? MinSeverity { get; init; }

    public string? Category { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public int Limit { get; init; } = 100;
}

/// <summary>Alerts by company. Upserting the same alert id twice keeps one.</summary>
public interface IAlertStore
{
    Task UpsertAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);

    Task<Alert?> GetAsync(string alertId, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<Alert>> QueryAsync(AlertQuery query, CancellationToken cancellationToken);
}
