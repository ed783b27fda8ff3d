using Alerts.Core.Delivery;
using Alerts.Infrastructure.Delivery;
using Alerts.Testing;

namespace Alerts.Infrastructure.Tests.Delivery;

public sealed class SendRetriesTests
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly DeliveryRecordingDelay _delay = new();
    private readonly List<(int Attempt, TimeSpan Wait, string Detail)> _retries = [];
    private int _attempts;

    [Fact]
    public async Task RunAsync_SentOnSecondAttempt_ReturnsSentAfterOneBackoff()
    {
        var result = await RunAsync(attempt => attempt == 1 ? SendAttempt.RetryAfter(SendRetries.Backoff(attempt), "HTTP 503") : SendAttempt.Done(SendResult.Ok));

        result.ShouldBe(SendResult.Ok);
        _delay.Delays.ShouldBe([TimeSpan.FromSeconds(2)]);
    }

    [Fact]
    public async Task RunAsync_NetworkErrorEveryTime_TriesMaxAttemptsBackingOffExponentiallyThenRetryable()
    {
        var result = await RunAsync(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, "connect to https://secret.example failed"));

        result.Status.ShouldBe(SendStatus.Retryable);
        _attempts.ShouldBe(4);
        _delay.Delays.ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)]);
        result.Detail.ShouldBe("network: ConnectionError");
    }

    [Fact]
    public async Task RunAsync_WaitLongerThanMaxBackoff_StopsAtOnceWithoutWaiting()
    {
        var result = await RunAsync(_ => SendAttempt.RetryAfter(TimeSpan.FromHours(1), "HTTP 429"));

        result.ShouldBe(new SendResult(SendStatus.Retryable, "HTTP 429"));
        _attempts.ShouldBe(1);
        _delay.Delays.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_RequestTimesOut_IsRetriedAndReportedAsTimeout()
    {
        var result = await RunAsync(_ => throw new TaskCanceledException("HttpClient.Timeout"));

        result.ShouldBe(new SendResult(SendStatus.Retryable, "timeout"));
        _retries.Select(r => r.Detail).ShouldAllBe(d => d == "timeout");
    }

    [Fact]
    public async Task RunAsync_CallerCancels_ThrowsInsteadOfReportingATimeout()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Should.ThrowAsync<TaskCanceledException>(() => RunAsync(_ => throw new TaskCanceledException(), cancelled.Token));
    }

    [Fact]
    public async Task RunAsync_FailedForGood_ReturnsItWithoutRetrying()
    {
        var failed = new SendResult(SendStatus.Failed, "HTTP 400: bad request");

        var result = await RunAsync(_ => SendAttempt.Done(failed));

        result.ShouldBe(failed);
        _retries.ShouldBeEmpty();
    }

    [Fact]
    public void HttpDetail_LongBody_KeepsTheFirst500Characters() =>
        SendRetries.HttpDetail(502, new string('x', 2_000)).ShouldBe("HTTP 502: " + new string('x', 500));

    private Task<SendResult> RunAsync(Func<int, SendAttempt> attempt, CancellationToken cancellationToken = default) =>
        SendRetries.RunAsync(
            maxAttempts: 4,
            MaxBackoff,
            _delay,
            (number, _) =>
            {
                _attempts++;
                return Task.FromResult(attempt(number));
            },
            ex => ex.HttpRequestError.ToString(),
            (number, wait, detail) => _retries.Add((number, wait, detail)),
            cancellationToken);
}
