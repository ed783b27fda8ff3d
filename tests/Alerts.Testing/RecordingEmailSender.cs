using Alerts.Core.Delivery;

namespace Alerts.Testing;

/// <summary>Records e-mails; answers with <see cref="Next"/> (Sent by default) per recipient.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public List<EmailMessage> Sent { get; } = [];

    public Func<string, SendResult> Next { get; set; } = _ => SendResult.Ok;

    /// <summary>Throws after recording, like a process dying right after the provider accepted the mail.</summary>
    public bool CrashAfterSend { get; set; }

    public IEnumerable<string> Recipients => Sent.SelectMany(m => m.Recipients);

    /// <summary>What <see cref="WasDeliveredAsync"/> answers (false by default, like SendGrid).</summary>
    public Func<EmailMessage, string, bool> Delivered { get; set; } = (_, _) => false;

    public Task<bool> WasDeliveredAsync(EmailMessage message, string recipient, CancellationToken cancellationToken) => Task.FromResult(Delivered(message, recipient));

    public Task<IReadOnlyList<EmailRecipientResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Sent.Add(message);
        if (CrashAfterSend)
        {
            throw new IOException("crash after send");
        }

        return Task.FromResult<IReadOnlyList<EmailRecipientResult>>(message.Recipients.Select(r => new EmailRecipientResult(r, Next(r))).ToList());
    }
}

/// <summary>Records Teams cards.</summary>
public sealed class RecordingTeamsSender(bool acceptsCardsWithoutWebhook = false) : ITeamsSender
{
    public List<TeamsCard> Sent { get; } = [];

    public Func<TeamsCard, SendResult> Next { get; set; } = _ => SendResult.Ok;

    public bool AcceptsCardsWithoutWebhook => acceptsCardsWithoutWebhook;

    public Task<SendResult> SendAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        Sent.Add(card);
        return Task.FromResult(Next(card));
    }
}

/// <summary>Records the waits a sender asked for and returns at once: back-off without sleeping.</summary>
public sealed class DeliveryRecordingDelay : IDeliveryDelay
{
    public List<TimeSpan> Delays { get; } = [];

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        return Task.CompletedTask;
    }
}

/// <summary>A webhook that never answers: each post waits until its token is cancelled. <see cref="Entered"/> counts posts begun.</summary>
public sealed class HangingTeamsSender : ITeamsSender
{
    private readonly SemaphoreSlim _entered = new(0);
    private int _calls;

    public bool AcceptsCardsWithoutWebhook => false;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Waits until one more post has begun (and hangs).</summary>
    public Task<bool> WaitEnteredAsync(TimeSpan timeout) => _entered.WaitAsync(timeout);

    public async Task<SendResult> SendAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        _entered.Release();
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        return SendResult.Ok;
    }
}
