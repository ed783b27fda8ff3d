using System.Globalization;
using Alerts.Core.Assessments;
using Alerts.Core.Common;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Api;

/// <summary>The body of <c>POST /api/companies/{id}/assessments/{noticeKey}</c>: only the fields given change.</summary>
public sealed record AssessmentRequest(string? State, string? Owner, string? Due, string? Note);

/// <summary>
/// <c>/api/companies/{id}/assessments…</c> over <see cref="IAssessmentService"/>. A company key reads and changes only
/// its own company's assessments; another company's answers 404, the same as one that does not exist.
/// </summary>
public sealed class AssessmentHandlers(ApiKeyService keys, IAssessmentService assessments, IOptions<ApiOptions> options)
{
    public async Task<ApiResult> ListAsync(string? authorization, string companyId, string? state, CancellationToken cancellationToken)
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

        AssessmentState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!WireNames.TryParseWire<AssessmentState>(state, out var parsed))
            {
                return Problems.Invalid("state", StateMessage(state));
            }

            wanted = parsed;
        }

        var all = await assessments.ListAsync(companyId, cancellationToken).ConfigureAwait(false);
        return ApiResult.Ok(AssessmentLine.Ordered(all, wanted));
    }

    public async Task<ApiResult> GetAsync(string? authorization, string companyId, string noticeKey, CancellationToken cancellationToken)
    {
        noticeKey = NoticeKeyFromRoute(noticeKey);
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        var assessment = caller.CanSee(companyId) ? await assessments.GetAsync(companyId, noticeKey, cancellationToken).ConfigureAwait(false) : null;
        return assessment is null ? Problems.NotFound("assessment", noticeKey) : ApiResult.Ok(assessment);
    }

    public async Task<ApiResult> ApplyAsync(string? authorization, string companyId, string noticeKey, string? body, CancellationToken cancellationToken)
    {
        noticeKey = NoticeKeyFromRoute(noticeKey);
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        if (!caller.CanSee(companyId))
        {
            return Problems.NotFound("assessment", noticeKey);
        }

        if (!ApiJson.TryRead<AssessmentRequest>(body, options.Value.MaxBodyBytes, out var request, out var error))
        {
            return error!;
        }

        var command = new AssessmentCommand(companyId, noticeKey, ActorOf(caller), AssessmentChannel.Api) { Owner = request!.Owner, Note = request.Note };
        if (request.State is { } state)
        {
            if (!WireNames.TryParseWire<AssessmentState>(state, out var parsed))
            {
                return Problems.Invalid("state", StateMessage(state));
            }

            command = command with { State = parsed };
        }

        if (request.Due is { } due)
        {
            if (!DateOnly.TryParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return Problems.Invalid("due", "must be a date, yyyy-MM-dd");
            }

            command = command with { Due = date };
        }

        var result = await assessments.ApplyAsync(command, cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            AssessmentOutcome.Applied => ApiResult.Ok(result.Assessment!),
            AssessmentOutcome.NotFound => Problems.NotFound("assessment", noticeKey),
            _ => Problems.Invalid("body", result.Message ?? "The change is not allowed."),
        };
    }

    /// <summary>
    /// The notice key as the route gave it. Both hosts decode a path segment except <c>%2F</c> (so a '/' cannot split a
    /// segment), which a URL-shaped key like <c>https://…/61.html</c> is full of: that one escape is undone here.
    /// </summary>
    public static string NoticeKeyFromRoute(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Who the event names: an API key has no person behind it, so the caller is the admin or the company's key.</summary>
    private static string ActorOf(ApiCaller caller) => caller.IsAdmin ? "api:admin" : $"api:{caller.CompanyId}";

    private static string StateMessage(string state) =>
        $"'{DisplayText.Clip(state, 40)}' is not a state; use one of {string.Join(", ", Enum.GetValues<AssessmentState>().Select(s => s.WireName()))}";
}
