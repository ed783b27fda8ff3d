using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Fetching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Alerts.Core.Sources;

/// <summary>
/// Fetches one page through the source's named HttpClient (resilience pipeline attached at registration), reads the
/// body under a cap, decodes it and classifies the answer. Site trouble never throws: it becomes a
/// <see cref="FetchOutcome"/>. Only cancellation by the caller propagates.
/// </summary>
public sealed partial class HttpPageFetcher(
    IHttpClientFactory clientFactory,
    IOptionsMonitor<SourceOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpPageFetcher> logger) : IPageFetcher
{
    /// <summary>The named HttpClient of a source.</summary>
    public static string ClientName(string sourceId) => "alerts-source:" + sourceId;

    private readonly PolitenessGate _gate = new(timeProvider);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Get(request.SourceId);
        var started = timeProvider.GetTimestamp();
        FetchResult result;
        try
        {
            await _gate.WaitTurnAsync(request.Url, settings.PolitenessDelay, cancellationToken).ConfigureAwait(false);
            result = await SendAsync(request, settings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            result = Classify(exception, request.Url);
        }

        result = result with { Elapsed = timeProvider.GetElapsedTime(started) };
        if (!result.Outcome.IsHealthy())
        {
            LogFetchFailed(request.SourceId, request.Url, result.Outcome, result.Detail);
        }

        return result;
    }

    private async Task<FetchResult> SendAsync(FetchRequest request, SourceOptions settings, CancellationToken cancellationToken)
    {
        var client = clientFactory.CreateClient(ClientName(request.SourceId));
        using var message = new HttpRequestMessage(request.Method, request.Url);
        message.Headers.TryAddWithoutValidation("User-Agent", settings.UserAgent ?? SourceOptions.DefaultUserAgent);
        message.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        message.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN,zh;q=0.9,ja;q=0.8,en;q=0.7");
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.ETag is { Length: > 0 } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        if (request.LastModified is { } lastModified)
        {
            message.Headers.IfModifiedSince = lastModified;
        }

        if (request.FormBody is { } form)
        {
            message.Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var etagOut = response.Headers.ETag?.ToString();
        var lastModifiedOut = response.Content.Headers.LastModified;
        var baseResult = new FetchResult(FetchOutcome.Ok, request.Url)
        {
            StatusCode = status,
            ETag = etagOut,
            LastModified = lastModifiedOut,
            ContentType = response.Content.Headers.ContentType?.MediaType,
            FetchedAt = timeProvider.GetUtcNow(),
        };

        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return baseResult with { Outcome = FetchOutcome.NotModified, ETag = etagOut ?? request.ETag, LastModified = lastModifiedOut ?? request.LastModified };
        }

        var failure = ClassifyStatus(status);
        if (failure is { } failed)
        {
            return baseResult with { Outcome = failed, Detail = $"HTTP {status}" };
        }

        if (response.Content.Headers.ContentLength is { } length && length > settings.MaxBodyBytes)
        {
            return baseResult with { Outcome = FetchOutcome.TooLarge, Detail = $"Content-Length {length} > {settings.MaxBodyBytes}" };
        }

        using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bodyTimeout.CancelAfter(settings.Timeout);
        byte[]? body;
        try
        {
            body = await ReadCappedAsync(response.Content, settings.MaxBodyBytes, bodyTimeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return baseResult with { Outcome = FetchOutcome.Timeout, Detail = "reading the body timed out" };
        }

        if (body is null)
        {
            return baseResult with { Outcome = FetchOutcome.TooLarge, Detail = $"body > {settings.MaxBodyBytes} bytes" };
        }

        // METI's AWS WAF answers a JS challenge with 202 and an empty body (sources.md §1.8).
        if (body.Length == 0 && (status == 202 || status == 200))
        {
            return baseResult with { Outcome = FetchOutcome.Blocked, Detail = $"HTTP {status} with an empty body (WAF challenge)" };
        }

        if (request.Binary)
        {
            return baseResult with { Bytes = body };
        }

        var (text, charset) = Charsets.Decode(body, response.Content.Headers.ContentType?.CharSet);
        // The raw bytes stay with the text: the page archive keeps what the site served (issue 19).
        baseResult = baseResult with { Text = text, Charset = charset, Bytes = body };
        if (LooksLikeChallenge(text))
        {
            return baseResult with { Outcome = FetchOutcome.Blocked, Detail = "WAF challenge or fake 'page not found' page" };
        }

        if (Charsets.ReplacementRatio(text) > 0.05)
        {
            return baseResult with { Outcome = FetchOutcome.Mojibake, Detail = $"undecodable bytes as {charset}" };
        }

        return baseResult;
    }

    internal static FetchOutcome? ClassifyStatus(int status) => status switch
    {
        403 or 405 or 412 or 429 or 451 => FetchOutcome.Blocked,
        404 or 410 => FetchOutcome.Gone,
        >= 400 => FetchOutcome.ServerError,
        _ => null, // 2xx/3xx, including the 202 of a WAF challenge, are judged by their body
    };

    /// <summary>Reads at most <paramref name="cap"/> bytes; null when the body is larger (never buffers it all).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (true)
            {
                var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer.ToArray();
                }

                if (buffer.Length + read > cap)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
    }

    /// <summary>
    /// Challenge pages: AWS WAF's token script, 加速乐's cookie script, and the themed fake "page not found" that
    /// japan.kantei.go.jp serves with 200 to default agents (sources.md §0.4). Only small pages qualify.
    /// </summary>
    internal static bool LooksLikeChallenge(string text)
    {
        if (text.Length > 64 * 1024)
        {
            return false;
        }

        return ChallengeMarkers().IsMatch(text);
    }

    private static FetchResult Classify(Exception exception, Uri url) => exception switch
    {
        _ when SourceRequestGuard.IsRefusal(exception) => new FetchResult(FetchOutcome.Refused, url) { Detail = RefusalMessage(exception) },
        TimeoutRejectedException => new FetchResult(FetchOutcome.Timeout, url) { Detail = exception.Message },
        OperationCanceledException => new FetchResult(FetchOutcome.Timeout, url) { Detail = "the request timed out" },
        BrokenCircuitException => new FetchResult(FetchOutcome.Connection, url) { Detail = "circuit open: " + exception.Message },
        HttpRequestException or IOException or SocketException => new FetchResult(FetchOutcome.Connection, url) { Detail = exception.Message },
        _ => new FetchResult(FetchOutcome.Connection, url) { Detail = exception.GetType().Name + ": " + exception.Message },
    };

    private static string RefusalMessage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RefusedSourceRequestException)
            {
                return e.Message;
            }
        }

        return exception.Message;
    }

    [GeneratedRegex("""awsWafCookieDomainList|AwsWafIntegration|challenge\.js|__jsl_clearance|<title>[^<]{0,40}(page not found|ページが見つかりません|404 not found)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 500)]
    private static partial Regex ChallengeMarkers();

    // A detail: the poll says a failing source once, as one warning when its health changes (PollService, issue 15).
    [LoggerMessage(Level = LogLevel.Debug, Message = "Fetch for {SourceId} of {Url} failed: {Outcome} ({Detail})")]
    private partial void LogFetchFailed(string sourceId, Uri url, FetchOutcome outcome, string? detail);
}
