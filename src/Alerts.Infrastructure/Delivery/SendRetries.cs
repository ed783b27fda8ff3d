using System.Globalization;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Delivery;

/// <summary>What one attempt to hand a message to a provider came to: final (sent, or refused for good), or worth another try.</summary>
internal readonly record struct SendAttempt(SendResult? Final, TimeSpan Wait, string Detail)
{
    public static SendAttempt Done(SendResult result) => new(result, TimeSpan.Zero, result.Detail ?? "");

    public static SendAttempt RetryAfter(TimeSpan wait, string detail) => new(null, wait, detail);
}

/// <summary>
/// The retry loop the SendGrid and Teams senders share: up to <c>maxAttempts</c> tries; network errors and timeouts
/// back off exponentially (2, 4, 8 … s); a wait longer than <c>maxBackoff</c> ends the loop at once, so a provider
/// that says "come back in an hour" makes the delivery <see cref="SendStatus.Retryable"/> for a later drain instead
/// of holding the message lock. What counts as "throttled" and how long to wait is each sender's own business.
/// </summary>
internal static class SendRetries
{
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt));

    /// <param name="attempt">One try (the attempt number, from 1); may throw <see cref="HttpRequestException"/> or time out.</param>
    /// <param name="describeNetworkError">What of a network error may be recorded (a webhook URL in its message is a secret).</param>
    /// <param name="onRetrying">Called before each wait with the attempt number, the wait and the detail (for logging).</param>
    public static async Task<SendResult> RunAsync(
        int maxAttempts,
        TimeSpan maxBackoff,
        IDeliveryDelay delay,
        Func<int, CancellationToken, Task<SendAttempt>> attempt,
        Func<HttpRequestException, string> describeNetworkError,
        Action<int, TimeSpan, string> onRetrying,
        CancellationToken cancellationToken)
    {
        var last = "";
        for (var number = 1; number <= maxAttempts; number++)
        {
            SendAttempt outcome;
            try
            {
                outcome = await attempt(number, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                outcome = SendAttempt.RetryAfter(Backoff(number), "network: " + describeNetworkError(ex));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = SendAttempt.RetryAfter(Backoff(number), "timeout");
            }

            if (outcome.Final is { } final)
            {
                return final;
            }

            last = outcome.Detail;
            if (number == maxAttempts || outcome.Wait > maxBackoff)
            {
                break;
            }

            onRetrying(number, outcome.Wait, last);
            await delay.DelayAsync(outcome.Wait, cancellationToken).ConfigureAwait(false);
        }

        return new SendResult(SendStatus.Retryable, last);
    }

    /// <summary>"HTTP 503" plus, where given, the start of the provider's answer.</summary>
    public static string HttpDetail(int status, string? body = null) =>
        string.IsNullOrEmpty(body)
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {(body.Length <= 500 ? body : body[..500])}");
}
