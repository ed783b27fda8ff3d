using System.Globalization;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Notices.Annexes;

namespace Alerts.Core.Sources;

/// <summary>
/// Fetches and reads the annexes of a new or changed notice: each attachment through the source's own
/// <see cref="IPageFetcher"/> (its caps, retries and politeness), only on the source's hosts, hashed (SHA-256, so a
/// replaced file is an amendment) and read by <see cref="AnnexTextReader"/>; then
/// <see cref="NoticeReader.WithAnnexes"/> merges what the annexes list. An annex that is unreachable, too large or
/// broken is a warning on the notice, never a failed poll.
/// </summary>
public sealed class AnnexFetcher(IPageFetcher fetcher)
{
    /// <summary>MOFCOM notices carry one to three annexes; a page linking more is a law index (METI's anpo pages), not a notice's annexes.</summary>
    public const int MaxAnnexesPerNotice = 10;

    public Task<(Notice Notice, int Requests)> ReadAsync(Notice notice, SourceDescriptor descriptor, Uri baseUrl, CancellationToken cancellationToken) =>
        ReadAsync(notice, descriptor, baseUrl, null, cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync(Notice, SourceDescriptor, Uri, CancellationToken)"/>; with <paramref name="conditional"/>
    /// an annex read before is asked for with its validators, and a 304 keeps what it said then (its hash and text).
    /// </summary>
    public async Task<(Notice Notice, int Requests)> ReadAsync(Notice notice, SourceDescriptor descriptor, Uri baseUrl, ConditionalReads? conditional, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (notice.Attachments.Count == 0)
        {
            return (notice, 0);
        }

        var requests = 0;
        var warnings = new List<string>();
        var attachments = new List<Attachment>();
        var fetched = new List<FetchedPage>();
        foreach (var attachment in notice.Attachments)
        {
            if (attachments.Count >= MaxAnnexesPerNotice)
            {
                attachments.Add(attachment);
                continue;
            }

            if (!Uri.TryCreate(attachment.Url, UriKind.Absolute, out var linked) || (linked.Scheme != Uri.UriSchemeHttp && linked.Scheme != Uri.UriSchemeHttps))
            {
                warnings.Add($"annex not fetched (not a web link): {attachment.Title}");
                attachments.Add(attachment);
                continue;
            }

            // Only the source's own hosts (mapped onto the origin it is polled from): an annex is never a way off-site.
            var url = SourceUrls.MapToOrigin(linked, baseUrl, descriptor);
            if (!string.Equals(url.Authority, baseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            {
                warnings.Add($"annex not fetched ({url.Host} is not a host of {descriptor.Id}): {attachment.Title}");
                attachments.Add(attachment);
                continue;
            }

            var request = new FetchRequest(descriptor.Id, url) { Binary = true };
            var before = conditional?.Previous(attachment.Url);
            if (before is not null && conditional!.Known.TryGetValue(url.ToString(), out var known))
            {
                request = request with { ETag = known.ETag, LastModified = known.LastModified };
            }

            var result = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);
            requests++;
            conditional?.Remember(url, request, result);
            if (result.Outcome == FetchOutcome.NotModified && before is not null)
            {
                attachments.Add(attachment with { Sha256 = before.Sha256, Text = before.Text });
                continue;
            }

            if (!result.IsOk || result.Bytes is null)
            {
                warnings.Add($"annex not fetched ({result.Outcome.ToWire()}{(result.Detail is { Length: > 0 } d ? ", " + d : "")}): {attachment.Title}");
                attachments.Add(attachment);
                continue;
            }

            var read = AnnexTextReader.Read(result.Bytes, attachment.Title, url.ToString());
            if (read.Warning is not null)
            {
                warnings.Add(read.Warning);
            }

            var page = new FetchedPage(FetchedRole.Annex, url.ToString(), result.Bytes, result.ContentType, result.FetchedAt);
            fetched.Add(page);
            attachments.Add(attachment with { Sha256 = page.Sha256, Text = read.Text });
        }

        if (notice.Attachments.Count > MaxAnnexesPerNotice)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{notice.Attachments.Count - MaxAnnexesPerNotice} more annexes not fetched (at most {MaxAnnexesPerNotice} a notice)"));
        }

        var withAnnexes = NoticeReader.WithAnnexes(notice, attachments, warnings);
        return (withAnnexes with { Fetched = [.. notice.Fetched, .. fetched] }, requests);
    }
}
