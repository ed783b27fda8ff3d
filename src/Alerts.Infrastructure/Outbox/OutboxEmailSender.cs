using Alerts.Core;
using Alerts.Core.Delivery;
using Alerts.Infrastructure.SendGrid;
using Microsoft.Extensions.Options;
using MimeKit;
using Alerts.Core.Common;

namespace Alerts.Infrastructure.Outbox;

/// <summary>
/// The embedded default (no SendGrid key): one <c>.eml</c> per recipient in <c>&lt;data&gt;/outbox</c>, named from the
/// e-mail's key and a hash of the address, so writing it again replaces the same file.
/// </summary>
internal sealed class OutboxEmailSender(IOptions<HostingOptions> hosting, IOptions<SendGridOptions> sendGrid, TimeProvider time) : IEmailSender
{
    public async Task<IReadOnlyList<EmailRecipientResult>> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var results = new List<EmailRecipientResult>();
        foreach (var recipient in message.Recipients)
        {
            var recipientHash = ContentHash.Short(EmailAddresses.Normalize(recipient))[..12];
            using var mime = new MimeMessage();
            mime.From.Add(new MailboxAddress(sendGrid.Value.FromName, sendGrid.Value.FromEmail ?? SendGridOptions.OutboxFromEmail));
            mime.To.Add(MailboxAddress.Parse(recipient));
            mime.Subject = message.Subject;
            mime.Date = time.GetUtcNow();
            mime.MessageId = $"{message.Key}.{recipientHash}@alerts.local";
            mime.Headers.Add("X-Alerts-Kind", message.Kind.ToWire());
            mime.Headers.Add("X-Alerts-Source", message.SourceId);
            mime.Headers.Add("X-Alerts-Company", message.CompanyId);
            if (message.AlertId is not null)
            {
                mime.Headers.Add("X-Alerts-Alert", message.AlertId);
            }

            mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
            var fileName = FileName(message, recipient);
            await OutboxFiles.WriteAtomicallyAsync(hosting.Value.OutboxDirectory, fileName, (stream, ct) => mime.WriteToAsync(stream, ct), cancellationToken).ConfigureAwait(false);
            results.Add(new EmailRecipientResult(recipient, SendResult.Sent(mime.MessageId)));
        }

        return results;
    }

    /// <summary>The file is renamed into place only once fully written, so its existence means "sent".</summary>
    public Task<bool> WasDeliveredAsync(EmailMessage message, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Task.FromResult(File.Exists(Path.Combine(hosting.Value.OutboxDirectory, FileName(message, recipient))));
    }

    /// <summary>Deterministic: kind, company, e-mail key and a hash of the normalized address.</summary>
    internal static string FileName(EmailMessage message, string recipient) =>
        $"{message.Kind.ToWire()}-{OutboxFiles.Safe(message.CompanyId)}-{OutboxFiles.Safe(message.Key)}-{ContentHash.Short(EmailAddresses.Normalize(recipient))[..12]}.eml";
}
