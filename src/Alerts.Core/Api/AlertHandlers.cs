using System.Globalization;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Core.Api;

/// <summary>The query string of <c>GET /api/alerts</c>, as the host received it (raw strings, validated here).</summary>
public sealed record AlertFilter
{
    public string? Company { get; init; }

    /// <summary>Minimum severity: <c>low</c>, <c>medium</c>, <c>high</c>, <c>critical</c>.</summary>
    public string? Severity { get; init; }

    public string? Category { get; init; }

    /// <summary>A date (<c>2026-01-06</c>, from its start, UTC) or an ISO 8601 instant.</summary>
    public string? Since { get; init; }

    /// <summary>A date (to its end, UTC) or an ISO 8601 instant.</summary>
    public string? Until { get; init; }

    public string? Limit { get; init; }
}

/// <summary>
/// <c>/api/alerts</c> and <c>/api/changes</c>. Alerts belong to a company: a company key sees only its own, and another
/// company's alert id answers like an unknown one. Changes are official public notices: any valid key reads them.
/// </summary>
public sealed class AlertHandlers(ApiKeyService keys, IAlertStore alerts, IChangeArchive changes, ITaxonomyReader taxonomy)
{
    public const int MaxLimit = 1000;

    private static readonly string[] IsoInstants = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public async Task<ApiResult> ListAlertsAsync(string? authorization, AlertFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        var companyId = string.IsNullOrEmpty(filter.Company) ? caller.CompanyId : filter.Company;
        if (companyId is not null && !caller.CanSee(companyId))
        {
            return Problems.NotFound("company", companyId);
        }

        var errors = new ValidationErrors();
        var query = new AlertQuery { CompanyId = companyId };
        if (!string.IsNullOrEmpty(filter.Severity))
        {
            if (TryParseSeverity(filter.Severity, out var severity))
            {
                query = query with { MinSeverity = severity };
            }
            else
            {
                errors.Add("severity", "must be low, medium, high or critical");
            }
        }

        if (!string.IsNullOrEmpty(filter.Category))
        {
            if (taxonomy.Contains(filter.Category))
            {
                query = query with { Category = filter.Category };
            }
            else
            {
                errors.Add("category", "is not a category id of the taxonomy (GET /api/taxonomy)");
            }
        }

        query = query with
        {
            Since = ParseInstant(filter.Since, "since", endOfDay: false, errors),
            Until = ParseInstant(filter.Until, "until", endOfDay: true, errors),
            Limit = ParseLimit(filter.Limit, errors),
        };

        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return ApiResult.Ok(await alerts.QueryAsync(query, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ApiResult> GetAlertAsync(string? authorization, string alertId, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        var alert = alertId.Length <= 128 ? await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false) : null;
        return alert is null || !caller.CanSee(alert.CompanyId) ? Problems.NotFound("alert", alertId) : ApiResult.Ok(alert);
    }

    public async Task<ApiResult> ListChangesAsync(string? authorization, string? since, string? limit, CancellationToken cancellationToken)
    {
        if (await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.Unauthorized();
        }

        var errors = new ValidationErrors();
        var from = ParseInstant(since, "since", endOfDay: false, errors);
        var take = ParseLimit(limit, errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        return ApiResult.Ok(await changes.ListAsync(from, take, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ApiResult> GetChangeAsync(string? authorization, string changeId, CancellationToken cancellationToken)
    {
        if (await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.Unauthorized();
        }

        var record = changeId.Length <= 128 ? await changes.GetAsync(changeId, cancellationToken).ConfigureAwait(false) : null;
        return record is null
            ? Problems.NotFound("change", changeId)
            : ApiResult.Ok(record);
    }

    public static bool TryParseSeverity(string? value, out Severity severity)
    {
        if (WireNames.TryParseWire(value, out severity))
        {
            return true;
        }

        severity = Severity.Low;
        return false;
    }

    private static DateTimeOffset? ParseInstant(string? value, string field, bool endOfDay, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1).AddTicks(-1) : start;
        }

        if (DateTimeOffset.TryParseExact(value, IsoInstants, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        errors.Add(field, "must be a date (2026-01-06) or an ISO 8601 instant (2026-01-06T09:00:00Z)");
        return null;
    }

    private static int ParseLimit(string? value, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return 100;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }

        errors.Add("limit", $"must be 1–{MaxLimit}");
        return 100;
    }
}
