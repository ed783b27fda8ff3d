using Alerts.Core.Alerts;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// E-mail to each company's immediate recipients at or above their minimum severity, one recipient at a time:
/// "sending" is recorded before the provider call and the outcome right after it, with a token a stop does not cancel.
/// A crash leaves at most that one recipient "maybe sent"; on redelivery the sender says whether it went out (outbox)
/// or it is sent again (SendGrid: the documented duplicate window). Past the drain deadline, the tenant's budget or a
/// stop, no new send starts: the rest is left for redelivery.
/// </summary>
public sealed partial class EmailChannel(
    IDeliveryLedger ledger,
    IEmailSender email,
    AlertEmailRenderer renderer,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<EmailChannel> logger) : IAlertChannel
{
    private readonly DeliveryOptions _options = options.Value;

    public string Subscription => Messaging.Subscriptions.Email;

    public async Task<IReadOnlySet<string>> DeliverAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, Company> companies, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(companies);
        var retry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            if (!companies.TryGetValue(alert.CompanyId, out var company))
            {
                continue;
            }

            if (!await DeliverOneAsync(alert, company, deadline, cancellationToken).ConfigureAwait(false))
            {
                retry.Add(alert.AlertId);
            }
        }

        return retry;
    }

    /// <summary>False when the alert must come back for some recipient.</summary>
    private async Task<bool> DeliverOneAsync(Alert alert, Company company, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var done = true;
        var tenantDeadline = ChannelSends.Earliest(deadline, time.GetUtcNow() + _options.TenantBudget);
        try
        {
            var addresses = company.Recipients
                .Where(r => r.Role == RecipientRole.Immediate && alert.Severity >= r.MinSeverity)
                .Select(r => r.Email.Trim())
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var address in addresses)
            {
                var recipient = EmailAddresses.Normalize(address);
                var state = await ledger.GetOutcomeAsync(alert.AlertId, DeliveryChannel.Email, recipient, cancellationToken).ConfigureAwait(false);
                if (state is DeliveryOutcome.Sent or DeliveryOutcome.Failed)
                {
                    continue;
                }

                if (ChannelSends.OutOfTime(tenantDeadline, time, cancellationToken))
                {
                    ChannelLog.StoppedStarting(logger, Subscription, company.Id);
                    return false;
                }

                // The stored alert, rendered as stored: what the API and the dashboard show is what is sent. Rendered per
                // recipient because its action links are signed for that address; each send already carries one
                // recipient, and the links are deterministic (expiry from the alert's time), so a redelivery renders
                // the same message.
                var rendered = renderer.Render(alert, company.Name, address);
                var single = new EmailMessage(EmailKind.Alert, alert.AlertId, company.Id, alert.SourceId, rendered.Subject, rendered.Html, rendered.Text, [address]);
                if (state == DeliveryOutcome.Sending)
                {
                    if (await email.WasDeliveredAsync(single, address, cancellationToken).ConfigureAwait(false))
                    {
                        await ledger.RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Email, recipient, new SendResult(SendStatus.Sent, "found delivered after a restart"), _options, time).ConfigureAwait(false);
                        continue;
                    }

                    LogMaybeSent(logger, alert.AlertId);
                }

                await ledger.RecordAsync(new DeliveryRecord(alert.AlertId, DeliveryChannel.Email, recipient, DeliveryOutcome.Sending, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                var results = await email.SendAsync(single, cancellationToken).ConfigureAwait(false);
                var result = results.Count > 0 ? results[0].Result : new SendResult(SendStatus.Retryable, "the sender returned no result");

                // From here the send happened: its record must survive a stop.
                await ledger.RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Email, recipient, result, _options, time).ConfigureAwait(false);
                if (result.Status == SendStatus.Retryable)
                {
                    done = false;
                }
                else if (result.Status == SendStatus.Failed)
                {
                    ChannelLog.SendFailed(logger, "email", alert.AlertId, result.Detail ?? "");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A stop during a provider call: what finished is recorded, the rest comes back.
            return false;
        }
        catch (Exception ex)
        {
            ChannelLog.ProcessingFailed(logger, Subscription, alert.AlertId, ex);
            return false;
        }

        return done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was marked sending to a recipient before a restart and the sender cannot confirm it went out; sending again (possible duplicate)")]
    private static partial void LogMaybeSent(ILogger logger, string alertId);
}
