using Alerts.Core;
using Alerts.Core.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Delivery;

/// <summary>
/// Dead-letter admin over HTTP (function key required; "admin/" is the Functions host's own prefix, hence "ops/"):
/// <c>GET ops/dlq[?subscription=]</c>, <c>GET ops/dlq/{id}</c>, <c>POST ops/dlq/{id}/replay</c>, <c>POST ops/dlq/replay-all</c>.
/// Replay clones the message with a new id; the delivery ledger keeps a second delivery from sending again.
/// </summary>
public sealed class DeadLetterFunction(DeadLetterService deadLetters)
{
    [Function("DeadLetterList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/dlq")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? subscription = request.Query["subscription"];
        if (DeadLetterService.SubscriptionProblem(subscription) is { } problem)
        {
            return new BadRequestObjectResult(new { error = problem });
        }

        return new JsonResult(await deadLetters.ListAsync(subscription, cancellationToken).ConfigureAwait(false), AlertsJson.Web);
    }

    [Function("DeadLetterShow")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/dlq/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var letter = await deadLetters.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return letter is null ? new NotFoundResult() : new JsonResult(letter, AlertsJson.Web);
    }

    [Function("DeadLetterReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ops/dlq/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var answer = await deadLetters.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        return answer is null ? new NotFoundResult() : new JsonResult(new { id = answer.DeadLetterId, messageId = answer.NewMessageId }, AlertsJson.Web);
    }

    [Function("DeadLetterReplayAll")]
    public async Task<IActionResult> ReplayAll(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ops/dlq/replay-all")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var replayed = await deadLetters.ReplayAllAsync(null, cancellationToken).ConfigureAwait(false);
        return new JsonResult(replayed.Select(r => new { id = r.DeadLetterId, messageId = r.NewMessageId }).ToList(), AlertsJson.Web);
    }
}
