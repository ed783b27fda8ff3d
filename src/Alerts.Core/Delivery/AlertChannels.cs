using Alerts.Core.Alerts;
using Alerts.Core.Messaging;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Delivery;

/// <summary>
/// One way of telling a company about its stored alerts (e-mail, Teams, …), drained from its own subscription of
/// <c>alerts-raised</c>. Every send goes through <see cref="IDeliveryLedger"/>: one per (alert, channel, recipient).
/// A new channel is one class implementing this, registered with <see cref="AlertChannelRegistration.AddAlertChannel{TChannel}"/>
/// (and its subscription on the topic).
/// </summary>
public interface IAlertChannel
{
    /// <summary>The channel's subscription of <see cref="Messaging.Subscriptions.AlertsRaisedTopic"/>.</summary>
    string Subscription { get; }

    /// <summary>
    /// Delivers a batch's stored alerts (only those pushed: <see cref="ChangeTelling.IsPushed"/>) to the current
    /// companies' recipients; returns the ids of the alerts that must come back (retryable sends, budget spent, a stop).
    /// Nothing may escape but a cancellation of <paramref name="cancellationToken"/>.
    /// </summary>
    Task<IReadOnlySet<string>> DeliverAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, Company> companies, DateTimeOffset deadline, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the alerts an <see cref="AlertsRaised"/> names from the alert store — the alerts the API and the dashboard
/// show, never a second match — and hands them to its channel. An alert not (yet) in the store leaves its message for
/// retry; past the delivery limit the bus dead-letters it.
/// </summary>
public sealed class AlertChannelHandler<TChannel>(
    TChannel channel,
    IAlertStore alertStore,
    ICompanyStore companies,
    ILogger<AlertChannelHandler<TChannel>> logger) : SubscriptionHandler<AlertsRaised>
    where TChannel : IAlertChannel
{
    private Dictionary<string, Company>? _companies;

    public override string Subscription => channel.Subscription;

    protected override int SchemaVersion => AlertsRaised.CurrentSchemaVersion;

    protected override bool IsComplete(AlertsRaised payload, out string description)
    {
        description = string.IsNullOrWhiteSpace(payload.ChangeId) ? "The message has no changeId."
            : payload.AlertIds is null || payload.AlertIds.Any(string.IsNullOrWhiteSpace) ? "The message's alertIds are missing or blank."
            : "";
        return description.Length == 0;
    }

    protected override async Task<IReadOnlyList<HandledMessage>> HandleAsync(IReadOnlyList<ParsedMessage<AlertsRaised>> batch, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        try
        {
            // Once per drain; the recipients are the company's as they are now, the alert as it was stored.
            _companies ??= (await companies.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.CompaniesFailed(logger, Subscription, ex);
            return [.. batch.Select(m => HandledMessage.Retry(m.Message))];
        }

        var results = new List<HandledMessage>(batch.Count);
        var loaded = new List<(ReceivedMessage Message, List<Alert> Alerts)>(batch.Count);
        foreach (var (message, raised) in batch)
        {
            var stored = await LoadAsync(message, raised, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                results.Add(HandledMessage.Retry(message));
            }
            else
            {
                loaded.Add((message, stored));
            }
        }

        if (loaded.Count == 0)
        {
            return results;
        }

        IReadOnlySet<string> retry;
        try
        {
            retry = await channel.DeliverAsync([.. loaded.SelectMany(l => l.Alerts).DistinctBy(a => a.AlertId)], _companies, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.ProcessingFailed(logger, Subscription, loaded[0].Message.MessageId, ex);
            retry = loaded.SelectMany(l => l.Alerts).Select(a => a.AlertId).ToHashSet(StringComparer.Ordinal);
        }
        catch (OperationCanceledException)
        {
            retry = loaded.SelectMany(l => l.Alerts).Select(a => a.AlertId).ToHashSet(StringComparer.Ordinal);
        }

        results.AddRange(loaded.Select(l => l.Alerts.Any(a => retry.Contains(a.AlertId)) ? HandledMessage.Retry(l.Message) : HandledMessage.Done(l.Message)));
        return results;
    }

    /// <summary>The pushed stored alerts of one message, or null when one is missing or the store failed.</summary>
    private async Task<List<Alert>?> LoadAsync(ReceivedMessage message, AlertsRaised raised, CancellationToken cancellationToken)
    {
        var alerts = new List<Alert>(raised.AlertIds.Count);
        try
        {
            foreach (var id in raised.AlertIds)
            {
                var alert = await alertStore.GetAsync(id, cancellationToken).ConfigureAwait(false);
                if (alert is null)
                {
                    ChannelLog.AlertMissing(logger, Subscription, id);
                    return null;
                }

                if (ChangeTelling.IsPushed(alert))
                {
                    alerts.Add(alert);
                }
            }

            return alerts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ChannelLog.ProcessingFailed(logger, Subscription, message.MessageId, ex);
            return null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }
}

/// <summary>What the channels share: the ledger write after a send, which a stop must not lose.</summary>
internal static class ChannelSends
{
    /// <summary>Records a send's outcome with its own timeout, never the drain's token (a stop after the send must not lose it).</summary>
    public static async Task RecordAfterSendAsync(this IDeliveryLedger ledger, string id, DeliveryChannel channel, string recipient, SendResult result, DeliveryOptions options, TimeProvider time)
    {
        using var write = new CancellationTokenSource(options.LedgerWriteTimeout, time);
        await ledger.RecordSendAsync(id, channel, recipient, result, time.GetUtcNow(), write.Token).ConfigureAwait(false);
    }

    public static bool OutOfTime(DateTimeOffset deadline, TimeProvider time, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested || time.GetUtcNow() >= deadline;

    public static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}

internal static partial class ChannelLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Loading companies for {Subscription} failed; the batch is left for retry")]
    public static partial void CompaniesFailed(ILogger logger, string subscription, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} raised on {Subscription} is not in the alert store; its message is left for retry")]
    public static partial void AlertMissing(ILogger logger, string subscription, string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Id} on {Subscription} failed; left for retry")]
    public static partial void ProcessingFailed(ILogger logger, string subscription, string id, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Id} on {Channel} failed for good: {Detail}")]
    public static partial void SendFailed(ILogger logger, string channel, string id, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Subscription}: the drain budget is spent or the host is stopping; no new sends for {CompanyId}, the rest is left for redelivery")]
    public static partial void StoppedStarting(ILogger logger, string subscription, string companyId);
}

public static class AlertChannelRegistration
{
    /// <summary>
    /// A channel and the handler of its subscription. Transient: a channel holds its sender, and the SendGrid and Teams
    /// senders are typed HttpClients whose handlers IHttpClientFactory rotates.
    /// </summary>
    public static IServiceCollection AddAlertChannel<TChannel>(this IServiceCollection services)
        where TChannel : class, IAlertChannel
    {
        services.TryAddTransient<TChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Transient<ISubscriptionHandler, AlertChannelHandler<TChannel>>());
        return services;
    }
}
