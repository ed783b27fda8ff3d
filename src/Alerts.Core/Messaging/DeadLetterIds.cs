namespace Alerts.Core.Messaging;

/// <summary>
/// Dead-letter ids are <c>{subscription}:{message id or sequence number}</c>: no '/', so one id is one URL path segment
/// on every surface (dashboard Replay form, <c>POST /api/deadletters/{id}/replay</c> in both hosts, <c>alerts dlq</c>) —
/// a '/' made the route miss and answer 404 (issue 15, item 2). Links still percent-encode the id like any path
/// segment, and routes decode it, so an id written before the change (<c>email/…</c>, sent as <c>email%2F…</c>) works too.
/// </summary>
public static class DeadLetterIds
{
    public const char Separator = ':';

    public static string Format(string subscription, string local)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscription);
        return string.Concat(subscription, Separator.ToString(), local);
    }

    /// <summary>Splits at the first ':' (or, for an id from before, the first '/'): subscription names contain neither.</summary>
    public static bool TrySplit(string? id, out string subscription, out string local)
    {
        subscription = "";
        local = "";
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var at = id.IndexOfAny([Separator, '/']);
        if (at <= 0 || at == id.Length - 1)
        {
            return false;
        }

        subscription = id[..at];
        local = id[(at + 1)..];
        return true;
    }

    /// <summary>
    /// The id as a route parameter gave it: Kestrel leaves an encoded '/' (<c>%2F</c>) encoded in route values, so it is
    /// decoded here; an id without '%' is returned as is.
    /// </summary>
    public static string FromRoute(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!id.Contains('%', StringComparison.Ordinal))
        {
            return id;
        }

        try
        {
            return Uri.UnescapeDataString(id);
        }
        catch (UriFormatException)
        {
            return id;
        }
    }
}
