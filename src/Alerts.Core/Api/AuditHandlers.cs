using System.Globalization;
using Alerts.Core.Audit;
using Alerts.Core.Common;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Api;

/// <summary>
/// <c>GET /api/companies/{id}/audit?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>: the company's audit pack for the period (both
/// days included, UTC) as a zip download, the same pack <c>alerts audit</c> writes (<see cref="IAuditPackService"/>).
/// A company key gets only its own company's pack; another company's answers 404, the same as one that does not exist.
/// </summary>
public sealed class AuditHandlers(ApiKeyService keys, ICompanyStore companies, IAuditPackService packs)
{
    private const string DayFormat = "yyyy-MM-dd";

    public async Task<ApiResult> PackAsync(string? authorization, string companyId, string? from, string? to, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!caller.CanSee(companyId))
        {
            return Problems.NotFound("company", companyId);
        }

        var errors = new ValidationErrors();
        var first = Day(from, "from", "first", errors);
        var last = Day(to, "to", "last", errors);
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (last < first)
        {
            return Problems.Invalid("to", $"{last:yyyy-MM-dd} is before from {first:yyyy-MM-dd}: give the period's first day as from, its last as to");
        }

        if (await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.NotFound("company", companyId);
        }

        // In memory: the host needs the length up front, and a pack that failed half-way must not go out as a zip.
        using var buffer = new MemoryStream();
        await packs.BuildAsync(companyId, first, last, buffer, cancellationToken).ConfigureAwait(false);
        return ApiResult.File(buffer.ToArray(), ApiResult.ZipContentType, FileName(companyId, first, last));
    }

    /// <summary><c>audit-{company}-{from}-{to}.zip</c>; a company id is <c>[a-z0-9-]</c>, so it needs no quoting in the header.</summary>
    public static string FileName(string companyId, DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"audit-{companyId}-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.zip");

    private static DateOnly Day(string? value, string field, string which, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, $"is required: the period's {which} day, {DayFormat} (UTC)");
            return default;
        }

        if (!DateOnly.TryParseExact(value, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(field, $"'{DisplayText.Clip(value, 40)}' is not a date, {DayFormat}");
        }

        return day;
    }
}
