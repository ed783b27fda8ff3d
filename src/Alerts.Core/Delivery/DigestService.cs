using System.Globalization;
using Alerts.Core.Alerts;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;
using Alerts.Core.Delivery.Reminders;

namespace Alerts.Core.Delivery;

public sealed record DigestRunReport(int Sent, int Skipped, int Failed);

/// <summary>A digest rendered for a preview, with the period it covers and the model it was rendered from (the printable page renders the same).</summary>
public sealed record DigestPreview(string CompanyId, string Recipient, DateTimeOffset Since, DateTimeOffset Until, RenderedEmail Email, DigestModel Model);

public interface IDigestService
{
    /// <summary>Run hourly: sends each digest recipient whose local hour and cadence are due, once per period.</summary>
    Task<DigestRunReport> RunAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Renders a recipient's digest without sending it or moving its cursor: over <paramref name="period"/>, or by default
    /// from where its last digest ended (or one period back) to now. Null for an unknown company.
    /// </summary>
    Task<DigestPreview?> PreviewAsync(string companyId, string? recipientEmail, DigestPeriod? period, CancellationToken cancellationToken);
}

/// <summary>The alerts a preview covers: raised from <see cref="Since"/> (inclusive) to <see cref="Until"/>; a missing end takes its default.</summary>
public sealed record DigestPeriod(DateTimeOffset? Since, DateTimeOffset? Until);

/// <summary>A digest was asked for an address that is not one of the company's recipients.</summary>
public sealed class UnknownRecipientException(string message) : Exception(message);

/// <summary>
/// Executive digests. A recipient is due on its period's day (every day, or Monday) from its local hour on, in its IANA
/// time zone; the period key (the local date) makes it once per period even when the timer runs twice, and the cursor
/// (the end of the last period sent) starts the next one exactly where the last ended: no repeat, no gap. A local hour
/// skipped by spring-forward sends the hour after; a retryable failure retries later the same day; a timer missed
/// altogether only delays those alerts to the next digest (the cursor did not move).
/// </summary>
public sealed partial class DigestService(
    ICompanyStore companies,
    IAlertStore alerts,
    IDigestCursorStore cursors,
    IDeliveryLedger ledger,
    IEmailSender email,
    DigestRenderer renderer,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestService> logger,
    IUpcomingMeasures? upcomingMeasures = null,
    Assessments.IAssessmentService? assessments = null) : IDigestService
{
    private const int MaxAlerts = 1000;

    /// <summary>At most this many single-alert reads to name notices the recent alerts do not cover; the rest show their key.</summary>
    private const int MaxNamedLookups = 200;

    /// <summary>A cursor whose period key starts so is waiting for a retry of that period (its SentUntil is unchanged).</summary>
    private const string PendingPrefix = "pending:";

    public async Task<DigestRunReport> RunAsync(CancellationToken cancellationToken)
    {
        int sent = 0, skipped = 0, failed = 0;
        var now = time.GetUtcNow();
        IReadOnlyList<Company> list;
        try
        {
            list = await companies.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDigestFailed(logger, "*", ex);
            return new DigestRunReport(0, 0, 1);
        }

        foreach (var company in list)
        {
            foreach (var recipient in company.Recipients.Where(r => r.Role == RecipientRole.Digest).DistinctBy(r => EmailAddresses.Normalize(r.Email)))
            {
                try
                {
                    switch (await RunOneAsync(company, recipient, now, cancellationToken).ConfigureAwait(false))
                    {
                        case SendStatus.Sent: sent++; break;
                        case null: skipped++; break;
                        default: failed++; break;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    LogDigestFailed(logger, company.Id, ex);
                    failed++;
                }
            }
        }

        return new DigestRunReport(sent, skipped, failed);
    }

    public async Task<DigestPreview?> PreviewAsync(string companyId, string? recipientEmail, DigestPeriod? period, CancellationToken cancellationToken)
    {
        var company = await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false);
        if (company is null)
        {
            return null;
        }

        var recipient = recipientEmail is null
            ? company.Recipients.FirstOrDefault(r => r.Role == RecipientRole.Digest) ?? new Recipient { Email = "preview@localhost", Role = RecipientRole.Digest }
            : company.Recipients.FirstOrDefault(r => string.Equals(r.Email, recipientEmail, StringComparison.OrdinalIgnoreCase))
              ?? throw new UnknownRecipientException(
                  $"'{recipientEmail}' is not a recipient of company '{companyId}'" + (company.Recipients.Count == 0 ? " (it has none)." : $"; its recipients are {string.Join(", ", company.Recipients.Select(r => r.Email))}."));
        var now = period?.Until ?? time.GetUtcNow();
        var since = period?.Since;
        if (since is null)
        {
            var cursor = await cursors.GetAsync(company.Id, EmailAddresses.Normalize(recipient.Email), cancellationToken).ConfigureAwait(false);
            since = cursor?.SentUntil ?? now - PeriodLength(recipient);
        }

        var model = await BuildAsync(company, recipient, since.Value, now, cancellationToken).ConfigureAwait(false);
        return new DigestPreview(company.Id, recipient.Email, since.Value, now, renderer.Render(model), model);
    }

    /// <summary>
    /// The period key when the recipient is due at <paramref name="nowUtc"/>, else null: at its local hour on its period's
    /// day; the hour after when a spring-forward skipped that hour; any later hour of the day while a retryable send is pending.
    /// </summary>
    internal static string? DuePeriod(Recipient recipient, DateTimeOffset nowUtc, DigestCursor? cursor = null)
    {
        var zone = FindZone(recipient.TimeZone);
        var local = TimeZoneInfo.ConvertTime(nowUtc, zone);
        if (recipient.Cadence == DigestCadence.Weekly && local.DayOfWeek != DayOfWeek.Monday)
        {
            return null;
        }

        var prefix = recipient.Cadence == DigestCadence.Weekly ? "weekly:" : "daily:";
        var period = prefix + local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var skipped = recipient.Hour < 24 && zone.IsInvalidTime(local.Date.AddHours(recipient.Hour));
        var due = local.Hour == recipient.Hour
            || (skipped && local.Hour == recipient.Hour + 1)
            || (local.Hour > recipient.Hour && cursor?.PeriodKey == PendingPrefix + period);
        return due ? period : null;
    }

    internal static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new InvalidOperationException($"Unknown time zone '{id}': use an IANA id such as Europe/Berlin.", ex);
        }
    }

    private async Task<SendStatus?> RunOneAsync(Company company, Recipient recipient, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = EmailAddresses.Normalize(recipient.Email);
        var cursor = await cursors.GetAsync(company.Id, address, cancellationToken).ConfigureAwait(false);
        var period = DuePeriod(recipient, now, cursor);
        if (period is null || cursor?.PeriodKey == period)
        {
            return null;
        }

        var since = cursor?.SentUntil ?? now - PeriodLength(recipient);
        var digestId = ContentHash.Short(company.Id, address, period);
        var newCursor = new DigestCursor(company.Id, address, now, period);

        // Sent before a crash that lost the cursor: move the cursor, send nothing twice.
        if (await ledger.WasSentAsync(digestId, DeliveryChannel.Digest, address, cancellationToken).ConfigureAwait(false))
        {
            await cursors.SetAsync(newCursor, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var model = await BuildAsync(company, recipient, since, now, cancellationToken).ConfigureAwait(false);
        var periodAlerts = model.Alerts;
        if (model.IsQuiet && !options.Value.SendWhenEmpty)
        {
            await cursors.SetAsync(newCursor, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var rendered = renderer.Render(model);
        var message = new EmailMessage(EmailKind.Digest, digestId, company.Id, "digest", rendered.Subject, rendered.Html, rendered.Text, [recipient.Email.Trim()]);
        var results = await email.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var status = results.Count == 0 ? SendStatus.Retryable : results[0].Result.Status;
        var detail = results.Count == 0 ? "no result" : results[0].Result.Detail;
        await ledger.RecordSendAsync(digestId, DeliveryChannel.Digest, address, results.Count == 0 ? new SendResult(status, detail) : results[0].Result, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (status == SendStatus.Retryable)
        {
            // The period stays open: later hourly runs of the same local day try again from the same start.
            await cursors.SetAsync(new DigestCursor(company.Id, address, since, PendingPrefix + period), cancellationToken).ConfigureAwait(false);
            LogDigestRetry(logger, company.Id, detail ?? "");
            return status;
        }

        // A permanent failure (bad address) moves on too, or it would block every later digest.
        await cursors.SetAsync(newCursor, cancellationToken).ConfigureAwait(false);
        if (status == SendStatus.Sent)
        {
            LogDigestSent(logger, company.Id, period, periodAlerts.Count);
        }

        return status;
    }

    /// <summary>Gathers one digest: the period's alerts, what comes up, the open assessments and the period's decisions.</summary>
    private async Task<DigestModel> BuildAsync(Company company, Recipient recipient, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var periodAlerts = await QueryAsync(company.Id, recipient.MinSeverity, since, until, cancellationToken).ConfigureAwait(false);
        var zone = FindZone(recipient.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, zone).DateTime);

        // Upcoming effective dates come from the company's recent alerts, not just this period's.
        var recent = await QueryAsync(company.Id, recipient.MinSeverity, until.AddDays(-365), until, cancellationToken).ConfigureAwait(false);
        var all = assessments is null ? null : await assessments.ListAsync(company.Id, cancellationToken).ConfigureAwait(false);
        var open = all is null ? null : DigestModel.OpenOf(all);
        var decisions = all is null ? null : DigestModel.DecisionsOf(all, since, until);
        return new DigestModel
        {
            CompanyId = company.Id,
            CompanyName = company.Name,
            Since = since,
            Until = until,
            From = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(since, zone).DateTime),
            To = today,
            Alerts = periodAlerts,
            Recent = recent,
            Measures = await UpcomingMeasuresAsync(company, today, cancellationToken).ConfigureAwait(false),
            Open = open,
            Decisions = decisions,
            Notices = await NoticesAsync(recent, [.. (open ?? []).Concat((decisions ?? []).Select(d => d.Assessment))], cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// An alert for each assessment's notice, to name it by number and title: the newest of the recent ones, else the
    /// assessment's first alert (an old or low-severity notice the recent query did not return).
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Alert>> NoticesAsync(IReadOnlyList<Alert> recent, IReadOnlyList<Assessments.Assessment> named, CancellationToken cancellationToken)
    {
        var notices = recent.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal)
            .DistinctBy(a => a.NoticeKey).ToDictionary(a => a.NoticeKey, StringComparer.Ordinal);
        foreach (var assessment in named.DistinctBy(a => a.NoticeKey).Take(MaxNamedLookups))
        {
            if (!notices.ContainsKey(assessment.NoticeKey) && assessment.AlertIds.Count > 0
                && await alerts.GetAsync(assessment.AlertIds[0], cancellationToken).ConfigureAwait(false) is { } alert)
            {
                notices[assessment.NoticeKey] = alert;
            }
        }

        return notices;
    }

    private async Task<IReadOnlyList<Alert>> QueryAsync(string companyId, Severity minSeverity, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var found = await alerts.QueryAsync(new AlertQuery { CompanyId = companyId, MinSeverity = minSeverity, Since = since, Until = until, Limit = MaxAlerts }, cancellationToken).ConfigureAwait(false);

        // Half-open [since, until): the next period starts exactly where this one ends.
        return found.Where(a => a.CreatedAt >= since && a.CreatedAt < until).ToList();
    }

    /// <summary>What takes effect or ends for the company in the next <see cref="DigestOptions.UpcomingDays"/> days (the reminders' state).</summary>
    private async Task<IReadOnlyList<MeasureEvent>?> UpcomingMeasuresAsync(Company company, DateOnly today, CancellationToken cancellationToken) =>
        upcomingMeasures is null ? null : await upcomingMeasures.ForAsync(company, today.AddDays(1), options.Value.UpcomingDays - 1, cancellationToken).ConfigureAwait(false);

    private static TimeSpan PeriodLength(Recipient recipient) => recipient.Cadence == DigestCadence.Weekly ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for {CompanyId} sent for {Period} with {Count} alert(s)")]
    private static partial void LogDigestSent(ILogger logger, string companyId, string period, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for {CompanyId} will be retried: {Detail}")]
    private static partial void LogDigestRetry(ILogger logger, string companyId, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest for {CompanyId} failed")]
    private static partial void LogDigestFailed(ILogger logger, string companyId, Exception exception);
}
