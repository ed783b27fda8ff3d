using System.Globalization;
using System.Text;
using Alerts.Core.Measures;
using Alerts.Core.Alerts;
using Alerts.Core.Api;
using Alerts.Core.Changes;
using Alerts.Core.Delivery;
using Alerts.Core.Notices;
using Alerts.Core.Ops;
using Alerts.Core.Subscriptions;
using Alerts.Core.Common;
using static Alerts.Core.Common.DisplayText;

namespace Alerts.Core.Dashboard;

/// <summary>
/// Renders the dashboard pages as self-contained HTML: inline CSS and SVG, no scripts, no external assets.
/// Everything that came from a foreign site or a user (titles, bodies, diffs, errors, names) is HTML-encoded here.
/// Numbers a test may check carry <c>data-testid</c> attributes.
/// </summary>
public sealed partial class DashboardRenderer
{
    private readonly string _base;

    /// <param name="basePath">Prefix of the page links: empty for <c>alerts run</c>, <c>/api/ui</c> in the Functions app.</param>
    public DashboardRenderer(string basePath = "")
    {
        _base = (basePath ?? "").TrimEnd('/');
    }

    /// <summary>The path of a page under the base (<c>/dashboard</c> → <c>/api/ui/dashboard</c>).</summary>
    public string Link(string path) => _base + path;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Colours chosen for at least 4.5:1 contrast on white (WCAG AA) for text and bars.</summary>
    public static string SeverityColour(Severity severity) => severity switch
    {
        Severity.Critical => "#9f1239",
        Severity.High => "#b45309",
        Severity.Medium => "#1d4ed8",
        _ => "#475569",
    };

    private static string OutcomeColour(DeliveryOutcome outcome) => outcome switch
    {
        DeliveryOutcome.Sent => "#15803d",
        DeliveryOutcome.Failed => "#b91c1c",
        _ => "#b45309",
    };

    public string Dashboard(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder();
        Head(html, "Alerts — ops dashboard", refreshSeconds: 60);
        html.Append("<header><h1>Alerts — ops dashboard</h1><p class=\"muted\">Generated ")
            .Append(H(Stamp(model.GeneratedAt))).Append(" · refreshes every 60 s · <a href=\"/api/health\">health JSON</a></p></header><main>");
        if (model.Flash is not null)
        {
            html.Append("<p class=\"flash\" role=\"status\">").Append(H(model.Flash)).Append("</p>");
        }

        // The first screen answers "is anything wrong?"; then what changed; the tables; the charts last (issue 15 item 8).
        AttentionSection(html, model);
        RecentChangesSection(html, model);
        SourcesSection(html, model);
        ChannelsSection(html, model);
        QueuesSection(html, model);
        html.Append("<div class=\"grid\">");
        ChangesCard(html, model);
        SeverityCard(html, model);
        DeliveriesCard(html, "Deliveries, last 24 h", "deliveries-24h", model.Deliveries24Hours);
        DeliveriesCard(html, "Deliveries, last 7 days", "deliveries-7d", model.Deliveries7Days);
        html.Append("</div>");
        html.Append("</main>");
        Foot(html);
        return html.ToString();
    }

    public string Change(ChangeRecord record, IReadOnlyList<Relation>? relations = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var change = record.Change;
        var notice = record.Notice;
        var html = new StringBuilder();
        Head(html, $"Change — {Clip(change.Title, 80)}", refreshSeconds: null);
        html.Append("<header><p><a href=\"").Append(H(Link("/dashboard"))).Append("\">← Dashboard</a></p><h1 lang=\"").Append(H(notice.Language)).Append("\">")
            .Append(H(change.Title)).Append("</h1></header><main><section class=\"card\"><dl class=\"facts\">");
        Fact(html, "Change", KindLabel(change.Kind), "change-kind");
        Fact(html, "Source", change.SourceId, null);
        Fact(html, "Number", change.Number ?? "—", null);
        Fact(html, "Published", change.Published?.ToString("yyyy-MM-dd", Invariant) ?? "—", null);
        Fact(html, "Effective", change.Effective?.ToString("yyyy-MM-dd", Invariant) ?? "—", null);
        Fact(html, "Measure", change.Measure.ToWire(), null);
        Fact(html, "Destinations", change.Destinations.Count == 0 ? "—" : string.Join(", ", change.Destinations), null);
        Fact(html, "Detected", Stamp(change.DetectedAt), null);
        html.Append("</dl>");
        if (SafeUrl(change.Url) is { } href)
        {
            html.Append("<p><a href=\"").Append(H(href)).Append("\" rel=\"noopener noreferrer\">Official page</a></p>");
        }

        if (notice.Warnings.Count > 0)
        {
            // What the reader could not reconcile (a stated entity count, an unread annex) is shown, never silent.
            html.Append("<h2>Reading warnings</h2><ul data-testid=\"reading-warnings\">");
            foreach (var warning in notice.Warnings)
            {
                html.Append("<li>").Append(H(warning)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (change.Summary.Count > 0)
        {
            html.Append("<h2>What changed</h2><ul>");
            foreach (var line in change.Summary)
            {
                html.Append("<li>").Append(H(line)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (relations is { Count: > 0 })
        {
            RelationsSection(html, relations);
        }

        html.Append("</section><section class=\"card\">");
        if (record.Previous is not null)
        {
            // The segments of the one diff engine (TextDiff, which also wrote record.Diff), over the whole text: never
            // the stored rendering parsed back.
            html.Append("<h2>Diff</h2><p class=\"muted\">Computed character by character for Chinese and Japanese, word by word otherwise. Removed text is struck through on red, added text underlined on green.</p>");
            Segments(html, TextDiff.Compute(record.Previous.Title + "\n\n" + record.Previous.Body, notice.Title + "\n\n" + notice.Body), notice.Language);
        }
        else if (record.Diff is not null)
        {
            // Every record the detector writes with a diff has its previous version; should one come without, its
            // stored diff is shown as the text it is ([-removed-]{+added+}).
            html.Append("<h2>Diff</h2><p class=\"muted\">The stored diff: [-removed-] {+added+}.</p><div class=\"text\" data-testid=\"diff\" lang=\"")
                .Append(H(notice.Language)).Append("\">").Append(H(record.Diff)).Append("</div>");
        }
        else
        {
            html.Append("<h2>Text</h2><p class=\"muted\">A new notice: there is no earlier version to compare with.</p><div class=\"text\" data-testid=\"notice-text\" lang=\"")
                .Append(H(notice.Language)).Append("\">").Append(H(notice.Body)).Append("</div>");
        }

        if (record.Previous is not null)
        {
            // Amended and withdrawn notices link here from e-mails and cards: a withdrawn page answers 404 at the source.
            html.Append("</section><section class=\"card\" id=\"copy\"><h2>Stored copy</h2><p class=\"muted\">")
                .Append(change.Kind == ChangeKind.Withdrawn ? "The last copy read before the page was removed." : "The text as read after this change.")
                .Append("</p><div class=\"text\" data-testid=\"stored-copy\" lang=\"").Append(H(notice.Language)).Append("\">")
                .Append(H(notice.Title)).Append("\n\n").Append(H(notice.Body)).Append("</div>");
        }

        html.Append("</section></main>");
        Foot(html);
        return html.ToString();
    }

    public string CompanyAlerts(
        Company company, IReadOnlyList<Alert> alerts, CompanyMeasures? measures = null, IReadOnlyList<Assessments.Assessment>? assessments = null, AssessmentFilter? filter = null,
        string? digestLink = null)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(alerts);
        var html = new StringBuilder();
        Head(html, $"Alerts — {Clip(company.Name, 80)}", refreshSeconds: null);
        html.Append("<header><h1>").Append(H(company.Name)).Append("</h1><p class=\"muted\">")
            .Append(alerts.Count.ToString(Invariant)).Append(" alerts, newest first</p>");
        if (digestLink is not null)
        {
            html.Append("<p><a href=\"").Append(H(digestLink)).Append("\" data-testid=\"digest-link\">Printable digest</a></p>");
        }

        html.Append("</header><main>");
        if (assessments is not null)
        {
            OpenAssessmentsSection(html, company, assessments, filter ?? new AssessmentFilter());
        }

        if (measures is not null)
        {
            MeasuresSection(html, measures);
        }

        if (alerts.Count == 0)
        {
            html.Append("<p>No alerts yet.</p>");
        }

        foreach (var alert in alerts)
        {
            html.Append("<article class=\"card alert\" data-testid=\"alert\" style=\"border-left:6px solid ").Append(SeverityColour(alert.Severity)).Append("\">")
                .Append("<p><span class=\"badge\" style=\"background:").Append(SeverityColour(alert.Severity)).Append("\">").Append(H(SeverityNames.ToWire(alert.Severity)))
                .Append("</span> <span class=\"muted\">").Append(H(Stamp(alert.CreatedAt))).Append("</span></p>")
                .Append("<h2><a href=\"").Append(H(Link("/changes/"))).Append(H(Uri.EscapeDataString(alert.ChangeId))).Append("\">").Append(H(alert.Title)).Append("</a></h2>");
            if (!string.IsNullOrEmpty(alert.TitleGloss))
            {
                html.Append("<p class=\"gloss\" lang=\"en\">").Append(H(alert.TitleGloss)).Append("</p>");
            }

            html.Append("<p class=\"muted\">").Append(H(alert.Number ?? "")).Append(alert.Number is null ? "" : " · ")
                .Append("published ").Append(H(alert.Published?.ToString("yyyy-MM-dd", Invariant) ?? "—"))
                .Append(" · effective ").Append(H(alert.Effective?.ToString("yyyy-MM-dd", Invariant) ?? "—"))
                .Append(" · ").Append(H(alert.Measure)).Append("</p><h3>Why it matched</h3><ul class=\"reasons\">");
            foreach (var reason in alert.Reasons)
            {
                html.Append("<li><strong>").Append(H(ReasonName(reason.Kind))).Append(":</strong> ").Append(H(reason.Value))
                    .Append("<blockquote>").Append(H(reason.Snippet)).Append("</blockquote></li>");
            }

            html.Append("</ul>");
            if (SafeUrl(alert.Url) is { } href)
            {
                html.Append("<p><a href=\"").Append(H(href)).Append("\" rel=\"noopener noreferrer\">Official page</a></p>");
            }

            html.Append("</article>");
        }

        html.Append("</main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>One relation of a notice: its kind, the other notice's key, the clause acted on, the other's number when known.</summary>
    public sealed record Relation(string Kind, string Key, string? Clause, string? Number);

    /// <summary>The measures that concern a company on <see cref="Today"/>, as <c>alerts measures --company</c> lists them.</summary>
    public sealed record CompanyMeasures(DateOnly Today, IReadOnlyList<MeasureLine> Lines)
    {
        /// <summary>A state change within this many days of today is listed as upcoming.</summary>
        public const int UpcomingDays = 30;
    }

    /// <summary>
    /// What is in force today for the company, what is suspended (until when), and what changes in the next
    /// <see cref="CompanyMeasures.UpcomingDays"/> days: an announced measure taking effect, a window ending, a window
    /// starting. Lifted measures are left out: nothing applies.
    /// </summary>
    private static void MeasuresSection(StringBuilder html, CompanyMeasures measures)
    {
        html.Append("<section class=\"card\" data-testid=\"measures\"><h2>What is in force on ").Append(H(Iso(measures.Today))).Append("</h2>");
        var rows = measures.Lines.Where(l => l.State != MeasureState.Lifted).ToList();
        if (rows.Count == 0)
        {
            html.Append("<p>No measure known concerns this company.</p></section>");
            return;
        }

        html.Append("<table><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">State</th><th scope=\"col\">Since</th><th scope=\"col\">Until</th></tr></thead><tbody>");
        foreach (var line in rows)
        {
            html.Append("<tr data-testid=\"measure-").Append(H(line.State.WireName())).Append("\"><td>").Append(H(MeasureName(line))).Append("</td><td>")
                .Append(H(line.State.WireName())).Append("</td><td>").Append(H(line.Since is { } since ? Iso(since) : "—")).Append("</td><td>")
                .Append(H(line.Until is { } until ? Iso(until) : "—")).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        var horizon = measures.Today.AddDays(CompanyMeasures.UpcomingDays);
        var upcoming = rows.Where(l => l.Until is { } u && u < horizon).OrderBy(l => l.Until).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
        html.Append("<h3>In the next ").Append(CompanyMeasures.UpcomingDays.ToString(Invariant)).Append(" days</h3>");
        if (upcoming.Count == 0)
        {
            html.Append("<p>Nothing changes.</p>");
        }
        else
        {
            html.Append("<ul data-testid=\"measures-upcoming\">");
            foreach (var line in upcoming)
            {
                var next = line.Until!.Value.AddDays(1);
                var what = line.State switch
                {
                    MeasureState.Announced => "takes effect",
                    MeasureState.Suspended => "the suspension ends; applies again",
                    _ => "suspended from",
                };
                html.Append("<li><strong>").Append(H(Iso(next))).Append("</strong> ").Append(H(MeasureName(line))).Append(": ").Append(H(what)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    /// <summary>The notice's relations both ways (suspends …, suspended-by …), each with the other notice's key and number.</summary>
    private static void RelationsSection(StringBuilder html, IReadOnlyList<Relation> relations)
    {
        html.Append("<h2>Relations</h2><ul data-testid=\"relations\">");
        foreach (var relation in relations)
        {
            html.Append("<li><strong>").Append(H(relation.Kind)).Append("</strong> <code>").Append(H(relation.Key)).Append("</code>");
            if (relation.Number is not null)
            {
                html.Append(" (").Append(H(relation.Number)).Append(')');
            }

            if (relation.Clause is not null)
            {
                html.Append(", clause ").Append(H(relation.Clause));
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static string MeasureName(MeasureLine line) =>
        (line.Number ?? line.Title ?? line.Key) + (line.Clause is null ? "" : " clause " + line.Clause);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>The company view's sign-in: a key field posting back to the view, which sets a cookie.</summary>
    public string KeyForm(string companyId, string? error)
    {
        var html = new StringBuilder();
        Head(html, "Alerts — company key", refreshSeconds: null);
        html.Append("<header><h1>Company alerts</h1></header><main><section class=\"card\">");
        if (error is not null)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(H(error)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(H(Link("/companies/"))).Append(H(Uri.EscapeDataString(companyId))).Append("/alerts\">")
            .Append("<label for=\"key\">Your company's API key (or the admin key)</label>")
            .Append("<input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"off\" required>")
            .Append("<button type=\"submit\">Show alerts</button></form>")
            .Append("<p class=\"muted\">The key is kept in an HttpOnly cookie for this browser for 12 hours.</p></section></main>");
        Foot(html);
        return html.ToString();
    }

    public string Message(string title, string text)
    {
        var html = new StringBuilder();
        Head(html, "Alerts — " + title, refreshSeconds: null);
        html.Append("<header><p><a href=\"").Append(H(Link("/dashboard"))).Append("\">← Dashboard</a></p><h1>").Append(H(title)).Append("</h1></header><main><p>")
            .Append(H(text)).Append("</p></main>");
        Foot(html);
        return html.ToString();
    }

    /// <summary>
    /// Everything a person must act on, most urgent first: failing sources (why, since when), stale ones, rejected
    /// channels, failed deliveries, dead letters with their Replay buttons. "Nothing is wrong" is said, not implied.
    /// </summary>
    private void AttentionSection(StringBuilder html, DashboardModel model)
    {
        var failing = model.Sources.Where(s => s.IsFailing).ToList();
        var stale = model.Sources.Where(s => s.IsStale(model.GeneratedAt, DashboardModel.StaleFactor)).ToList();
        var channels = model.Channels.Where(c => !c.IsHealthy).ToList();
        var failedDeliveries = model.Deliveries24Hours.Where(d => d.Outcome == DeliveryOutcome.Failed && d.Count > 0).ToList();
        var anything = failing.Count + stale.Count + channels.Count + failedDeliveries.Count + model.DeadLetters.Count > 0;

        html.Append("<section class=\"card attention\" data-testid=\"attention\" aria-labelledby=\"attention-h\"><h2 id=\"attention-h\">Is anything wrong?</h2>");
        if (!anything)
        {
            html.Append("<p data-testid=\"all-clear\"><span class=\"status ok\">nothing is wrong</span> Every enabled source polls, every channel delivers, no dead letters.</p></section>");
            return;
        }

        html.Append("<ul class=\"problems\">");
        foreach (var source in failing)
        {
            html.Append("<li data-testid=\"problem-source-").Append(H(source.Id)).Append("\"><span class=\"status bad\">").Append(H(source.Outcome!)).Append("</span> <strong>")
                .Append(H(source.DisplayName ?? source.Id)).Append("</strong> failing since ").Append(H(Stamp(source.FailingSince ?? source.LastErrorAt ?? source.LastPoll)))
                .Append(source.ConsecutiveFailures is > 1 ? $" ({source.ConsecutiveFailures.Value.ToString(Invariant)} polls in a row)" : "");
            if (source.LastError is { Length: > 0 } error)
            {
                html.Append("<br><span class=\"small\">").Append(H(Clip(error, 160))).Append("</span>");
            }

            html.Append("</li>");
        }

        foreach (var source in stale)
        {
            html.Append("<li data-testid=\"problem-stale-").Append(H(source.Id)).Append("\"><span class=\"status bad\">stale</span> <strong>").Append(H(source.DisplayName ?? source.Id))
                .Append("</strong>: no successful poll since ").Append(H(Stamp(source.LastSuccess))).Append(" (more than ").Append(DashboardModel.StaleFactor.ToString(Invariant))
                .Append(" scheduled polls ago): is the poller running?</li>");
        }

        foreach (var channel in channels)
        {
            html.Append("<li data-testid=\"problem-channel-").Append(H(channel.Channel)).Append("\"><span class=\"status bad\">").Append(H(channel.Status)).Append("</span> <strong>")
                .Append(H(channel.Channel)).Append("</strong> rejects sends since ").Append(H(Stamp(channel.Since)));
            foreach (var problem in channel.Problems.Take(3))
            {
                html.Append("<br><span class=\"small\">").Append(H(Clip(problem, 160))).Append("</span>");
            }

            html.Append("</li>");
        }

        foreach (var failed in failedDeliveries)
        {
            html.Append("<li data-testid=\"problem-deliveries-").Append(H(failed.Channel.WireName())).Append("\"><span class=\"status bad\">failed</span> ")
                .Append(failed.Count.ToString(Invariant)).Append(' ').Append(H(failed.Channel.WireName())).Append(" deliveries failed in the last 24 h</li>");
        }

        if (model.DeadLetters.Count > 0)
        {
            html.Append("<li data-testid=\"problem-deadletters\"><span class=\"status bad\">dead letters</span> ").Append(model.DeadLetters.Count.ToString(Invariant))
                .Append(" message(s) could not be processed. Replay sends a copy with a new message id; the delivery ledger stops a second delivery. Needs the admin key.");
            DeadLetterList(html, model);
            html.Append("</li>");
        }

        html.Append("</ul></section>");
    }

    private void DeadLetterList(StringBuilder html, DashboardModel model)
    {
        html.Append("<ul class=\"letters\">");
        foreach (var letter in model.DeadLetters)
        {
            var routeId = letter.Id;
            html.Append("<li data-testid=\"deadletter\"><p><strong>").Append(H(letter.Subscription)).Append("</strong> · ").Append(H(letter.Reason))
                .Append(" · ").Append(H(Stamp(letter.DeadLetteredAt))).Append(" · ").Append(letter.DeliveryCount.ToString(Invariant)).Append(" deliveries<br><span class=\"small\">")
                .Append(H(Clip(letter.Description, 200))).Append("</span></p><form method=\"post\" action=\"").Append(H(Link("/dashboard/deadletters/")))
                .Append(H(Uri.EscapeDataString(routeId))).Append("/replay\" class=\"inline\"><label class=\"sr\" for=\"k-").Append(H(routeId)).Append("\">Admin key</label>")
                .Append("<input id=\"k-").Append(H(routeId)).Append("\" name=\"key\" type=\"password\" placeholder=\"admin key\" autocomplete=\"off\" required>")
                .Append("<button type=\"submit\">Replay</button></form></li>");
        }

        html.Append("</ul>");
    }

    private static void ChangesCard(StringBuilder html, DashboardModel model)
    {
        var total = model.ChangesPerDay.Sum(d => d.Count);
        html.Append("<section class=\"card\"><h2>Changes per day</h2><p class=\"big\"><span data-testid=\"changes-total\">")
            .Append(total.ToString(Invariant)).Append("</span> <span class=\"muted\">in the last ").Append(DashboardModel.ChangeDays.ToString(Invariant)).Append(" days (UTC)</span></p>");
        ColumnChart(html, "Changes per day", model.ChangesPerDay.Select(d => (d.Day.ToString("MM-dd", Invariant), (long)d.Count)).ToList());
        html.Append("</section>");
    }

    private static void SeverityCard(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card\"><h2>Alerts by severity</h2><p class=\"muted\">Last ").Append(DashboardModel.AlertDays.ToString(Invariant)).Append(" days, all companies</p>");
        var rows = Enum.GetValues<Severity>().Reverse()
            .Select(s => new Bar(SeverityNames.ToWire(s), model.AlertsBySeverity.GetValueOrDefault(s), SeverityColour(s), "alerts-" + SeverityNames.ToWire(s)))
            .ToList();
        BarChart(html, "Alerts by severity", rows);
        html.Append("</section>");
    }

    private static void DeliveriesCard(StringBuilder html, string title, string testId, IReadOnlyList<DeliveryStat> stats)
    {
        html.Append("<section class=\"card\"><h2>").Append(H(title)).Append("</h2>");
        var rows = Enum.GetValues<DeliveryChannel>()
            .SelectMany(channel => Enum.GetValues<DeliveryOutcome>().Select(outcome => (channel, outcome)))
            .Select(pair => new Bar(
                $"{pair.channel.WireName()} {pair.outcome.WireName()}",
                stats.Where(s => s.Channel == pair.channel && s.Outcome == pair.outcome).Sum(s => s.Count),
                OutcomeColour(pair.outcome),
                $"{testId}-{pair.channel.WireName()}-{pair.outcome.WireName()}"))
            .ToList();
        BarChart(html, title, rows);
        html.Append("</section>");
    }

    private static void ChannelsSection(StringBuilder html, DashboardModel model)
    {
        if (model.Channels.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"card wide\"><h2>Delivery channels</h2><div class=\"scroll\"><table><caption class=\"sr\">Health of each delivery channel</caption><thead><tr>")
            .Append("<th scope=\"col\">Channel</th><th scope=\"col\">Status</th><th scope=\"col\">Since</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var channel in model.Channels)
        {
            html.Append("<tr data-testid=\"channel-").Append(H(channel.Channel)).Append("\"><th scope=\"row\">").Append(H(channel.Channel)).Append("</th>")
                .Append("<td><span class=\"status ").Append(channel.IsHealthy ? "ok" : "bad").Append("\">").Append(H(channel.Status)).Append("</span></td>")
                .Append("<td>").Append(H(Stamp(channel.Since))).Append("</td><td>");
            if (channel.Problems.Count == 0)
            {
                html.Append('—');
            }

            foreach (var problem in channel.Problems)
            {
                html.Append("<span class=\"small\" data-testid=\"channel-problem-").Append(H(channel.Channel)).Append("\">").Append(H(Clip(problem, 200))).Append("</span><br>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    /// <summary>One row per source in five columns, so the table fits a 1366-px screen without scrolling sideways.</summary>
    private static void SourcesSection(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card wide\"><h2>Sources</h2>");
        if (model.Sources.Count == 0)
        {
            html.Append("<p>No source has reported yet.</p></section>");
            return;
        }

        html.Append("<table class=\"sources\"><caption class=\"sr\">Health of each source</caption><thead><tr>")
            .Append("<th scope=\"col\">Source</th><th scope=\"col\">Status</th><th scope=\"col\">Polled · succeeded</th>")
            .Append("<th scope=\"col\">Last error</th><th scope=\"col\">Items · gaps · notes</th></tr></thead><tbody>");
        foreach (var source in model.Sources)
        {
            var healthy = source.Outcome is "ok" or "not-modified";
            html.Append("<tr data-testid=\"source-").Append(H(source.Id)).Append("\"><th scope=\"row\">").Append(H(source.DisplayName ?? source.Id))
                .Append(source.DisplayName is null ? "" : "<br><span class=\"muted small\">" + H(source.Id) + "</span>").Append("</th>")
                .Append("<td><span class=\"status ").Append(healthy ? "ok" : source.Outcome is null or "never-polled" or "disabled" ? "idle" : "bad").Append("\">")
                .Append(H(source.Outcome ?? "unknown")).Append("</span><br><span class=\"small\">failures in a row: <span data-testid=\"failures-").Append(H(source.Id)).Append("\">")
                .Append(source.ConsecutiveFailures?.ToString(Invariant) ?? "—").Append("</span>")
                .Append(source.LatencyMs is { } ms ? " · " + H(ms.ToString("0", Invariant) + " ms") : "")
                .Append(source.CircuitState is { } circuit ? " · circuit " + H(circuit) : "").Append("</span></td>")
                .Append("<td class=\"small\">").Append(H(Stamp(source.LastPoll))).Append("<br>").Append(H(Stamp(source.LastSuccess))).Append("</td>")
                .Append("<td class=\"small\">");
            if (source.LastErrorClass is not null || source.LastError is not null)
            {
                html.Append("<strong>").Append(H(source.LastErrorClass ?? "error")).Append("</strong> ").Append(H(Stamp(source.LastErrorAt)))
                    .Append("<br>").Append(H(Clip(source.LastError ?? "", 120)));
            }
            else
            {
                html.Append('—');
            }

            html.Append("</td><td class=\"small\">").Append(source.ItemsKnown?.ToString(Invariant) ?? "—").Append(" items · gaps: ")
                .Append(source.SequenceGaps.Count == 0 ? "none" : H(string.Join(", ", source.SequenceGaps)));
            foreach (var note in source.Notes)
            {
                // Unread or deferred rows and suspect listings: a healthy poll does not clear them (issue 12).
                html.Append("<br><span data-testid=\"note-").Append(H(source.Id)).Append("\">").Append(H(Clip(note, 200))).Append("</span>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</tbody></table></section>");
    }

    private static void QueuesSection(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card wide\"><h2>Queues and dead letters</h2><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Subscription</th><th scope=\"col\">Waiting</th><th scope=\"col\">Dead letters</th></tr></thead><tbody>");
        foreach (var queue in model.Queues)
        {
            html.Append("<tr><th scope=\"row\">").Append(H(queue.Subscription)).Append("</th><td data-testid=\"queue-").Append(H(queue.Subscription)).Append("-active\">")
                .Append(queue.Active?.ToString(Invariant) ?? "unknown").Append("</td><td data-testid=\"queue-").Append(H(queue.Subscription)).Append("-dead\"")
                .Append(queue.DeadLettered > 0 ? " class=\"bad-text\"" : "").Append('>').Append(queue.DeadLettered?.ToString(Invariant) ?? "unknown").Append("</td></tr>");
        }

        html.Append("</tbody></table></div>");
        if (model.Queues.Any(q => q.Active is null || q.DeadLettered is null))
        {
            html.Append("<p class=\"muted small\" data-testid=\"queues-unknown\">Depths are unknown: reading them needs the Service Bus Manage right, which this app does not hold (see docs/operations.md). Dead letters below are read with the receive right.</p>");
        }

        html.Append(model.DeadLetters.Count == 0 ? "<p>No dead letters.</p>" : "<p>Dead letters and their Replay buttons are at the top, under “Is anything wrong?”.</p>");
        html.Append("</section>");
    }

    private void RecentChangesSection(StringBuilder html, DashboardModel model)
    {
        html.Append("<section class=\"card wide\"><h2>Recent changes</h2>");
        if (model.RecentChanges.Count == 0)
        {
            html.Append("<p>No changes yet.</p></section>");
            return;
        }

        html.Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Detected</th><th scope=\"col\">Change</th><th scope=\"col\">Title</th><th scope=\"col\">Source</th></tr></thead><tbody>");
        foreach (var change in model.RecentChanges)
        {
            html.Append("<tr data-testid=\"recent-change\"><td class=\"nowrap\">").Append(H(Stamp(change.DetectedAt))).Append("</td><td>").Append(H(KindLabel(change.Kind)))
                .Append("</td><td class=\"cjk\"><a href=\"").Append(H(Link("/changes/"))).Append(H(Uri.EscapeDataString(change.ChangeId))).Append("\">").Append(H(change.Title)).Append("</a></td><td>")
                .Append(H(change.SourceId)).Append("</td></tr>");
        }

        html.Append("</tbody></table></div></section>");
    }

    private sealed record Bar(string Label, long Value, string Colour, string TestId);

    /// <summary>Horizontal bars with the label on the left and the number on the right, in an SVG that scales with its card.</summary>
    private static void BarChart(StringBuilder html, string title, IReadOnlyList<Bar> rows)
    {
        const int rowHeight = 30, labelWidth = 125, barMax = 220, width = 400;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Value));
        var height = rows.Count * rowHeight + 8;
        html.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"").Append(H(title)).Append("\"><title>").Append(H(title)).Append("</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = i * rowHeight + 4;
            var barWidth = row.Value == 0 ? 0 : Math.Max(2, (int)(barMax * row.Value / max));
            html.Append("<text x=\"0\" y=\"").Append(y + 19).Append("\" class=\"label\">").Append(H(row.Label)).Append("</text>")
                .Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y + 4).Append("\" width=\"").Append(barWidth).Append("\" height=\"20\" rx=\"3\" fill=\"").Append(row.Colour).Append("\"><title>")
                .Append(H(row.Label)).Append(": ").Append(row.Value.ToString(Invariant)).Append("</title></rect>")
                .Append("<text x=\"").Append(labelWidth + barWidth + 8).Append("\" y=\"").Append(y + 19).Append("\" class=\"value\" data-testid=\"").Append(H(row.TestId)).Append("\">")
                .Append(row.Value.ToString(Invariant)).Append("</text>");
        }

        html.Append("</svg>");
    }

    /// <summary>Vertical columns, one per day, the count above each column and every other date below.</summary>
    private static void ColumnChart(StringBuilder html, string title, List<(string Label, long Value)> columns)
    {
        const int width = 400, height = 180, top = 20, bottom = 150;
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(c => c.Value));
        var step = columns.Count == 0 ? width : width / columns.Count;
        html.Append("<svg class=\"chart\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" role=\"img\" aria-label=\"").Append(H(title)).Append("\"><title>").Append(H(title)).Append("</title>")
            .Append("<line x1=\"0\" y1=\"").Append(bottom).Append("\" x2=\"").Append(width).Append("\" y2=\"").Append(bottom).Append("\" stroke=\"#64748b\"/>");
        for (var i = 0; i < columns.Count; i++)
        {
            var (label, value) = columns[i];
            var columnHeight = (int)((bottom - top) * value / max);
            var x = i * step + 4;
            html.Append("<rect x=\"").Append(x).Append("\" y=\"").Append(bottom - columnHeight).Append("\" width=\"").Append(step - 8).Append("\" height=\"").Append(columnHeight)
                .Append("\" fill=\"#1d4ed8\"><title>").Append(H(label)).Append(": ").Append(value.ToString(Invariant)).Append("</title></rect>");
            if (value > 0)
            {
                html.Append("<text x=\"").Append(x + (step - 8) / 2).Append("\" y=\"").Append(bottom - columnHeight - 4).Append("\" text-anchor=\"middle\" class=\"value\">").Append(value.ToString(Invariant)).Append("</text>");
            }

            // Every other day, counted back from today so today always has its label.
            if ((columns.Count - 1 - i) % 2 == 0)
            {
                html.Append("<text x=\"").Append(x + (step - 8) / 2).Append("\" y=\"").Append(bottom + 18).Append("\" text-anchor=\"middle\" class=\"label\">").Append(H(label)).Append("</text>");
            }
        }

        html.Append("</svg>");
    }

    private static void Segments(StringBuilder html, IReadOnlyList<DiffSegment> segments, string language)
    {
        html.Append("<div class=\"text diff\" data-testid=\"diff\" lang=\"").Append(H(language)).Append("\">");
        foreach (var segment in segments)
        {
            html.Append(segment.Operation switch
            {
                DiffOperation.Delete => "<del>",
                DiffOperation.Insert => "<ins>",
                _ => "",
            }).Append(H(segment.Text)).Append(segment.Operation switch
            {
                DiffOperation.Delete => "</del>",
                DiffOperation.Insert => "</ins>",
                _ => "",
            });
        }

        html.Append("</div>");
    }

    private static void Fact(StringBuilder html, string name, string value, string? testId)
    {
        html.Append("<dt>").Append(H(name)).Append("</dt><dd");
        if (testId is not null)
        {
            html.Append(" data-testid=\"").Append(H(testId)).Append('"');
        }

        html.Append('>').Append(H(value)).Append("</dd>");
    }

    private static void Head(StringBuilder html, string title, int? refreshSeconds)
    {
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds is { } seconds)
        {
            html.Append("<meta http-equiv=\"refresh\" content=\"").Append(seconds.ToString(Invariant)).Append("\">");
        }

        html.Append("<meta name=\"referrer\" content=\"no-referrer\"><title>").Append(H(title)).Append("</title><style>").Append(Css).Append("</style></head><body>");
    }

    private static void Foot(StringBuilder html) => html.Append("</body></html>");

    private const string Css =
        ":root{color-scheme:light;--ink:#111827;--muted:#4b5563;--line:#d1d5db;--bg:#f3f4f6}" +
        "*{box-sizing:border-box}" +
        "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK SC','Noto Sans CJK JP','Hiragino Sans','Microsoft YaHei','Yu Gothic',sans-serif;color:var(--ink);background:var(--bg)}" +
        "header,main{max-width:1240px;margin:0 auto;padding:0 16px}header{padding-top:12px}h1{font-size:1.6rem;margin:.4em 0}h2{font-size:1.15rem;margin:.2em 0 .5em}h3{font-size:1rem}" +
        "a{color:#1d4ed8}a:focus,button:focus,input:focus{outline:3px solid #f59e0b;outline-offset:2px}" +
        ".muted{color:var(--muted)}.small{font-size:.85rem}.big{font-size:1.6rem;margin:.2em 0}.nowrap{white-space:nowrap}" +
        ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:16px}" +
        ".card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:0 0 16px}.wide{margin-top:16px}" +
        ".chart{width:100%;height:auto;display:block}.chart .label{font-size:15px;fill:#1f2937}.chart .value{font-size:15px;font-weight:700;fill:#111827}.chart{max-width:560px}" +
        ".attention{border:2px solid #b91c1c}.attention .problems{margin:0;padding-left:1.1em}.attention .problems>li{margin:.35em 0}" +
        "table.sources{table-layout:fixed}table.sources td,table.sources th{overflow-wrap:anywhere}" +
        ".scroll{overflow-x:auto}.scroll table{min-width:640px}table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}thead th{background:#f9fafb}" +
        ".status{display:inline-block;padding:0 8px;border-radius:10px;font-weight:600}.status.ok{background:#dcfce7;color:#14532d}.status.bad{background:#fee2e2;color:#7f1d1d}.status.idle{background:#e5e7eb;color:#1f2937}" +
        ".bad-text{color:#b91c1c;font-weight:700}.flash{background:#dcfce7;border:1px solid #15803d;padding:8px 12px;border-radius:6px}.error{color:#b91c1c;font-weight:600}" +
        ".badge{color:#fff;padding:1px 8px;border-radius:10px;font-weight:700;text-transform:uppercase;font-size:.8rem}" +
        ".gloss{font-style:italic;color:#374151}blockquote{margin:4px 0 8px;padding:4px 10px;border-left:3px solid var(--line);background:#f9fafb}" +
        ".text{white-space:pre-wrap;overflow-wrap:anywhere;line-break:strict;font-size:1.05rem;line-height:1.8}" +
        "del{background:#fee2e2;color:#7f1d1d;text-decoration:line-through}ins{background:#dcfce7;color:#14532d;text-decoration:underline}" +
        ".facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px}.facts dt{font-weight:600}.facts dd{margin:0}" +
        ".letters{list-style:none;padding:0}.letters li{border-top:1px solid var(--line);padding:6px 0}" +
        "form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}input{font:inherit;padding:6px 8px;border:1px solid #6b7280;border-radius:4px;min-width:12rem}" +
        "button{font:inherit;padding:6px 14px;border:0;border-radius:4px;background:#1d4ed8;color:#fff;cursor:pointer}" +
        ".sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}" +
        "@media (max-width:600px){h1{font-size:1.3rem}body{font-size:15px}th,td{padding:4px 6px}}";

    private static string Stamp(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant) : "—";

    private static string ReasonName(ReasonKind kind) => kind switch
    {
        ReasonKind.Category => "Category",
        ReasonKind.Term => "Term",
        ReasonKind.Hs => "HS code",
        ReasonKind.ControlCode => "Control code",
        ReasonKind.Counterparty => "Counterparty",
        ReasonKind.BroadMeasure => "Broad measure",
        _ => "Destination",
    };

    private static string KindLabel(ChangeKind kind) => kind switch
    {
        ChangeKind.Added => "added",
        ChangeKind.Amended => "amended",
        ChangeKind.Withdrawn => "withdrawn",
        ChangeKind.MirrorConflict => "mirror conflict",
        _ => "baseline",
    };
}
