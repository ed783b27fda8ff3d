using Alerts.Core;
using Alerts.Core.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Alerts.Core.Common;

namespace Alerts.Functions.Delivery;

/// <summary>
/// Dead-letter admin over HTTP (function key required; "admin/" is the Functions host's own prefix, hence "ops/"):
/// <c>GET ops/dlq[?subscription=]</c>, <c>GET ops/dlq/{id}</c>, <c>POST ops/dlq/{id}/replay</c>, <c>POST ops/dlq/replay-all</c>.
/// Replay clones the message with a new id; the delivery ledger keeps a second delivery from sending again.
/// </summary>
public sealed class DeadLetterFunction(IDeadLetterQueue queue)
{
    [Function("DeadLetterList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/dlq")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? subscription = request.Query["subscription"];
        if (subscription is not null && !Subscriptions.All.Contains(subscription))
        {
            return new BadRequestObjectResult(new { error = $"Unknown subscription '{subscription}'." });
        }

        return new JsonResult(await queue.ListAsync(subscription, cancellationToken).ConfigureAwait(false), AlertsJson.Web);
    }

    [Function("DeadLetterShow")]
    public async Task<IActionResult> Show(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ops/dlq/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var letter = await queue.GetAsync(DeadLetterIds.FromRoute(id), cancellationToken).ConfigureAwait(false);
        return letter is null ? new NotFoundResult() : new JsonResult(letter, AlertsJson.Web);
    }

    [Function("DeadLetterReplay")]
    public async Task<IActionResult> Replay(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ops/dlq/{id}/replay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        id = DeadLetterIds.FromRoute(id);
        var messageId = await queue.ReplayAsync(id, cancellationToken).ConfigureAwait(false);
        return messageId is null ? new NotFoundResult() : new JsonResult(new { id, messageId }, AlertsJson.Web);
    }

    [Function("DeadLetterReplayAll")]
    public async Task<IActionResult> ReplayAll(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ops/dlq/replay-all")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var replayed = new List<object>();
        foreach (var letter in await queue.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (await queue.ReplayAsync(letter.Id, cancellationToken).ConfigureAwait(false) is { } messageId)
            {
                replayed.Add(new { id = letter.Id, messageId });
            }
        }

        return new JsonResult(replayed, AlertsJson.Web);
    }
}
