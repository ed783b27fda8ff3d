namespace Alerts.Core.Messaging;

/// <summary>A replayed dead letter: the clone's new message id.</summary>
public sealed record ReplayAnswer(string DeadLetterId, string NewMessageId);

/// <summary>
/// The one set of dead-letter rules behind every surface — <c>/api/deadletters</c> in both hosts, the Functions
/// <c>ops/dlq</c> routes, the dashboard's Replay form and <c>alerts dlq</c>: which subscription names are valid, how an
/// id arrives from a route, how long an id may be, and what replaying everything means.
/// </summary>
public sealed class DeadLetterService(IDeadLetterQueue queue)
{
    /// <summary>Longer ids are not ours (subscription + ':' + a Service Bus message id of at most 128): not found, not asked.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Null when <paramref name="subscription"/> is empty (every subscription) or known; otherwise why not.</summary>
    public static string? SubscriptionProblem(string? subscription) =>
        string.IsNullOrEmpty(subscription) || Subscriptions.All.Contains(subscription)
            ? null
            : $"unknown subscription '{subscription}'; expected one of {string.Join(", ", Subscriptions.All)}";

    /// <summary>Dead letters of one subscription, or of all when <paramref name="subscription"/> is empty; newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? subscription, CancellationToken cancellationToken)
    {
        if (SubscriptionProblem(subscription) is { } problem)
        {
            throw new ArgumentException(problem, nameof(subscription));
        }

        var letters = await queue.ListAsync(string.IsNullOrEmpty(subscription) ? null : subscription, cancellationToken).ConfigureAwait(false);
        return [.. letters.OrderByDescending(l => l.DeadLetteredAt)];
    }

    /// <summary>One dead letter by its id as any surface received it (a route segment may still be percent-encoded).</summary>
    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var normal = Normalize(id);
        return normal is null ? Task.FromResult<DeadLetter?>(null) : queue.GetAsync(normal, cancellationToken);
    }

    /// <summary>Replays one dead letter as a clone with a new message id (the ledger keeps anything sent from being sent again); null when there is no such letter.</summary>
    public async Task<ReplayAnswer?> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        var normal = Normalize(id);
        if (normal is null)
        {
            return null;
        }

        var messageId = await queue.ReplayAsync(normal, cancellationToken).ConfigureAwait(false);
        return messageId is null ? null : new ReplayAnswer(normal, messageId);
    }

    /// <summary>Replays every dead letter listed now (one subscription's, or all); a letter replayed meanwhile by someone else is skipped.</summary>
    public async Task<IReadOnlyList<ReplayAnswer>> ReplayAllAsync(string? subscription, CancellationToken cancellationToken)
    {
        var replayed = new List<ReplayAnswer>();
        foreach (var letter in await ListAsync(subscription, cancellationToken).ConfigureAwait(false))
        {
            if (await ReplayAsync(letter.Id, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                replayed.Add(answer);
            }
        }

        return replayed;
    }

    /// <summary>Active and dead-lettered counts per subscription (null counts: the bus would not say).</summary>
    public Task<IReadOnlyList<QueueDepth>> GetDepthsAsync(CancellationToken cancellationToken) => queue.GetDepthsAsync(cancellationToken);

    private static string? Normalize(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var normal = DeadLetterIds.FromRoute(id.Trim());
        return normal.Length is 0 or > MaxIdLength ? null : normal;
    }
}
