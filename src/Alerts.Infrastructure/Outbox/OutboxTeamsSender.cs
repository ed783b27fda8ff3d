using System.Text;
using Alerts.Core.Delivery;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Outbox;

/// <summary>No webhook (embedded default, or <c>Teams:Mode=Outbox</c>): the card JSON goes to the outbox folder.</summary>
internal sealed class OutboxTeamsSender(IOptions<HostingOptions> hosting) : ITeamsSender
{
    public bool AcceptsCardsWithoutWebhook => true;

    public async Task<SendResult> SendAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var fileName = $"teams-{OutboxFiles.Safe(card.CompanyId)}-{OutboxFiles.Safe(card.Key)}.json";
        var bytes = Encoding.UTF8.GetBytes(card.Json);
        await OutboxFiles.WriteAtomicallyAsync(hosting.Value.OutboxDirectory, fileName, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        return SendResult.Sent(fileName);
    }
}
