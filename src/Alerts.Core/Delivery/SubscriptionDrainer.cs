using Alerts.Core.Ops;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
                    await SettleAsync(message, Outcome.Retry, "", "", cancellationToken).ConfigureAwait(false);
                }

                retried += batch.Count;
                continue;
            }

            var outcomes = await ProcessBatchAsync(subscription, batch, drainCompanies, cancellationToken).ConfigureAwait(false);
            foreach (var (message, outcome, reason, description) in outcomes)
            {
                await SettleAsync(message, outcome, reason, description, cancellationToken).ConfigureAwait(false);
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
        string subscription, IReadOnlyList<ReceivedMessage> batch, DrainCompanies drainCompanies, CancellationToken cancellationToken)
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
                    results.Add((message, await EmailAsync(alerts, byId, cancellationToken).ConfigureAwait(false), "", ""));
                }

                break;
            default:
                var retryAlerts = await TeamsAsync(matched.SelectMany(m => m.Alerts).ToList(), byId, cancellationToken).ConfigureAwait(false);
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

    private async Task<Outcome> EmailAsync(IReadOnlyList<Alert> alerts, Dictionary<string, Company> byId, CancellationToken cancellationToken)
    {
        var outcome = Outcome.Done;
        foreach (var alert in alerts)
        {
            if (!byId.TryGetValue(alert.CompanyId, out var company))
            {
                continue;
            }

            try
            {
                var addresses = company.Recipients
                    .Where(r => r.Role == RecipientRole.Immediate && alert.Severity >= r.MinSeverity)
                    .Select(r => r.Email.Trim())
                    .Distinct(StringComparer.OrdinalIgnoreCase);
                var pending = await ledger.UnsentAsync(addresses, DeliveryChannel.Email, address => (alert.AlertId, EmailAddresses.Normalize(address)), cancellationToken).ConfigureAwait(false);

                if (pending.Count == 0)
                {
                    continue;
                }

                var rendered = emailRenderer.Render(alert, company.Name);
                var message = new EmailMessage(EmailKind.Alert, alert.AlertId, company.Id, alert.SourceId, rendered.Subject, rendered.Html, rendered.Text, pending);
                var results = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
                foreach (var result in results)
                {
                    await ledger.RecordSendAsync(
                        alert.AlertId, DeliveryChannel.Email, EmailAddresses.Normalize(result.Recipient), result.Result.Status, result.Result.Detail, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                    if (result.Result.Status == SendStatus.Retryable)
                    {
                        outcome = Outcome.Retry;
                    }
                    else if (result.Result.Status == SendStatus.Failed)
                    {
                        LogSendFailed(logger, "email", alert.AlertId, result.Result.Detail ?? "");
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogProcessingFailed(logger, Messaging.Subscriptions.Email, alert.AlertId, ex);
                outcome = Outcome.Retry;
            }
        }

        return outcome;
    }

    /// <summary>One card per company and webhook for the whole batch; returns the alert ids whose card must be retried.</summary>
    private async Task<HashSet<string>> TeamsAsync(IReadOnlyList<Alert> alerts, Dictionary<string, Company> byId, CancellationToken cancellationToken)
    {
        var retry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in alerts.DistinctBy(a => a.AlertId).GroupBy(a => a.CompanyId, StringComparer.Ordinal))
        {
            if (!byId.TryGetValue(group.Key, out var company))
            {
                continue;
            }

            var targets = company.Teams.Select(t => ((string?)t.WebhookUrl, t.MinSeverity)).ToList();
            if (targets.Count == 0 && teams.AcceptsCardsWithoutWebhook)
            {
                targets.Add((null, Severity.Low));
            }

            foreach (var (url, minSeverity) in targets.DistinctBy(t => t.Item1))
            {
                var recipient = WebhookIdentity.Hash(url);
                try
                {
                    var pending = await ledger.UnsentAsync(group.Where(a => a.Severity >= minSeverity), DeliveryChannel.Teams, a => (a.AlertId, recipient), cancellationToken).ConfigureAwait(false);

                    if (pending.Count == 0)
                    {
                        continue;
                    }

                    var json = cardBuilder.Build(company.Name, pending);
                    var key = ContentHash.Short([recipient, .. pending.Select(a => a.AlertId).Order(StringComparer.Ordinal)]);
                    var result = await teams.SendAsync(new TeamsCard(key, company.Id, url, json), cancellationToken).ConfigureAwait(false);
                    foreach (var alert in pending)
                    {
                        await ledger.RecordSendAsync(alert.AlertId, DeliveryChannel.Teams, recipient, result.Status, result.Detail, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
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
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogProcessingFailed(logger, Messaging.Subscriptions.Teams, recipient, ex);
                    foreach (var alert in group)
                    {
                        retry.Add(alert.AlertId);
                    }
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

    private async Task SettleAsync(ReceivedMessage message, Outcome outcome, string reason, string description, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling {MessageId} on {Subscription} failed; it will be redelivered")]
    private static partial void LogSettleFailed(ILogger logger, string subscription, string messageId, Exception exception);
}
