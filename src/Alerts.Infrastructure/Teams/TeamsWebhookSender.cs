using Alerts.Core.Api;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Core.Delivery;
using Alerts.Core.Ops;
using Alerts.Infrastructure.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Teams;

/// <summary>
/// Spaces requests to one webhook URL (keyed by its hash) by <see cref="TeamsOptions.MinInterval"/>. Not a
/// System.Threading.RateLimiting limiter on purpose: those replenish on the wall clock and take no TimeProvider
/// (dotnet/runtime#106447, open), so every test of the spacing would have to sleep; this reservation reads the
/// injected clock and its wait goes through the injected delay like every other back-off.
/// </summary>
internal sealed class TeamsRateGate(TimeProvider time, IOptions<TeamsOptions> options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _next = new(StringComparer.Ordinal);

    /// <summary>Reserves the next slot for the URL and returns how long to wait for it.</summary>
    public TimeSpan Reserve(string urlHash)
    {
        var now = time.GetUtcNow();
        var slot = now;
        _next.AddOrUpdate(
            urlHash,
            _ => now + options.Value.MinInterval,
            (_, next) =>
            {
                slot = next > now ? next : now;
                return slot + options.Value.MinInterval;
            });
        return slot - now;
    }
}

/// <summary>
/// Posts cards to Teams Workflows webhooks (azure-notes §5): UTF-8 JSON (Teams counts UTF-8 bytes; 413s came from
/// UTF-16), 200/202 = accepted, 429 honours Retry-After, 5xx and timeouts back off, other 4xx, 301/302/303 and SSRF refusals fail for good. The URL's
/// <c>sig=</c> is a bearer secret: only its hash is logged (the client's own request logging is removed at registration).
/// </summary>
internal sealed partial class TeamsWebhookSender(
    HttpClient http,
    WebhookUrlValidator webhooks,
    TeamsRateGate gate,
    IOptions<TeamsOptions> options,
    IDeliveryDelay delay,
    TimeProvider time,
    ILogger<TeamsWebhookSender> logger,
    ChannelHealth? health = null) : ITeamsSender
{
    private readonly TeamsOptions _options = options.Value;

    public bool AcceptsCardsWithoutWebhook => false;

    public async Task<SendResult> SendAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.WebhookUrl is null || !Uri.TryCreate(card.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return new SendResult(SendStatus.Failed, "no valid webhook URL");
        }

        var hash = WebhookIdentity.Hash(card.WebhookUrl);

        // Checked when saved and again here: DNS may have changed since (the client's connect callback and redirect
        // handler check every hop as well).
        var verdict = await webhooks.ValidateAsync(url, cancellationToken).ConfigureAwait(false);
        if (!verdict.IsAllowed)
        {
            LogRefused(logger, hash, $"webhook refused: {verdict.Error}");
            return new SendResult(SendStatus.Failed, $"webhook refused: {verdict.Error}");
        }

        var body = Encoding.UTF8.GetBytes(card.Json);
        return await SendRetries.RunAsync(
            _options.MaxAttempts,
            _options.MaxBackoff,
            delay,
            async (attempt, ct) =>
            {
                await delay.DelayAsync(gate.Reserve(hash), ct).ConfigureAwait(false);
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                HttpResponseMessage posted;
                try
                {
                    posted = await http.PostAsync(url, content, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException ex) when (Refusal(ex) is { } refusal)
                {
                    // An SSRF refusal (a redirect hop or the connect-time address) is not a network fault: it fails for good.
                    LogRefused(logger, hash, refusal.Message);
                    return SendAttempt.Done(new SendResult(SendStatus.Failed, refusal.Message));
                }

                using var response = posted;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);

                // Old connectors throttled with 200 and "HTTP error 429" in the body (msteams-docs#7425).
                var throttledIn200 = response.StatusCode == HttpStatusCode.OK && text.Contains("429", StringComparison.Ordinal);
                if (response.IsSuccessStatusCode && !throttledIn200)
                {
                    LogSent(logger, hash, status);
                    health?.ReportAccepted(ChannelHealth.Teams, hash);
                    return SendAttempt.Done(SendResult.Ok);
                }

                var detail = SendRetries.HttpDetail(throttledIn200 ? 429 : status);
                if (response.StatusCode == HttpStatusCode.TooManyRequests || throttledIn200)
                {
                    return SendAttempt.RetryAfter(RetryAfter(response.Headers.RetryAfter, time.GetUtcNow()) ?? SendRetries.Backoff(attempt), detail);
                }

                if (status is >= 300 and < 400)
                {
                    // The redirect handler follows 307/308 only; a 301/302/303 would have made the POST a bodiless GET.
                    LogRejected(logger, hash, status);
                    return SendAttempt.Done(new SendResult(SendStatus.Failed, detail + ": redirect not followed (only 307/308 keep the card)"));
                }

                if (status >= 500)
                {
                    return SendAttempt.RetryAfter(SendRetries.Backoff(attempt), detail);
                }

                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    // A workflow turned off, deleted or its URL revoked: not transient, and only its hash is shown.
                    health?.ReportRejected(
                        ChannelHealth.Teams,
                        hash,
                        $"webhook {hash} answered HTTP {status}: the workflow was turned off or deleted, or its URL revoked; give the company a new webhook URL");
                }

                LogRejected(logger, hash, status);
                return SendAttempt.Done(new SendResult(SendStatus.Failed, detail));
            },
            ex => ex.HttpRequestError.ToString(), // the message may quote the URL, whose sig= is a secret
            (attempt, wait, detail) => LogRetrying(logger, hash, attempt, wait, detail),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The SSRF refusal behind <paramref name="exception"/> (the connect callback's is wrapped by the handler), if any.</summary>
    private static UnsafeWebhookUrlException? Refusal(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is UnsafeWebhookUrlException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    internal static TimeSpan? RetryAfter(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams card accepted by webhook {WebhookHash} (HTTP {Status})")]
    private static partial void LogSent(ILogger logger, string webhookHash, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams webhook {WebhookHash} attempt {Attempt} failed ({Detail}); retrying in {Wait}")]
    private static partial void LogRetrying(ILogger logger, string webhookHash, int attempt, TimeSpan wait, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams webhook {WebhookHash} refused ({Reason}); not retried")]
    private static partial void LogRefused(ILogger logger, string webhookHash, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams webhook {WebhookHash} rejected the card with HTTP {Status}; not retried")]
    private static partial void LogRejected(ILogger logger, string webhookHash, int status);
}
