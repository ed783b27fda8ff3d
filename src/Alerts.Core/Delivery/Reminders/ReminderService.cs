using System.Globalization;
using System.Text.Json.Nodes;
using Alerts.Core.Common;
using Alerts.Core.Goods;
using Alerts.Core.Measures;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Alerts.Core.Common.DisplayText;
using static Alerts.Core.Delivery.AlertEmailRenderer;

namespace Alerts.Core.Delivery.Reminders;

public sealed record ReminderRunReport(int Sent, int Skipped, int Failed);

public interface IReminderService
{
    /// <summary>Run on a schedule (hourly is enough): sends each reminder that is due and not yet sent, once per recipient.</summary>
    Task<ReminderRunReport> RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Reminders of the dates that act on the measures that concern each company (the measure graph, filtered by the one
/// matcher through <see cref="MeasureService.Concerning"/>): its immediate e-mail recipients, each on its own local
/// day and lead days, and its Teams webhooks on the UTC day. Every reminder has a content id (company, measure,
/// clause, kind, date, lead) checked in and recorded to the same <see cref="IDeliveryLedger"/> as alerts, so it goes
/// once to each recipient however often the timer runs and across restarts. Which reminders a late run still sends is
/// <see cref="ReminderPlanner"/>'s rule.
/// </summary>
public sealed partial class ReminderService(
    ICompanyStore companies,
    MeasureService measures,
    IDeliveryLedger ledger,
    IEmailSender email,
    ITeamsSender teams,
    GoodsTaxonomy taxonomy,
    IOptions<ReminderOptions> options,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<ReminderService> logger) : IReminderService
{
    public async Task<ReminderRunReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int sent = 0, skipped = 0, failed = 0;
        IReadOnlyList<Company> list;
        MeasureGraph graph;
        try
        {
            list = await companies.ListAsync(cancellationToken).ConfigureAwait(false);
            graph = await measures.BuildGraphAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRunFailed(logger, "*", ex);
            return new ReminderRunReport(0, 0, 1);
        }

        var planner = new ReminderPlanner(graph);
        var utcToday = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var company in list)
        {
            try
            {
                // Every measure known by the farthest lead day: the notices known now are all known then.
                var keys = measures.Concerning(graph, graph.StatesAt(utcToday.AddDays(ReminderLeads.MaxDays + 1)), company)
                    .Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
                if (keys.Count == 0)
                {
                    continue;
                }

                foreach (var (channel, target, day, leads) in Targets(company, now))
                {
                    foreach (var reminder in planner.Due(keys, day, leads, options.Value.GraceDays))
                    {
                        var status = await SendOnceAsync(company, graph, reminder, channel, target, cancellationToken).ConfigureAwait(false);
                        switch (status)
                        {
                            case SendStatus.Sent: sent++; break;
                            case null: skipped++; break;
                            default: failed++; break;
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRunFailed(logger, company.Id, ex);
                failed++;
            }
        }

        return new ReminderRunReport(sent, skipped, failed);
    }

    /// <summary>The immediate e-mail recipients on their local day, then the webhooks (or the outbox) on the UTC day.</summary>
    private IEnumerable<(DeliveryChannel Channel, string? Target, DateOnly Day, IReadOnlyList<int> Leads)> Targets(Company company, DateTimeOffset now)
    {
        foreach (var recipient in company.Recipients.Where(r => r.Role == RecipientRole.Immediate).DistinctBy(r => EmailAddresses.Normalize(r.Email)))
        {
            var local = TimeZoneInfo.ConvertTime(now, DigestService.FindZone(recipient.TimeZone));
            yield return (DeliveryChannel.Email, recipient.Email.Trim(), DateOnly.FromDateTime(local.DateTime), recipient.ReminderDays);
        }

        var utcDay = DateOnly.FromDateTime(now.UtcDateTime);
        if (company.Teams.Count == 0 && teams.AcceptsCardsWithoutWebhook)
        {
            yield return (DeliveryChannel.Teams, null, utcDay, ReminderLeads.DefaultDays);
        }

        foreach (var hook in company.Teams.DistinctBy(h => h.WebhookUrl, StringComparer.Ordinal))
        {
            yield return (DeliveryChannel.Teams, hook.WebhookUrl, utcDay, hook.ReminderDays);
        }
    }

    private async Task<SendStatus?> SendOnceAsync(Company company, MeasureGraph graph, DueReminder reminder, DeliveryChannel channel, string? target, CancellationToken cancellationToken)
    {
        var id = reminder.IdFor(company.Id);
        var recipient = channel == DeliveryChannel.Email ? EmailAddresses.Normalize(target!) : WebhookIdentity.Hash(target);
        if (await ledger.WasSentAsync(id, channel, recipient, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var sentence = ReminderText.Sentence(reminder, ReminderText.What(reminder.Event.After, graph.CopiesOf(reminder.Event.Key), taxonomy));
        var subject = OneLine(ReminderText.Subject(reminder), 200);
        SendResult result;
        if (channel == DeliveryChannel.Email)
        {
            var message = new EmailMessage(EmailKind.Reminder, id, company.Id, "reminders", subject, Html(company, subject, sentence, reminder), Text(company, sentence, reminder), [target!]);
            var results = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
            result = results.Count == 0 ? new SendResult(SendStatus.Retryable, "no result") : results[0].Result;
        }
        else
        {
            var card = new TeamsCard(ContentHash.Short(recipient, id), company.Id, target, Card(company, subject, sentence));
            result = await teams.SendAsync(card, cancellationToken).ConfigureAwait(false);
        }

        await ledger.RecordSendAsync(id, channel, recipient, result, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (result.Status == SendStatus.Sent)
        {
            LogReminderSent(logger, company.Id, reminder.Event.Key, reminder.Kind, reminder.Lead, channel);
        }
        else
        {
            LogReminderNotSent(logger, company.Id, reminder.Event.Key, channel, result.Status, result.Detail);
        }

        return result.Status;
    }

    private string Html(Company company, string subject, string sentence, DueReminder reminder) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{H(subject)}</title></head><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#222\">"
        + $"<p>Export-control reminder for {H(company.Name)}</p><p><b>{H(sentence)}</b></p>"
        + $"<p style=\"color:#555\">{H(Chain(reminder))}</p>"
        + $"<p><a href=\"{H(MeasuresUrl(company))}\">What is in force for {H(company.Name)}</a></p></body></html>";

    private string Text(Company company, string sentence, DueReminder reminder) =>
        $"Export-control reminder for {company.Name}\n\n{sentence}\n{Chain(reminder)}\n\nWhat is in force: {MeasuresUrl(company)}\n";

    private string Card(Company company, string subject, string sentence) =>
        TeamsCardBuilder.Message(
            [
                new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsCardBuilder.Md(subject), ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsCardBuilder.Md(sentence), ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray { TeamsCardBuilder.OpenUrl("What is in force for " + company.Name, MeasuresUrl(company)) },
                },
            ],
            fullWidth: false).ToJsonString();

    /// <summary>The notices that act on the measure, so the reader sees where the date comes from.</summary>
    private static string Chain(DueReminder reminder)
    {
        var acting = reminder.Event.Before.Relations.Where(r => r.Kind.EndsWith("-by", StringComparison.Ordinal)).Select(r => $"{r.Kind} {r.Key}").ToList();
        return acting.Count == 0 ? $"Measure {reminder.Event.Key}." : $"Measure {reminder.Event.Key}: {string.Join(", ", acting)}.";
    }

    private string MeasuresUrl(Company company) =>
        $"{delivery.Value.PublicBaseUrl.TrimEnd('/')}/companies/{Uri.EscapeDataString(company.Id)}/alerts";

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder for {CompanyId} sent: {MeasureKey} {Kind} lead {Lead} via {Channel}")]
    private static partial void LogReminderSent(ILogger logger, string companyId, string measureKey, ReminderKind kind, int lead, DeliveryChannel channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder for {CompanyId} ({MeasureKey}) via {Channel} not sent: {Status} {Detail}")]
    private static partial void LogReminderNotSent(ILogger logger, string companyId, string measureKey, DeliveryChannel channel, SendStatus status, string? detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders for {CompanyId} failed")]
    private static partial void LogRunFailed(ILogger logger, string companyId, Exception exception);
}
