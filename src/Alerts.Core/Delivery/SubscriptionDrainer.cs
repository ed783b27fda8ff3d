using Alerts.Core.Ops;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;
using Alerts.Core.Matching;

namespace Alerts.Core.Delivery;

/// <summary>What one drain did.</summary>
public sealed record DrainReport(string Subscription, int Received, int Completed, int LeftForRetry, int DeadLettered);

/// <summary>Drains one bus subscription (<c>alerts</c>, <c>email</c>, <c>teams</c>) within a time budget.</summary>
public interface ISubscriptionDrainer
{
    Task<DrainReport> DrainAsync(string subscription, CancellationToken cancellationToken);
}

/// <summary>
/// PeekLock drain: receive a batch, turn each change into alerts (archive → companies → matcher), deliver for the
/// subscription, then settle: done → complete; retryable → left unsettled so lock expiry is the back-off (never
/// abandoned, which would burn the delivery count at once: azure-notes §4.3); poison → dead-letter with a reason.
/// The ledger makes redelivery safe: a (alert, channel, recipient) already sent is skipped.
/// </summary>
public sealed partial class SubscriptionDrainer(
    IChangeConsumer consumer,
    IChangeArchive archive,
    ICompanyStore companies,
    INoticeMatcher matcher,
    IAlertStore alertStore,
    IDeliveryLedger ledger,
    IEmailSender email,
    ITeamsSender teams,
    AlertEmailRenderer emailRenderer,
    TeamsCardBuilder cardBuilder,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<SubscriptionDrainer> logger) : ISubscriptionDrainer
{
    public const string ReasonInvalidPayload = "InvalidPayload";
    public const string ReasonUnknownSchemaVersion = "UnknownSchemaVersion";

    private readonly DeliveryOptions _options = options.Value;

    private enum Outcome
    {
        Done,
        Retry,
        Poison,
    }

    public async Task<DrainReport> DrainAsync(string subscription, CancellationToken cancellationToken)
    {
        if (!Messaging.Subscriptions.All.Contains(subscription))
        {
            throw new ArgumentException($"Unknown subscription '{subscription}'; expected one of {string.Join(", ", Messaging.Subscriptions.All)}.", nameof(subscription));
        }

        var deadline = time.GetUtcNow() + _options.DrainBudget;
        using var activity = AlertsTelemetry.StartDrain(subscription);
        int received = 0, completed = 0, retried = 0, deadLettered = 0;
        DrainCompanies? drainCompanies = null;
        while (time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
        {
            IReadOnlyList<ReceivedMessage> batch;
            try
            {
                batch = await consumer.ReceiveAsync(subscription, _options.BatchSize, _options.ReceiveWait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogReceiveFailed(logger, subscription, ex);
                break;
            }

            if (batch.Count == 0)
            {
                break;
            }

            received += batch.Count;
            foreach (var message in batch)
            {
                AlertsTelemetry.RecordDrainLag(subscription, time.GetUtcNow() - message.EnqueuedAt);
            }

            try
            {
                drainCompanies ??= new DrainCompanies(await companies.ListAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogCompaniesFailed(logger, subscription, ex);
                foreach (var message in batch)
                {
                    await SettleAsync(message, Outcome.Retry, "", "").ConfigureAwait(false);
                }

                retried += batch.Count;
                continue;
            }

            var outcomes = await ProcessBatchAsync(subscription, batch, drainCompanies, deadline, cancellationToken).ConfigureAwait(false);
            foreach (var (message, outcome, reason, description) in outcomes)
            {
                await SettleAsync(message, outcome, reason, description).ConfigureAwait(false);
                switch (outcome)
                {
                    case Outcome.Done: completed++; break;
                    case Outcome.Retry: retried++; break;
                    default: deadLettered++; break;
                }
            }
        }

        var report = new DrainReport(subscription, received, completed, retried, deadLettered);
        if (received > 0)
        {
            LogDrained(logger, subscription, received, completed, retried, deadLettered);
        }
        return report;
    }

    private async Task<List<(ReceivedMessage Message, Outcome Outcome, string Reason, string Description)>> ProcessBatchAsync(
        string subscription, IReadOnlyList<ReceivedMessage> batch, DrainCompanies drainCompanies, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var results = new List<(ReceivedMessage, Outcome, string, string)>();
        var matched = new List<(ReceivedMessage Message, IReadOnlyList<Alert> Alerts)>();
        foreach (var message in batch)
        {
            if (!TryParse(message, out var change, out var reason, out var description))
            {
                LogPoison(logger, subscription, message.MessageId, reason);
                results.Add((message, Outcome.Poison, reason, description));
                continue;
            }

            try
            {
                var record = await archive.GetAsync(change.ChangeId, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    // The archive is written before publishing; a miss is a lagging replica or a bug. Retry, and
                    // past the delivery limit the bus dead-letters it.
                    LogChangeMissing(logger, subscription, change.ChangeId);
                    results.Add((message, Outcome.Retry, "", ""));
                    continue;
                }

                // The reader's warnings travel with each alert, so the e-mail and the card say what may be missing.
                matched.Add((message, ForSubscription(subscription, record, matcher.Match(record.Change, record.Notice, drainCompanies.List))));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogProcessingFailed(logger, subscription, message.MessageId, ex);
                results.Add((message, Outcome.Retry, "", ""));
            }
        }

        if (matched.Count == 0)
        {
            return results;
        }

        var byId = drainCompanies.ById;
        switch (subscription)
        {
            case Messaging.Subscriptions.Alerts:
                foreach (var (message, alerts) in matched)
                {
                    results.Add((message, await StoreAsync(message, alerts, cancellationToken).ConfigureAwait(false), "", ""));
                }

                break;
            case Messaging.Subscriptions.Email:
                foreach (var (message, alerts) in matched)
                {
                    results.Add((message, await EmailAsync(alerts, byId, deadline, cancellationToken).ConfigureAwait(false), "", ""));
                }

                break;
            default:
                var retryAlerts = await TeamsAsync(matched.SelectMany(m => m.Alerts).ToList(), byId, deadline, cancellationToken).ConfigureAwait(false);
                foreach (var (message, alerts) in matched)
                {
                    results.Add((message, alerts.Any(a => retryAlerts.Contains(a.AlertId)) ? Outcome.Retry : Outcome.Done, "", ""));
                }

                break;
        }

        return results;
    }

    /// <summary>
    /// The alerts of one change as this subscription handles them: with the reader's warnings (the e-mail and the card
    /// say what may be missing) and told as new, amended or withdrawn; e-mail and Teams leave out an amendment that
    /// touches nothing the company watches (the alerts subscription stores it, so it reaches the digest).
    /// </summary>
    private static List<Alert> ForSubscription(string subscription, ChangeRecord record, IReadOnlyList<Alert> alerts)
    {
        var told = alerts.Select(a => ChangeTelling.Tell(a with { Warnings = record.Notice.Warnings }, record));
        return subscription == Messaging.Subscriptions.Alerts ? [.. told] : [.. told.Where(ChangeTelling.IsPushed)];
    }

    private static bool TryParse(ReceivedMessage message, out ChangeEvent change, out string reason, out string description)
    {
        change = null!;
        reason = ReasonInvalidPayload;
        try
        {
            using var document = JsonDocument.Parse(message.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                description = "The body is not a JSON object.";
                return false;
            }

            if (document.RootElement.TryGetProperty("schemaVersion", out var version)
                && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != ChangeEvent.CurrentSchemaVersion))
            {
                reason = ReasonUnknownSchemaVersion;
                description = $"schemaVersion {version.GetRawText()} is not {ChangeEvent.CurrentSchemaVersion}, the version this consumer reads.";
                return false;
            }

            var parsed = document.RootElement.Deserialize<ChangeEvent>(AlertsJson.Web);
            if (parsed is null || string.IsNullOrWhiteSpace(parsed.ChangeId))
            {
                description = "The change event has no changeId.";
                return false;
            }

            change = parsed;
            description = "";
            return true;
        }
        catch (JsonException ex)
        {
            description = $"Not a change event: {ex.Message}";
            return false;
        }
    }

    private async Task<Outcome> StoreAsync(ReceivedMessage message, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        if (alerts.Count == 0)
        {
            return Outcome.Done;
        }

        try
        {
            await alertStore.UpsertAsync(alerts, cancellationToken).ConfigureAwait(false);
            foreach (var alert in alerts)
            {
                AlertsTelemetry.RecordAlert(alert.Severity);
            }

            return Outcome.Done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogProcessingFailed(logger, Messaging.Subscriptions.Alerts, message.MessageId, ex);
            return Outcome.Retry;
        }
    }

    /// <summary>
    /// One recipient at a time: "sending" is recorded before the provider call and the outcome right after it, with a
    /// token a stop does not cancel. A crash leaves at most that one recipient "maybe sent"; on redelivery the sender
    /// says whether it went out (outbox) or it is sent again (SendGrid: the documented duplicate window). Past the drain
    /// deadline, the tenant's budget or a stop, no new send starts: the rest is left for redelivery.
    /// </summary>
    private async Task<Outcome> EmailAsync(IReadOnlyList<Alert> alerts, Dictionary<string, Company> byId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var outcome = Outcome.Done;
        foreach (var alert in alerts)
        {
            if (!byId.TryGetValue(alert.CompanyId, out var company))
            {
                continue;
            }

            var tenantDeadline = Earliest(deadline, time.GetUtcNow() + _options.TenantBudget);
            try
            {
                var addresses = company.Recipients
                    .Where(r => r.Role == RecipientRole.Immediate && alert.Severity >= r.MinSeverity)
                    .Select(r => r.Email.Trim())
                    .Distinct(StringComparer.OrdinalIgnoreCase);
                EmailMessage? message = null;
                foreach (var address in addresses)
                {
                    var recipient = EmailAddresses.Normalize(address);
                    var state = await ledger.GetOutcomeAsync(alert.AlertId, DeliveryChannel.Email, recipient, cancellationToken).ConfigureAwait(false);
                    if (state is DeliveryOutcome.Sent or DeliveryOutcome.Failed)
                    {
                        continue;
                    }

                    if (OutOfTime(tenantDeadline, cancellationToken))
                    {
                        LogStoppedStarting(logger, Messaging.Subscriptions.Email, company.Id);
                        return Outcome.Retry;
                    }

                    if (message is null)
                    {
                        var rendered = emailRenderer.Render(alert, company.Name);
                        message = new EmailMessage(EmailKind.Alert, alert.AlertId, company.Id, alert.SourceId, rendered.Subject, rendered.Html, rendered.Text, []);
                    }

                    var single = message with { Recipients = [address] };
                    if (state == DeliveryOutcome.Sending)
                    {
                        if (await email.WasDeliveredAsync(single, address, cancellationToken).ConfigureAwait(false))
                        {
                            await RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Email, recipient, new SendResult(SendStatus.Sent, "found delivered after a restart")).ConfigureAwait(false);
                            continue;
                        }

                        LogMaybeSent(logger, alert.AlertId);
                    }

                    await ledger.RecordAsync(new DeliveryRecord(alert.AlertId, DeliveryChannel.Email, recipient, DeliveryOutcome.Sending, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                    var results = await email.SendAsync(single, cancellationToken).ConfigureAwait(false);
                    var result = results.Count > 0 ? results[0].Result : new SendResult(SendStatus.Retryable, "the sender returned no result");

                    // From here the send happened: its record must survive a stop.
                    await RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Email, recipient, result).ConfigureAwait(false);
                    if (result.Status == SendStatus.Retryable)
                    {
                        outcome = Outcome.Retry;
                    }
                    else if (result.Status == SendStatus.Failed)
                    {
                        LogSendFailed(logger, "email", alert.AlertId, result.Detail ?? "");
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // A stop during a provider call: what finished is recorded, the rest comes back.
                return Outcome.Retry;
            }
            catch (Exception ex)
            {
                LogProcessingFailed(logger, Messaging.Subscriptions.Email, alert.AlertId, ex);
                outcome = Outcome.Retry;
            }
        }

        return outcome;
    }

    /// <summary>Records a send's outcome with its own timeout, never the drain's token (a stop after the send must not lose it).</summary>
    private async Task RecordAfterSendAsync(string id, DeliveryChannel channel, string recipient, SendResult result)
    {
        using var write = new CancellationTokenSource(_options.LedgerWriteTimeout, time);
        await ledger.RecordSendAsync(id, channel, recipient, result.Status, result.Detail, time.GetUtcNow(), write.Token).ConfigureAwait(false);
    }

    private bool OutOfTime(DateTimeOffset deadline, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested || time.GetUtcNow() >= deadline;

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    /// <summary>
    /// One card per company and webhook for the whole batch; returns the alert ids whose card must be retried. Each
    /// company gets <see cref="DeliveryOptions.TenantBudget"/> (its hanging webhooks are cancelled past it) and no new
    /// post starts past the drain deadline.
    /// </summary>
    private async Task<HashSet<string>> TeamsAsync(IReadOnlyList<Alert> alerts, Dictionary<string, Company> byId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var retry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in alerts.DistinctBy(a => a.AlertId).GroupBy(a => a.CompanyId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(group.Key, out var company))
            {
                continue;
            }

            if (OutOfTime(deadline, cancellationToken))
            {
                LogStoppedStarting(logger, Messaging.Subscriptions.Teams, company.Id);
                retry.UnionWith(group.Select(a => a.AlertId));
                continue;
            }

            var targets = company.Teams.Select(t => ((string?)t.WebhookUrl, t.MinSeverity)).ToList();
            if (targets.Count == 0 && teams.AcceptsCardsWithoutWebhook)
            {
                targets.Add((null, Severity.Low));
            }

            var budget = Earliest(deadline, time.GetUtcNow() + _options.TenantBudget) - time.GetUtcNow();
            using var tenantBudget = new CancellationTokenSource(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, time);
            using var tenant = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tenantBudget.Token);
            foreach (var (url, minSeverity) in targets.DistinctBy(t => t.Item1))
            {
                var recipient = WebhookIdentity.Hash(url);
                if (tenant.IsCancellationRequested)
                {
                    retry.UnionWith(group.Select(a => a.AlertId));
                    break;
                }

                try
                {
                    var pending = await ledger.UnsentAsync(group.Where(a => a.Severity >= minSeverity), DeliveryChannel.Teams, a => (a.AlertId, recipient), tenant.Token).ConfigureAwait(false);

                    if (pending.Count == 0)
                    {
                        continue;
                    }

                    var json = cardBuilder.Build(company.Name, pending);
                    var key = ContentHash.Short([recipient, .. pending.Select(a => a.AlertId).Order(StringComparer.Ordinal)]);
                    var result = await teams.SendAsync(new TeamsCard(key, company.Id, url, json), tenant.Token).ConfigureAwait(false);
                    foreach (var alert in pending)
                    {
                        await RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Teams, recipient, result).ConfigureAwait(false);
                        if (result.Status == SendStatus.Retryable)
                        {
                            retry.Add(alert.AlertId);
                        }
                    }

                    if (result.Status == SendStatus.Failed)
                    {
                        LogSendFailed(logger, "teams " + recipient, key, result.Detail ?? "");
                    }
                }
                catch (OperationCanceledException) when (tenant.IsCancellationRequested)
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        LogTenantBudgetSpent(logger, company.Id, _options.TenantBudget, recipient);
                    }

                    retry.UnionWith(group.Select(a => a.AlertId));
                    break;
                }
                catch (Exception ex)
                {
                    LogProcessingFailed(logger, Messaging.Subscriptions.Teams, recipient, ex);
                    retry.UnionWith(group.Select(a => a.AlertId));
                }
            }
        }

        return retry;
    }

    /// <summary>The companies, loaded once per drain, and their index by id, built the first time a batch matches.</summary>
    private sealed class DrainCompanies(IReadOnlyList<Company> list)
    {
        private Dictionary<string, Company>? _byId;

        public IReadOnlyList<Company> List => list;

        public Dictionary<string, Company> ById => _byId ??= list.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>Settles with its own timeout, not the drain's token: a stop after the sends still completes what was done.</summary>
    private async Task SettleAsync(ReceivedMessage message, Outcome outcome, string reason, string description)
    {
        using var settle = new CancellationTokenSource(_options.LedgerWriteTimeout, time);
        var cancellationToken = settle.Token;
        try
        {
            switch (outcome)
            {
                case Outcome.Done:
                    await consumer.CompleteAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                case Outcome.Retry:
                    await consumer.LeaveForRetryAsync(message, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    await consumer.DeadLetterAsync(message, reason, description, cancellationToken).ConfigureAwait(false);
                    AlertsTelemetry.RecordDeadLetter(message.Subscription, reason);
                    break;
            }
        }
        catch (Exception ex)
        {
            // A lost lock: the message comes back and the ledger keeps the second pass from sending again.
            LogSettleFailed(logger, message.Subscription, message.MessageId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drained {Subscription}: {Received} received, {Completed} completed, {Retried} left for retry, {DeadLettered} dead-lettered")]
    private static partial void LogDrained(ILogger logger, string subscription, int received, int completed, int retried, int deadLettered);

    [LoggerMessage(Level = LogLevel.Error, Message = "Receiving from {Subscription} failed; the drain stops")]
    private static partial void LogReceiveFailed(ILogger logger, string subscription, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading companies for {Subscription} failed; the batch is left for retry")]
    private static partial void LogCompaniesFailed(ILogger logger, string subscription, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettering {MessageId} from {Subscription}: {Reason}")]
    private static partial void LogPoison(ILogger logger, string subscription, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change {ChangeId} from {Subscription} is not in the archive; left for retry")]
    private static partial void LogChangeMissing(ILogger logger, string subscription, string changeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Id} on {Subscription} failed; left for retry")]
    private static partial void LogProcessingFailed(ILogger logger, string subscription, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Id} on {Channel} failed for good: {Detail}")]
    private static partial void LogSendFailed(ILogger logger, string channel, string id, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subscription}: the drain budget is spent or the host is stopping; no new sends for {CompanyId}, the rest is left for redelivery")]
    private static partial void LogStoppedStarting(ILogger logger, string subscription, string companyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Company {CompanyId} spent its tenant budget {Budget} on webhook {WebhookHash}; its cards are left for redelivery")]
    private static partial void LogTenantBudgetSpent(ILogger logger, string companyId, TimeSpan budget, string webhookHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was marked sending to a recipient before a restart and the sender cannot confirm it went out; sending again (possible duplicate)")]
    private static partial void LogMaybeSent(ILogger logger, string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling {MessageId} on {Subscription} failed; it will be redelivered")]
    private static partial void LogSettleFailed(ILogger logger, string subscription, string messageId, Exception exception);
}
