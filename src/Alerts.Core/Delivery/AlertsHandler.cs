using Alerts.Core.Common;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Matching;
using Alerts.Core.Messaging;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Delivery;

/// <summary>
/// The <c>alerts</c> subscription of <c>changes</c>: the one place a change is matched. Each change becomes alerts
/// (archive → companies → matcher), told as new, amended or withdrawn and carrying the reader's warnings; they are
/// stored (an upsert by content id, so a redelivery stores nothing new), then announced on <c>alerts-raised</c> by id
/// for the channels. Store before publish: a channel never reads an alert that is not there yet, and a crash in
/// between redelivers the change, which stores the same alerts and publishes the same message id (dropped as a duplicate).
/// Between the two, each stored alert that is pushed opens (or joins) its company's assessment of the notice (issue 19):
/// an e-mail's "Assign to me" link then always finds the assessment it acts on.
/// </summary>
public sealed partial class AlertsHandler(
    IChangeArchive archive,
    ICompanyStore companies,
    INoticeMatcher matcher,
    IAlertStore alertStore,
    IAlertsRaisedPublisher raised,
    IAssessmentService assessments,
    ILogger<AlertsHandler> logger) : SubscriptionHandler<ChangeEvent>
{
    private IReadOnlyList<Company>? _companies;

    public override string Subscription => Messaging.Subscriptions.Alerts;

    protected override int SchemaVersion => ChangeEvent.CurrentSchemaVersion;

    protected override bool IsComplete(ChangeEvent payload, out string description)
    {
        description = string.IsNullOrWhiteSpace(payload.ChangeId) ? "The change event has no changeId." : "";
        return description.Length == 0;
    }

    protected override async Task<IReadOnlyList<HandledMessage>> HandleAsync(IReadOnlyList<ParsedMessage<ChangeEvent>> batch, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        try
        {
            // Once per drain: a drain's batches see the same companies.
            _companies ??= await companies.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.CompaniesFailed(logger, Subscription, ex);
            return [.. batch.Select(m => HandledMessage.Retry(m.Message))];
        }

        var results = new List<HandledMessage>(batch.Count);
        foreach (var (message, change) in batch)
        {
            results.Add(await MatchOnceAsync(message, change, _companies, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<HandledMessage> MatchOnceAsync(ReceivedMessage message, ChangeEvent change, IReadOnlyList<Company> all, CancellationToken cancellationToken)
    {
        try
        {
            var record = await archive.GetAsync(change.ChangeId, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                // The archive is written before publishing; a miss is a lagging replica or a bug. Retry, and past the
                // delivery limit the bus dead-letters it.
                LogChangeMissing(logger, Subscription, change.ChangeId);
                return HandledMessage.Retry(message);
            }

            // The reader's warnings travel with each alert, so the e-mail and the card say what may be missing; the
            // amendment that touches nothing a company watches is stored too (the digest lists it, the channels skip it).
            var alerts = matcher.Match(record.Change, record.Notice, all)
                .Select(a => ChangeTelling.Tell(a with { Warnings = record.Notice.Warnings }, record))
                .ToList();
            if (alerts.Count == 0)
            {
                return HandledMessage.Done(message);
            }

            await alertStore.UpsertAsync(alerts, cancellationToken).ConfigureAwait(false);
            foreach (var alert in alerts)
            {
                AlertsTelemetry.RecordAlert(alert.Severity);
            }

            // The rule: every alert that is pushed (e-mail, Teams) opens an assessment, whatever its severity — a company
            // that was told of a notice must be able to say what it decided. An amendment that touches nothing it watches
            // is only listed in the digest, so it opens nothing. Idempotent: the service skips an alert id the assessment
            // already holds, so a redelivered change opens nothing twice; a failure here retries the whole change.
            var pushed = alerts.Where(ChangeTelling.IsPushed).ToList();
            if (pushed.Count > 0)
            {
                await assessments.OpenAsync(pushed, cancellationToken).ConfigureAwait(false);
            }

            await raised.PublishAsync(AlertsRaised.For(record.Change.ChangeId, alerts.Select(a => a.AlertId)), cancellationToken).ConfigureAwait(false);
            return HandledMessage.Done(message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.ProcessingFailed(logger, Subscription, message.MessageId, ex);
            return HandledMessage.Retry(message);
        }
        catch (OperationCanceledException)
        {
            return HandledMessage.Retry(message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Change {ChangeId} from {Subscription} is not in the archive; left for retry")]
    private static partial void LogChangeMissing(ILogger logger, string subscription, string changeId);
}
