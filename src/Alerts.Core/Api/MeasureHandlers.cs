using System.Globalization;
using Alerts.Core.Measures;

namespace Alerts.Core.Api;

/// <summary>
/// <c>GET /api/measures?company=&amp;at=yyyy-MM-dd</c>: the measures known on a date (today, UTC, by default) with their
/// state and relations. Measures are official public notices, so any valid key reads them all; a company filter must be
/// a company the key may see.
/// </summary>
public sealed class MeasureHandlers(ApiKeyService keys, IMeasureService measures, TimeProvider time)
{
    public async Task<ApiResult> ListAsync(string? authorization, string? company, string? at, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!string.IsNullOrEmpty(company) && !caller.CanSee(company))
        {
            return Problems.NotFound("company", company);
        }

        var date = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (!string.IsNullOrEmpty(at) && !DateOnly.TryParseExact(at, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            var errors = new ValidationErrors();
            errors.Add("at", "must be a date, yyyy-MM-dd");
            return Problems.Validation(errors.ToDictionary());
        }

        var lines = await measures.ListAsync(string.IsNullOrEmpty(company) ? null : company, date, cancellationToken).ConfigureAwait(false);
        return lines is null ? Problems.NotFound("company", company!) : ApiResult.Ok(lines);
    }
}
