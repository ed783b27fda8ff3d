using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Common;
using Alerts.Core.Delivery;
using Alerts.Core.Notices;

namespace Alerts.Core.Audit;

/// <summary>
/// A company's audit pack for a period (issue 19): per notice alerted to it in [from, to], the page and annexes exactly
/// as fetched, the change records and their diffs, every alert and delivery row, the assessment's events; an index
/// (HTML and CSV) and <c>manifest.json</c> (<c>[{"path","sha256"}]</c> of every other file) to verify it offline.
/// </summary>
public interface IAuditPackService
{
    /// <summary>Writes the zip to <paramref name="output"/>. The same data and period give the same bytes.</summary>
    Task BuildAsync(string companyId, DateOnly from, DateOnly to, Stream output, CancellationToken cancellationToken);
}

/// <summary>
/// Deterministic by construction: notices in the order of their first alert, files in a fixed order inside each,
/// every timestamp from the data (a page's fetch time, otherwise the end of the period), never from now.
/// </summary>
public sealed class AuditPackService(
    IAlertStore alerts,
    IChangeArchive changes,
    IDeliveryLedger ledger,
    IPageArchive pages,
    IAssessmentStore? assessments = null) : IAuditPackService
{
    /// <summary>Far more than any company is alerted in a period; the query needs a bound.</summary>
    private const int MaxAlerts = 100_000;

    public async Task BuildAsync(string companyId, DateOnly from, DateOnly to, Stream output, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(companyId);
        ArgumentNullException.ThrowIfNull(output);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var until = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var stamp = until.AddSeconds(-2); // the period's last instant a zip (2-second DOS time) can say
        var found = await alerts.QueryAsync(new AlertQuery { CompanyId = companyId, Since = since, Until = until, Limit = MaxAlerts }, cancellationToken).ConfigureAwait(false);
        var notices = found
            .Where(a => a.CompanyId == companyId)
            .GroupBy(a => a.NoticeKey, StringComparer.Ordinal)
            .Select(g => g.OrderBy(a => a.CreatedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal).ToList())
            .OrderBy(g => g[0].CreatedAt).ThenBy(g => g[0].NoticeKey, StringComparer.Ordinal)
            .ToList();

        var files = new List<PackFile>();
        var rows = new List<IndexRow>();
        for (var n = 0; n < notices.Count; n++)
        {
            var noticeAlerts = notices[n];
            var first = noticeAlerts[0];
            var folder = string.Create(CultureInfo.InvariantCulture, $"notices/{n + 1:D3}-{Slug(first.NoticeKey)}/");
            void Add(string kind, string path, byte[] bytes, DateTimeOffset at, string? url = null, DateTimeOffset? fetchedAt = null)
            {
                files.Add(new PackFile(path, bytes, at));
                rows.Add(new IndexRow(first, kind, path, Sha256(bytes), url, fetchedAt));
            }

            foreach (var changeId in noticeAlerts.Select(a => a.ChangeId).Distinct(StringComparer.Ordinal))
            {
                var record = await changes.GetAsync(changeId, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    continue;
                }

                var changeFolder = folder + "changes/" + Slug(changeId) + "/";
                foreach (var page in record.Pages.DistinctBy(p => p.Sha256))
                {
                    var bytes = await pages.ReadAsync(page.Sha256, cancellationToken).ConfigureAwait(false);
                    if (bytes is null)
                    {
                        // Pruned after its retention, or fetched before pages were kept: said, not hidden.
                        rows.Add(new IndexRow(first, page.Role == FetchedRole.Page ? "page (not kept)" : "annex (not kept)", "", page.Sha256, page.Url, page.FetchedAt));
                        continue;
                    }

                    var kind = page.Role == FetchedRole.Page ? "page" : "annex";
                    Add(kind, changeFolder + kind + "-" + page.Sha256 + Extension(page), bytes, page.FetchedAt, page.Url, page.FetchedAt);
                }

                Add("change", changeFolder + "change.json", Json(record), record.Change.DetectedAt);
                var diff = record.Diff ?? (record.Previous is { } before ? TextDiff.Render(before.Body, record.Notice.Body) : null);
                if (diff is { Length: > 0 })
                {
                    Add("diff", changeFolder + "diff.txt", Encoding.UTF8.GetBytes(diff), record.Change.DetectedAt);
                }
            }

            Add("alerts", folder + "alerts.json", Json(noticeAlerts), noticeAlerts[^1].CreatedAt);
            var deliveries = new List<DeliveryRecord>();
            foreach (var alert in noticeAlerts)
            {
                deliveries.AddRange(await ledger.ListAsync(alert.AlertId, cancellationToken).ConfigureAwait(false));
            }

            Add("deliveries", folder + "deliveries.json", Json(deliveries), deliveries.Count == 0 ? stamp : deliveries.Max(d => d.At));
            var events = assessments is null ? [] : await assessments.ListEventsAsync(companyId, first.NoticeKey, cancellationToken).ConfigureAwait(false);
            Add("assessment-events", folder + "assessment-events.json", Json(events.OrderBy(e => e.Sequence).ToList()), events.Count == 0 ? stamp : events.Max(e => e.At));
        }

        files.Add(new PackFile("index.csv", Encoding.UTF8.GetBytes(Csv(rows)), stamp));
        files.Add(new PackFile("index.html", Encoding.UTF8.GetBytes(Html(companyId, from, to, rows)), stamp));
        var manifest = files.Select(f => new ManifestEntry(f.Path, Sha256(f.Bytes))).ToList();
        files.Add(new PackFile("manifest.json", Json(manifest), stamp));

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Path, CompressionLevel.Optimal);
                entry.LastWriteTime = Clamp(file.At);
                var stream = entry.Open();
                await using (stream.ConfigureAwait(false))
                {
                    await stream.WriteAsync(file.Bytes, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One line of <c>manifest.json</c>.</summary>
    public sealed record ManifestEntry(string Path, string Sha256);

    private sealed record PackFile(string Path, byte[] Bytes, DateTimeOffset At);

    private sealed record IndexRow(Alert Notice, string Kind, string Path, string Sha256, string? Url, DateTimeOffset? FetchedAt);

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, AlertsJson.Indented);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A zip stores DOS time (1980–2107) without an offset: UTC, so the bytes do not depend on the machine's zone.</summary>
    private static DateTimeOffset Clamp(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        var min = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return utc < min ? min : new DateTimeOffset(utc.UtcDateTime, TimeSpan.Zero);
    }

    /// <summary>A path segment from a notice key or id (<c>cn-mofcom:2026:11</c> → <c>cn-mofcom-2026-11</c>).</summary>
    private static string Slug(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length > 80 ? slug[..80] : slug.Length == 0 ? "notice" : slug;
    }

    private static string Extension(ArchivedPage page)
    {
        var fromUrl = Uri.TryCreate(page.Url, UriKind.Absolute, out var url) ? Path.GetExtension(url.AbsolutePath) : "";
        if (fromUrl.Length is > 1 and <= 6 && fromUrl.Skip(1).All(char.IsAsciiLetterOrDigit))
        {
            return fromUrl.ToLowerInvariant();
        }

        return page.ContentType switch
        {
            "text/html" => ".html",
            "application/pdf" => ".pdf",
            _ => ".bin",
        };
    }

    private static string Csv(IReadOnlyList<IndexRow> rows)
    {
        var builder = new StringBuilder("notice_key,number,title,first_alerted,kind,path,sha256,url,fetched_at\r\n");
        foreach (var row in rows)
        {
            builder.AppendJoin(',', [
                Cell(row.Notice.NoticeKey), Cell(row.Notice.Number), Cell(row.Notice.Title),
                Cell(row.Notice.CreatedAt.ToString("O", CultureInfo.InvariantCulture)), Cell(row.Kind), Cell(row.Path), Cell(row.Sha256),
                Cell(row.Url), Cell(row.FetchedAt?.ToString("O", CultureInfo.InvariantCulture))]);
            builder.Append("\r\n");
        }

        return builder.ToString();

        // RFC 4180 quoting; a leading = + - @ is quoted with an apostrophe so a spreadsheet never runs it as a formula.
        static string Cell(string? value)
        {
            value ??= "";
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
            {
                value = "'" + value;
            }

            return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('\'') ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        }
    }

    private static string Html(string companyId, DateOnly from, DateOnly to, IReadOnlyList<IndexRow> rows)
    {
        var builder = new StringBuilder();
        builder.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Audit pack ")
            .Append(WebUtility.HtmlEncode(companyId)).Append("</title></head><body>")
            .Append("<h1>Audit pack: ").Append(WebUtility.HtmlEncode(companyId)).Append("</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Notices alerted from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (UTC). Every file's SHA-256 is in manifest.json.</p>");
        foreach (var notice in rows.GroupBy(r => r.Notice.NoticeKey, StringComparer.Ordinal))
        {
            var first = notice.First().Notice;
            builder.Append("<h2>").Append(WebUtility.HtmlEncode(first.Number is { Length: > 0 } number ? number + " " : ""))
                .Append(WebUtility.HtmlEncode(first.Title)).Append("</h2><p>")
                .Append(WebUtility.HtmlEncode(first.NoticeKey)).Append(", first alerted ")
                .Append(first.CreatedAt.ToString("O", CultureInfo.InvariantCulture)).Append("</p>")
                .Append("<table><tr><th>What</th><th>File</th><th>SHA-256</th><th>Fetched from</th><th>Fetched at</th></tr>");
            foreach (var row in notice)
            {
                var file = row.Path.Length == 0 ? "(not kept)" : $"<a href=\"{WebUtility.HtmlEncode(row.Path)}\">{WebUtility.HtmlEncode(row.Path)}</a>";
                builder.Append("<tr><td>").Append(WebUtility.HtmlEncode(row.Kind)).Append("</td><td>").Append(file)
                    .Append("</td><td><code>").Append(row.Sha256).Append("</code></td><td>").Append(WebUtility.HtmlEncode(row.Url ?? ""))
                    .Append("</td><td>").Append(row.FetchedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "").Append("</td></tr>");
            }

            builder.Append("</table>");
        }

        return builder.Append("</body></html>").ToString();
    }
}
