using System.Globalization;
using System.Net;
using Alerts.Core.Delivery;
using Alerts.Core.Ops;
using Alerts.Infrastructure.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::SendGrid;
using global::SendGrid.Helpers.Mail;

namespace Alerts.Infrastructure.SendGrid;

/// <summary>
/// E-mail through the SendGrid SDK over a typed HttpClient (azure-notes §7.1): one personalization per recipient, at
/// most 1,000 per request; categories <c>alert|digest</c> and <c>source:{id}</c>; custom_args alertId and companyId.
/// The SDK does not throw and does not retry 429, so this class decides what to retry (the loop is
/// <see cref="Delivery.SendRetries"/>): 429 waits until <c>X-RateLimit-Reset</c>, 5xx and timeouts back off
/// exponentially, other 4xx fail for good.
/// </summary>
internal sealed partial class SendGridEmailSender(
    HttpClient http,
    IOptions<SendGridOptions> options,
    IDeliveryDelay delay,
    TimeProvider time,
    ILogger<SendGridEmailSender> logger,
    ChannelHealth? health = null) : IEmailSender
{
    /// <summary>The channel-health target of every SendGrid answer: one account, one key.</summary>
    public const string HealthTarget = "sendgrid";

    /// <summary>SendGrid's limit on personalizations (and recipients) per request.</summary>
    public const int MaxPersonalizations = 1000;

    private readonly SendGridOptions _options = options.Value;

    public async Task<IReadOnlyList<EmailRecipientResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = new SendGridClient(http, new SendGridClientOptions { ApiKey = _options.ApiKey, Host = _options.Host });
        var results = new List<EmailRecipientResult>();

        // Each address once per request (SendGrid rejects duplicates).
        foreach (var chunk in message.Recipients.DistinctBy(EmailAddresses.Normalize).Chunk(MaxPersonalizations))
        {
            var result = await SendChunkAsync(client, Build(message, chunk), cancellationToken).ConfigureAwait(false);
            results.AddRange(chunk.Select(r => new EmailRecipientResult(r, result)));
        }

        return results;
    }

    /// <summary>
    /// SendGrid has no lookup by our key: a send that died between SendGrid's 202 and the ledger write (a crash, or a
    /// timeout after SendGrid accepted) cannot be told from one that never left, so it is sent again (docs/operations.md).
    /// </summary>
    public Task<bool> WasDeliveredAsync(EmailMessage message, string recipient, CancellationToken cancellationToken) => Task.FromResult(false);

    internal SendGridMessage Build(EmailMessage message, IReadOnlyList<string> recipients)
    {
        var msg = new SendGridMessage
        {
            From = new EmailAddress(_options.FromEmail ?? throw new InvalidOperationException("SendGrid:FromEmail is not set."), _options.FromName),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
            Personalizations = recipients.Select(r => new Personalization { Tos = [new EmailAddress(r.Trim())] }).ToList(),
            Categories = [message.Kind.ToWire(), "source:" + message.SourceId],
            CustomArgs = new Dictionary<string, string> { ["companyId"] = message.CompanyId },
        };
        if (message.AlertId is not null)
        {
            msg.CustomArgs["alertId"] = message.AlertId;
        }

        if (_options.SandboxMode)
        {
            msg.SetSandBoxMode(true);
        }

        return msg;
    }

    private Task<SendResult> SendChunkAsync(SendGridClient client, SendGridMessage msg, CancellationToken cancellationToken) =>
        SendRetries.RunAsync(
            _options.MaxAttempts,
            _options.MaxBackoff,
            delay,
            async (attempt, ct) =>
            {
                var response = await client.SendEmailAsync(msg, ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    health?.ReportAccepted(ChannelHealth.Email, HealthTarget);
                    // SendGrid names the accepted message in X-Message-Id (its event webhook reports under the same id).
                    return SendAttempt.Done(SendResult.Sent(response.Headers?.TryGetValues("X-Message-Id", out var ids) == true ? ids.FirstOrDefault() : null));
                }

                var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(ct).ConfigureAwait(false);
                var detail = SendRetries.HttpDetail(status, body);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    // Not transient: every later message fails the same way until the key or sender is fixed.
                    var why = response.StatusCode == HttpStatusCode.Unauthorized
                        ? "the API key is wrong or revoked (SendGrid:ApiKey)"
                        : "the sender is not verified (SendGrid:FromEmail) or the key lacks the mail.send scope";
                    health?.ReportRejected(ChannelHealth.Email, HealthTarget, $"SendGrid answered HTTP {status}: {why}");
                    LogRejected(logger, status);
                    return SendAttempt.Done(new SendResult(SendStatus.Failed, $"{detail} ({why})"));
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return SendAttempt.RetryAfter(ResetDelay(response.Headers, time.GetUtcNow()) ?? SendRetries.Backoff(attempt), detail);
                }

                if (status >= 500)
                {
                    return SendAttempt.RetryAfter(SendRetries.Backoff(attempt), detail);
                }

                LogRejected(logger, status);
                return SendAttempt.Done(new SendResult(SendStatus.Failed, detail));
            },
            ex => ex.Message,
            (attempt, wait, detail) => LogRetrying(logger, attempt, wait, detail),
            cancellationToken);

    /// <summary>SendGrid's 429 has no Retry-After; X-RateLimit-Reset is the epoch second the window reopens.</summary>
    internal static TimeSpan? ResetDelay(System.Net.Http.Headers.HttpResponseHeaders? headers, DateTimeOffset now)
    {
        if (headers is not null && headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
        }

        return null;
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid attempt {Attempt} failed ({Detail}); retrying in {Wait}")]
    private static partial void LogRetrying(ILogger logger, int attempt, TimeSpan wait, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "SendGrid rejected the request with HTTP {Status}; not retried")]
    private static partial void LogRejected(ILogger logger, int status);
}
