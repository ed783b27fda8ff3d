using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Ops;
using Alerts.Core.Changes;

namespace Alerts.Core.Api;

/// <summary>The answer of <c>GET /api/status</c>.</summary>
public sealed record StatusReport(DateTimeOffset CheckedAt)
{
    public IReadOnlyList<QueueDepth> Queues { get; init; } = [];

    public IReadOnlyList<SourceHealthSummary> Sources { get; init; } = [];

    public IReadOnlyList<DeliveryStat> DeliveriesLast24Hours { get; init; } = [];

    public IReadOnlyList<DeliveryStat> DeliveriesLast7Days { get; init; } = [];
}

/// <summary>A dead letter as listed: the body is left out (<c>alerts dlq show</c> has it).</summary>
public sealed record DeadLetterSummary(string Id, string Subscription, string MessageId, string Reason, string Description, int DeliveryCount, DateTimeOffset DeadLetteredAt)
{
    public static DeadLetterSummary From(DeadLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new DeadLetterSummary(letter.Id, letter.Subscription, letter.MessageId, letter.Reason, letter.Description, letter.DeliveryCount, letter.DeadLetteredAt);
    }
}

/// <summary>
/// Ops: sources, status, taxonomy, dead letters. Sources and taxonomy are readable with any valid key; status and
/// dead letters need the admin key (queue and delivery figures span all companies).
/// </summary>
public sealed class OpsHandlers(
    ApiKeyService keys,
    TimeProvider clock,
    HealthService health,
    DeadLetterService deadLetters,
    IDeliveryLedger ledger,
    ITaxonomyReader taxonomy,
    ListingShrinkConfirmation shrinks)
{
    public async Task<ApiResult> SourcesAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.Unauthorized();
        }

        return ApiResult.Ok(await health.ReadSourcesAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// <c>POST /api/sources/{id}/confirm-shrink?listing=</c> (admin): a person confirms that the source's suspect
    /// listings (or the one named) are really shorter; their next poll is taken as it is (docs/operations.md).
    /// </summary>
    public Task<ApiResult> ConfirmShrinkAsync(string? authorization, string sourceId, string? listingUrl, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
        {
            var result = await shrinks.ConfirmAsync(sourceId, listingUrl, cancellationToken).ConfigureAwait(false);
            return result.Outcome switch
            {
                ShrinkConfirmationOutcome.Confirmed => ApiResult.Ok(new { confirmed = result.Listings }),
                ShrinkConfirmationOutcome.UnknownSource => Problems.NotFound("source", sourceId),
                _ => Problems.Conflict(result.Problem + "."),
            };
        }, cancellationToken);

    public async Task<ApiResult> TaxonomyAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false) is null)
        {
            return Problems.Unauthorized();
        }

        return ApiResult.Ok(taxonomy.Categories);
    }

    public Task<ApiResult> StatusAsync(string? authorization, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
        {
            var now = clock.GetUtcNow();
            return ApiResult.Ok(new StatusReport(now)
            {
                Queues = await deadLetters.GetDepthsAsync(cancellationToken).ConfigureAwait(false),
                Sources = await health.ReadSourcesAsync(cancellationToken).ConfigureAwait(false),
                DeliveriesLast24Hours = await ledger.CountAsync(now.AddHours(-24), cancellationToken).ConfigureAwait(false),
                DeliveriesLast7Days = await ledger.CountAsync(now.AddDays(-7), cancellationToken).ConfigureAwait(false),
            });
        }, cancellationToken);

    public Task<ApiResult> ListDeadLettersAsync(string? authorization, string? subscription, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
        {
            if (DeadLetterService.SubscriptionProblem(subscription) is { } problem)
            {
                return Problems.Invalid("subscription", problem);
            }

            var letters = await deadLetters.ListAsync(subscription, cancellationToken).ConfigureAwait(false);
            return ApiResult.Ok(letters.Select(DeadLetterSummary.From).ToList());
        }, cancellationToken);

    /// <summary><c>GET /api/deadletters/{id}</c> (admin): one dead letter with its body.</summary>
    public Task<ApiResult> GetDeadLetterAsync(string? authorization, string deadLetterId, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
            await deadLetters.GetAsync(deadLetterId, cancellationToken).ConfigureAwait(false) is { } letter
                ? ApiResult.Ok(letter)
                : Problems.NotFound("dead letter", DeadLetterIds.FromRoute(deadLetterId)), cancellationToken);

    /// <summary><c>POST /api/deadletters/replay-all?subscription=</c> (admin): every dead letter listed now, each as in a single replay.</summary>
    public Task<ApiResult> ReplayAllAsync(string? authorization, string? subscription, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
            DeadLetterService.SubscriptionProblem(subscription) is { } problem
                ? Problems.Invalid("subscription", problem)
                : ApiResult.Accepted(await deadLetters.ReplayAllAsync(subscription, cancellationToken).ConfigureAwait(false)), cancellationToken);

    /// <summary><c>POST /api/deadletters/{id}/replay</c> (admin): a clone with a new message id; the ledger prevents a second delivery.</summary>
    public Task<ApiResult> ReplayAsync(string? authorization, string deadLetterId, CancellationToken cancellationToken) =>
        AsAdminAsync(authorization, async () =>
        {
            var answer = await deadLetters.ReplayAsync(deadLetterId, cancellationToken).ConfigureAwait(false);
            return answer is null ? Problems.NotFound("dead letter", DeadLetterIds.FromRoute(deadLetterId)) : ApiResult.Accepted(answer);
        }, cancellationToken);

    private async Task<ApiResult> AsAdminAsync(string? authorization, Func<Task<ApiResult>> action, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateHeaderAsync(authorization, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Problems.Unauthorized();
        }

        return caller.IsAdmin ? await action().ConfigureAwait(false) : Problems.Forbidden();
    }
}
