using Alerts.Core.Common;
using Alerts.Core.Alerts;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// One Teams card per company and webhook for the whole batch. Each company gets
/// <see cref="DeliveryOptions.TenantBudget"/> (its hanging webhooks are cancelled past it) and no new post starts past
/// the drain deadline; the ledger (per alert and webhook hash: the URL is a secret) keeps a redelivery from posting again.
/// </summary>
public sealed partial class TeamsChannel(
    IDeliveryLedger ledger,
    ITeamsSender teams,
    TeamsCardBuilder cardBuilder,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<TeamsChannel> logger) : IAlertChannel
{
    private readonly DeliveryOptions _options = options.Value;

    public string Subscription => Messaging.Subscriptions.Teams;

    public async Task<IReadOnlySet<string>> DeliverAsync(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, Company> companies, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(companies);
        var retry = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in alerts.DistinctBy(a => a.AlertId).GroupBy(a => a.CompanyId, StringComparer.Ordinal))
        {
            if (!companies.TryGetValue(group.Key, out var company))
            {
                continue;
            }

            if (ChannelSends.OutOfTime(deadline, time, cancellationToken))
            {
                ChannelLog.StoppedStarting(logger, Subscription, company.Id);
                retry.UnionWith(group.Select(a => a.AlertId));
                continue;
            }

            await DeliverToCompanyAsync(company, [.. group], deadline, retry, cancellationToken).ConfigureAwait(false);
        }

        return retry;
    }

    private async Task DeliverToCompanyAsync(Company company, List<Alert> group, DateTimeOffset deadline, HashSet<string> retry, CancellationToken cancellationToken)
    {
        var targets = company.Teams.Select(t => ((string?)t.WebhookUrl, t.MinSeverity)).ToList();
        if (targets.Count == 0 && teams.AcceptsCardsWithoutWebhook)
        {
            targets.Add((null, Severity.Low));
        }

        var budget = ChannelSends.Earliest(deadline, time.GetUtcNow() + _options.TenantBudget) - time.GetUtcNow();
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

                var json = cardBuilder.Build(company.Name, pending, recipient);
                var key = ContentHash.Short([recipient, .. pending.Select(a => a.AlertId).Order(StringComparer.Ordinal)]);
                var result = await teams.SendAsync(new TeamsCard(key, company.Id, url, json), tenant.Token).ConfigureAwait(false);
                foreach (var alert in pending)
                {
                    await ledger.RecordAfterSendAsync(alert.AlertId, DeliveryChannel.Teams, recipient, result, _options, time).ConfigureAwait(false);
                    if (result.Status == SendStatus.Retryable)
                    {
                        retry.Add(alert.AlertId);
                    }
                }

                if (result.Status == SendStatus.Failed)
                {
                    ChannelLog.SendFailed(logger, "teams " + recipient, key, result.Detail ?? "");
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
                ChannelLog.ProcessingFailed(logger, Subscription, recipient, ex);
                retry.UnionWith(group.Select(a => a.AlertId));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Company {CompanyId} spent its tenant budget {Budget} on webhook {WebhookHash}; its cards are left for redelivery")]
    private static partial void LogTenantBudgetSpent(ILogger logger, string companyId, TimeSpan budget, string webhookHash);
}
