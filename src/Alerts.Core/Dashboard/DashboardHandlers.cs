using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Delivery;
using Alerts.Core.Messaging;
using Alerts.Core.Ops;
using Alerts.Core.Sources;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Dashboard;

/// <summary>
/// The HTML pages: <c>/dashboard</c>, <c>/changes/{id}</c> and the company view <c>/companies/{id}/alerts</c>.
/// The dashboard and diff pages show aggregates and public notices; replaying a dead letter needs the admin key
/// (a field of the replay form); the company view needs that company's key or the admin key, given as
/// <c>?key=</c>, or once through its small form, which sets an HttpOnly cookie <see cref="KeyCookie"/>.
/// </summary>
public sealed class DashboardHandlers(
    ApiKeyService keys,
    TimeProvider clock,
    IChangeArchive changes,
    IAlertStore alerts,
    ICompanyStore companies,
    DeadLetterService deadLetters,
    IDeliveryLedger ledger,
    IEnumerable<ISourceHealthReader> healthReaders,
    IEnumerable<ISourceStatusReader> statusReaders,
    IEnumerable<ISourceCatalog> catalogs,
    IOptions<ApiOptions> options,
    ChannelHealth? channelHealth = null,
    Measures.IMeasureService? measures = null,
    IAssessmentService? assessments = null,
    IDigestService? digests = null,
    DigestRenderer? digestRenderer = null)
{
    private readonly DashboardRenderer _renderer = new(options.Value.DashboardBasePath);

    public const string KeyCookie = "alerts_key";
    public const int RecentChanges = 20;
    public const int DeadLettersShown = 20;

    public async Task<ApiResult> DashboardAsync(string? flash, CancellationToken cancellationToken)
    {
        var model = await BuildModelAsync(cancellationToken).ConfigureAwait(false);
        return ApiResult.Html(_renderer.Dashboard(model with { Flash = flash is { Length: > 0 and <= 200 } ? flash : null }));
    }

    public async Task<DashboardModel> BuildModelAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var firstDay = today.AddDays(1 - DashboardModel.ChangeDays);
        var since = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var recentWindow = await changes.ListAsync(since, 10_000, cancellationToken).ConfigureAwait(false);
        var perDay = recentWindow
            .GroupBy(c => DateOnly.FromDateTime(c.DetectedAt.UtcDateTime))
            .ToDictionary(g => g.Key, g => g.Count());
        var changesPerDay = Enumerable.Range(0, DashboardModel.ChangeDays)
            .Select(i => firstDay.AddDays(i))
            .Select(day => new DayCount(day, perDay.GetValueOrDefault(day)))
            .ToList();

        var recentAlerts = await alerts.QueryAsync(new AlertQuery { Since = now.AddDays(-DashboardModel.AlertDays), Limit = 100_000 }, cancellationToken).ConfigureAwait(false);
        var bySeverity = Enum.GetValues<Severity>()
            .ToDictionary(s => s, s => recentAlerts.Count(a => a.Severity == s));

        var letters = await deadLetters.ListAsync(null, cancellationToken).ConfigureAwait(false);
        return new DashboardModel(now)
        {
            Sources = await ReadSourcesAsync(cancellationToken).ConfigureAwait(false),
            Channels = channelHealth?.Snapshot() ?? [],
            ChangesPerDay = changesPerDay,
            AlertsBySeverity = bySeverity,
            Deliveries24Hours = await ledger.CountAsync(now.AddHours(-24), cancellationToken).ConfigureAwait(false),
            Deliveries7Days = await ledger.CountAsync(now.AddDays(-7), cancellationToken).ConfigureAwait(false),
            Queues = await deadLetters.GetDepthsAsync(cancellationToken).ConfigureAwait(false),
            DeadLetters = [.. letters.Take(DeadLettersShown)],
            RecentChanges = await changes.ListAsync(null, RecentChanges, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<ApiResult> ChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        var record = changeId.Length <= 128 ? await changes.GetAsync(changeId, cancellationToken).ConfigureAwait(false) : null;
        return record is null
            ? ApiResult.Html(_renderer.Message("Change not found", $"No change with id '{changeId}'."), 404)
            : ApiResult.Html(_renderer.Change(record, await RelationsOfAsync(record.Notice, cancellationToken).ConfigureAwait(false)));
    }

    /// <summary>
    /// The notice's relations, both ways: what its text does to other notices, and what others do to it (suspended-by,
    /// …) as the measure graph reads them today, each with the other notice's number when the graph knows it.
    /// </summary>
    private async Task<IReadOnlyList<DashboardRenderer.Relation>> RelationsOfAsync(Notices.Notice notice, CancellationToken cancellationToken)
    {
        var lines = measures is null ? null : await measures.ListAsync(null, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken).ConfigureAwait(false);
        var numbers = (lines ?? []).Where(l => l.Number is not null).DistinctBy(l => l.Key).ToDictionary(l => l.Key, l => l.Number!, StringComparer.Ordinal);
        var own = notice.Relations.Where(r => r.By is null).Select(r => new DashboardRenderer.Relation(r.Kind, r.Key, r.Clause, numbers.GetValueOrDefault(r.Key)));
        var graph = (lines ?? []).Where(l => l.Key == notice.Key)
            .SelectMany(l => l.Relations.Select(r => new DashboardRenderer.Relation(r.Kind, r.Key, l.Clause, numbers.GetValueOrDefault(r.Key))));
        return [.. own.Concat(graph).Distinct()];
    }

    /// <summary>The company view. <paramref name="key"/> comes from <c>?key=</c>, the cookie, or a bearer header.</summary>
    /// <param name="state">The open-assessments filter <c>?state=</c> (a wire name); empty or unknown shows every open state.</param>
    /// <param name="owner">The filter <c>?owner=</c>; empty shows every owner.</param>
    /// <param name="view"><c>?view=digest</c> shows the printable digest instead (<see cref="CompanyDigestAsync"/>), over <paramref name="from"/> and <paramref name="to"/>.</param>
    public async Task<ApiResult> CompanyAlertsAsync(
        string companyId, string? key, CancellationToken cancellationToken, string? state = null, string? owner = null, string? view = null, string? from = null, string? to = null)
    {
        if (string.Equals(view, DigestView, StringComparison.Ordinal))
        {
            return await CompanyDigestAsync(companyId, key, from, to, cancellationToken).ConfigureAwait(false);
        }

        var (company, refused) = await AuthoriseCompanyAsync(companyId, key, cancellationToken).ConfigureAwait(false);
        if (company is null)
        {
            return refused!;
        }

        var list = await alerts.QueryAsync(new AlertQuery { CompanyId = company.Id, Limit = 500 }, cancellationToken).ConfigureAwait(false);
        var open = assessments is null ? null : await assessments.ListAsync(company.Id, cancellationToken).ConfigureAwait(false);
        var filter = new AssessmentFilter(
            WireNames.TryParseWire<AssessmentState>(state, out var parsed) ? parsed : null,
            string.IsNullOrWhiteSpace(owner) ? null : owner.Trim());
        var companyMeasures = await CompanyMeasuresAsync(company.Id, cancellationToken).ConfigureAwait(false);
        return ApiResult.Html(_renderer.CompanyAlerts(company, [.. list.OrderByDescending(a => a.CreatedAt)], companyMeasures, open, filter,
            digestLink: digests is null || digestRenderer is null ? null : CompanyViewLink(company.Id) + "?view=" + DigestView));
    }

    /// <summary>The <c>?view=</c> of the company view that shows the printable digest.</summary>
    public const string DigestView = "digest";

    /// <summary>
    /// The printable digest (issue 19): the company's digest, as its first digest recipient would get it, over
    /// <c>?from=</c> (inclusive) to <c>?to=</c> — dates or instants as <c>alerts digest --since/--until</c> take them, UTC
    /// when no offset is given; by default from where that recipient's last digest ended to now. The model is the one
    /// <see cref="IDigestService.PreviewAsync"/> renders the e-mail from; authorised like the company view.
    /// </summary>
    public async Task<ApiResult> CompanyDigestAsync(string companyId, string? key, string? from, string? to, CancellationToken cancellationToken)
    {
        var (company, refused) = await AuthoriseCompanyAsync(companyId, key, cancellationToken).ConfigureAwait(false);
        if (company is null)
        {
            return refused!;
        }

        if (digests is null || digestRenderer is null)
        {
            return ApiResult.Html(_renderer.Message("No digest here", "This host does not render digests."), 404);
        }

        if (!TryParseInstant(from, out var since) || !TryParseInstant(to, out var until))
        {
            var bad = TryParseInstant(from, out _) ? ("to", to) : ("from", from);
            return ApiResult.Html(_renderer.Message("Bad date",
                $"?{bad.Item1}= must be a date such as 2026-03-01 or an instant such as 2026-03-01T09:00:00Z; '{Clip(bad.Item2 ?? "", 40)}' is neither."), 400);
        }

        if (since is { } s && until is { } u && s >= u)
        {
            return ApiResult.Html(_renderer.Message("Bad period", $"?from= ({s:O}) must be before ?to= ({u:O})."), 400);
        }

        DigestPreview? preview;
        try
        {
            preview = await digests.PreviewAsync(company.Id, null, since is null && until is null ? null : new DigestPeriod(since, until), cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // The recipient's time zone is unknown to this machine: say which, as alerts digest does.
            return ApiResult.Html(_renderer.Message("Digest not rendered", ex.Message), 500);
        }

        return preview is null
            ? ApiResult.Html(_renderer.Message("Company not found", $"No company with id '{companyId}'."), 404)
            : ApiResult.Html(digestRenderer.Page(preview.Model, CompanyViewLink(company.Id)));
    }

    /// <summary>Empty is "not given"; otherwise a date or an instant, UTC unless it says otherwise.</summary>
    private static bool TryParseInstant(string? value, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        if (value.Length <= 40 && DateTimeOffset.TryParse(value.Trim(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }

    private string CompanyViewLink(string companyId) => _renderer.Link("/companies/") + Uri.EscapeDataString(companyId) + "/alerts";

    /// <summary>
    /// The company the caller may see, or the page to answer instead: the key form (401) without a valid key, and the
    /// same "not found" (404) whether the company does not exist or belongs to someone else.
    /// </summary>
    private async Task<(Company? Company, ApiResult? Refused)> AuthoriseCompanyAsync(string companyId, string? key, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateKeyAsync(key, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return (null, ApiResult.Html(_renderer.KeyForm(companyId, string.IsNullOrEmpty(key) ? null : "That key is not valid."), 401));
        }

        var company = caller.CanSee(companyId) && CompanyRequestValidator.IsValidCompanyId(companyId)
            ? await companies.GetAsync(companyId, cancellationToken).ConfigureAwait(false)
            : null;
        return company is null
            ? (null, ApiResult.Html(_renderer.Message("Company not found", $"No company with id '{companyId}'."), 404))
            : (company, null);
    }

    /// <summary>What concerns the company today, from the measure graph (null without a measure service).</summary>
    private async Task<DashboardRenderer.CompanyMeasures?> CompanyMeasuresAsync(string companyId, CancellationToken cancellationToken)
    {
        if (measures is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var lines = await measures.ListAsync(companyId, today, cancellationToken).ConfigureAwait(false);
        return lines is null ? null : new DashboardRenderer.CompanyMeasures(today, lines);
    }

    /// <summary>The company view's form POST: a valid key sets the cookie and sends the browser back to the view.</summary>
    public async Task<ApiResult> CompanyKeyFormAsync(string companyId, string? key, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateKeyAsync(key, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return ApiResult.Html(_renderer.KeyForm(companyId, "That key is not valid."), 401);
        }

        return ApiResult.SeeOther(_renderer.Link("/companies/") + $"{Uri.EscapeDataString(companyId)}/alerts") with
        {
            Cookie = new ApiCookie(KeyCookie, key!, _renderer.Link("/companies/"), TimeSpan.FromHours(12)),
        };
    }

    /// <summary>The replay button's form POST; the form carries the admin key.</summary>
    public async Task<ApiResult> ReplayFromFormAsync(string deadLetterId, string? adminKey, CancellationToken cancellationToken)
    {
        var caller = await keys.AuthenticateKeyAsync(adminKey, cancellationToken).ConfigureAwait(false);
        if (caller is not { IsAdmin: true })
        {
            return ApiResult.Html(_renderer.Message("Admin key needed", "Replaying a dead letter needs the admin key."), caller is null ? 401 : 403);
        }

        var answer = await deadLetters.ReplayAsync(deadLetterId, cancellationToken).ConfigureAwait(false);
        return answer is null
            ? ApiResult.Html(_renderer.Message("Dead letter not found", $"No dead letter with id '{DeadLetterIds.FromRoute(deadLetterId)}'."), 404)
            : ApiResult.SeeOther(_renderer.Link("/dashboard") + "?flash=" + Uri.EscapeDataString($"Replayed {answer.DeadLetterId} as {answer.NewMessageId}."));
    }

    private async Task<List<SourceStatus>> ReadSourcesAsync(CancellationToken cancellationToken)
    {
        var merged = new Dictionary<string, SourceStatus>(StringComparer.Ordinal);
        foreach (var catalog in catalogs)
        {
            foreach (var source in catalog.All)
            {
                var enabled = catalog.IsEnabled(source.Descriptor.Id);
                merged[source.Descriptor.Id] = new SourceStatus(source.Descriptor.Id)
                {
                    DisplayName = source.Descriptor.DisplayName,
                    Outcome = enabled ? "never-polled" : "disabled",
                    Enabled = enabled,
                    PollInterval = PollInterval(catalog.ScheduleOf(source.Descriptor.Id)),
                };
            }
        }

        foreach (var reader in healthReaders)
        {
            foreach (var health in await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var known = merged.GetValueOrDefault(health.Id) ?? new SourceStatus(health.Id);
                merged[health.Id] = known with
                {
                    Outcome = known.Enabled ? health.Outcome : "disabled",
                    LastPoll = health.LastPoll,
                    LastSuccess = health.Outcome is "ok" or "not-modified" ? health.LastPoll : known.LastSuccess,
                };
            }
        }

        // The richer reader, when bound, wins field by field.
        foreach (var reader in statusReaders)
        {
            foreach (var status in await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var known = merged.GetValueOrDefault(status.Id);
                merged[status.Id] = known is null ? status : status with
                {
                    DisplayName = status.DisplayName ?? known.DisplayName,
                    Outcome = known.Enabled ? status.Outcome ?? known.Outcome : "disabled",
                    Enabled = known.Enabled,
                    PollInterval = known.PollInterval,
                    LastPoll = status.LastPoll ?? known.LastPoll,
                    LastSuccess = status.LastSuccess ?? known.LastSuccess,
                };
            }
        }

        return [.. merged.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>The gap between the next two occurrences of a six-field cron schedule; null when it does not parse.</summary>
    private TimeSpan? PollInterval(string schedule)
    {
        var parsed = NCrontab.CrontabSchedule.TryParse(schedule, new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (parsed is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var first = parsed.GetNextOccurrence(now);
        return parsed.GetNextOccurrence(first) - first;
    }
}
