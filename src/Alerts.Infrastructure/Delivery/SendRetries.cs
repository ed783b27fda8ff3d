using System.Globalization;
using Alerts.Core.Delivery;
using Polly;
using Polly.Retry;

namespace Alerts.Infrastructure.Delivery;

/// <summary>What one attempt to hand a message to a provider came to: final (sent, or refused for good), or worth another try.</summary>
internal readonly record struct SendAttempt(SendResult? Final, TimeSpan Wait, string Detail)
{
    public static SendAttempt Done(SendResult result) => new(result, TimeSpan.Zero, result.Detail ?? "");

    public static SendAttempt RetryAfter(TimeSpan wait, string detail) => new(null, wait, detail);
}

/// <summary>
/// The retry policy the SendGrid and Teams senders share, as a Polly retry pipeline: up to <c>maxAttempts</c> tries;
/// network errors and timeouts back off exponentially (2, 4, 8 … s); a provider's own wait (Retry-After,
/// X-RateLimit-Reset) is honoured; a wait longer than <c>maxBackoff</c> ends the tries at once, so a provider that
/// says "come back in an hour" makes the delivery <see cref="SendStatus.Retryable"/> for a later drain instead of
/// holding the message lock. What counts as "throttled" and how long to wait is each sender's own business.
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
        var pipeline = new ResiliencePipelineBuilder<SendAttempt>()
            .AddRetry(new RetryStrategyOptions<SendAttempt>
            {
                MaxRetryAttempts = Math.Max(0, maxAttempts - 1),

                // Another try only for an answer that is not final and whose wait fits this drain.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Final: null } result && result.Wait <= maxBackoff),

                // The wait is the provider's (or the back-off) and goes through the injected delay, so tests and the
                // drain's clock decide time; Polly's own delay stays zero.
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(TimeSpan.Zero),
                OnRetry = async args =>
                {
                    var result = args.Outcome.Result;
                    onRetrying(args.AttemptNumber + 1, result.Wait, result.Detail);
                    await delay.DelayAsync(result.Wait, args.Context.CancellationToken).ConfigureAwait(false);
                },
            })
            .Build();

        var number = 0;
        var outcome = await pipeline.ExecuteAsync(
            async token =>
            {
                number++;
                try
                {
                    return await attempt(number, token).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    return SendAttempt.RetryAfter(Backoff(number), "network: " + describeNetworkError(ex));
                }
                catch (TaskCanceledException) when (!token.IsCancellationRequested)
                {
                    return SendAttempt.RetryAfter(Backoff(number), "timeout");
                }
            },
            cancellationToken).ConfigureAwait(false);

        return outcome.Final ?? new SendResult(SendStatus.Retryable, outcome.Detail);
    }

    /// <summary>"HTTP 503" plus, where given, the start of the provider's answer.</summary>
    public static string HttpDetail(int status, string? body = null) =>
        string.IsNullOrEmpty(body)
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {status}")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {(body.Length <= 500 ? body : body[..500])}");
}
