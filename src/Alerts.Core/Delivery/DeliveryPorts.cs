using Alerts.Core.Subscriptions;
using Alerts.Core.Common;

namespace Alerts.Core.Delivery;

public enum SendStatus
{
    /// <summary>Accepted by the provider (or written to the outbox).</summary>
    Sent,

    /// <summary>429, 5xx or a timeout after the sender's own retries: try again on a later delivery.</summary>
    Retryable,

    /// <summary>Rejected for good (other 4xx): recorded as failed, not retried.</summary>
    Failed,
}

internal static class SendStatusOutcomes
{
    /// <summary>What the ledger records for a send: anything not sent or failed for good is retried.</summary>
    public static DeliveryOutcome ToLedgerOutcome(this SendStatus status) => status switch
    {
        SendStatus.Sent => DeliveryOutcome.Sent,
        SendStatus.Failed => DeliveryOutcome.Failed,
        _ => DeliveryOutcome.Retrying,
    };
}

public sealed record SendResult(SendStatus Status, string? Detail = null)
{
    public static SendResult Ok { get; } = new(SendStatus.Sent);

    /// <summary>
    /// The provider's id of the sent message, for the ledger and the audit pack: SendGrid's <c>X-Message-Id</c>, the
    /// outbox's Message-Id or file name; null when the provider gives none (a Teams incoming webhook answers only "1").
    /// </summary>
    public string? ProviderMessageId { get; init; }

    public static SendResult Sent(string? providerMessageId) => new(SendStatus.Sent) { ProviderMessageId = providerMessageId };
}

public enum EmailKind
{
    Alert,
    Digest,

    /// <summary>A date that acts on a measure (Delivery/Reminders).</summary>
    Reminder,

    /// <summary>An open assessment that has not moved in time (Delivery/EscalationService).</summary>
    Escalation,
}

internal static class EmailKindNames
{
    /// <summary>The kind as SendGrid categories, outbox headers and outbox file names spell it.</summary>
    public static string ToWire(this EmailKind kind) => kind is EmailKind.Digest or EmailKind.Reminder or EmailKind.Escalation ? kind.WireName() : EmailKind.Alert.WireName();
}

/// <summary>One e-mail with the same content for each recipient (one personalization per recipient).</summary>
/// <param name="Key">Deterministic id of this e-mail (alert id, or digest id): names outbox files.</param>
public sealed record EmailMessage(
    EmailKind Kind,
    string Key,
    string CompanyId,
    string SourceId,
    string Subject,
    string Html,
    string Text,
    IReadOnlyList<string> Recipients)
{
    /// <summary>The alert an alert e-mail is about (its key); null for a digest, which covers many, and for a reminder.</summary>
    public string? AlertId => Kind == EmailKind.Alert ? Key : null;
}

/// <summary>Per-recipient result of one send (a batch may be half accepted).</summary>
public sealed record EmailRecipientResult(string Recipient, SendResult Result);

/// <summary>Sends e-mail: SendGrid, or <c>.eml</c> files in the outbox.</summary>
public interface IEmailSender
{
    Task<IReadOnlyList<EmailRecipientResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Asked after a restart found a recipient marked <see cref="DeliveryOutcome.Sending"/>: true when this recipient's
    /// copy of <paramref name="message"/> is known to have gone out. The outbox checks its deterministic file name;
    /// SendGrid cannot tell and answers false, so the mail is sent again (the documented duplicate window).
    /// </summary>
    Task<bool> WasDeliveredAsync(EmailMessage message, string recipient, CancellationToken cancellationToken);
}

/// <summary>An Adaptive Card for one webhook (or for the outbox when <see cref="WebhookUrl"/> is null).</summary>
/// <param name="Key">Deterministic id of the card (hash of the target and alert ids): names outbox files.</param>
/// <param name="Json">The full message payload, UTF-8 under the size limit.</param>
public sealed record TeamsCard(string Key, string CompanyId, string? WebhookUrl, string Json);

/// <summary>Posts cards: Teams Workflows webhooks, or JSON files in the outbox.</summary>
public interface ITeamsSender
{
    /// <summary>True for the outbox: a company with no webhook still gets its card written, so local runs show it.</summary>
    bool AcceptsCardsWithoutWebhook { get; }

    Task<SendResult> SendAsync(TeamsCard card, CancellationToken cancellationToken);
}

/// <summary>Where each digest recipient stands: the end of the last period sent, so the next starts there (no gap, no repeat).</summary>
public sealed record DigestCursor(string CompanyId, string Email, DateTimeOffset SentUntil, string PeriodKey);

public interface IDigestCursorStore
{
    Task<DigestCursor?> GetAsync(string companyId, string email, CancellationToken cancellationToken);

    Task SetAsync(DigestCursor cursor, CancellationToken cancellationToken);
}

/// <summary>Waits between retries. Tests substitute one that records instead of sleeping.</summary>
public interface IDeliveryDelay
{
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class TimeProviderDelay(TimeProvider time) : IDeliveryDelay
{
    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}

/// <summary>Webhook URLs carry a bearer secret: logs and the ledger see only this hash.</summary>
public static class WebhookIdentity
{
    public static string Hash(string? webhookUrl) => webhookUrl is null ? "outbox" : "wh-" + ContentHash.Short(webhookUrl)[..16];
}

public static class SeverityNames
{
    /// <summary>The severity on the wire: its JSON name (<see cref="WireNames"/>); an undeclared value reads as the lowest.</summary>
    public static string ToWire(this Severity severity) => Enum.IsDefined(severity) ? severity.WireName() : Severity.Low.WireName();
}
