using System.Text.Json;
using System.Text.Json.Nodes;
using Alerts.Core;
using Alerts.Core.Notices;
using Alerts.Core.Common;

namespace Alerts.Cli.Commands;

/// <summary>
/// The one JSON shape of a notice's fields, shared by <c>alerts poll --json</c> (one line per change) and
/// <c>alerts match --json</c> (its <c>notice</c> object), so the same text gives the same fields whichever verb read it.
/// The body itself is left out (its hash is in); the annexes are listed with their hash.
/// </summary>
internal sealed record NoticeJson(
    string NoticeKey,
    string Source,
    IReadOnlyList<string> Issuers,
    string? Number,
    string Title,
    string Language,
    string? Url,
    IReadOnlyList<string> Urls,
    DateOnly? Published,
    bool PublishedFromListing,
    DateOnly? Effective,
    string Measure,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> Origins,
    IReadOnlyList<ListedEntity> Entities,
    int? StatedEntityCount,
    IReadOnlyList<string> ControlCodes,
    IReadOnlyList<string> HsCodes,
    IReadOnlyList<NoticeJson.AttachmentJson> Attachments,
    IReadOnlyList<MeasureWindow> Windows,
    IReadOnlyList<NoticeRelation> Relations,
    IReadOnlyList<string> Warnings,
    string BodyHash)
{
    public static NoticeJson From(Notice n)
    {
        ArgumentNullException.ThrowIfNull(n);
        return new(
            n.Key, n.SourceId, n.Issuers, n.Number, n.Title, n.Language, n.CanonicalUrl, n.Urls, n.Published, n.PublishedFromListing,
            n.Effective, n.Measure.ToWire(), n.Destinations, n.Origins, n.Entities, n.StatedEntityCount, n.ControlCodes, n.HsCodes,
            [.. n.Attachments.Select(a => new AttachmentJson(a.Title, a.Url, a.Sha256))], n.Windows, n.Relations, n.Warnings, n.BodyHash);
    }

    /// <summary>The fields as a JSON object, for a verb to add its own (the change id, the title gloss) around them.</summary>
    public static JsonObject Node(Notice notice) =>
        JsonSerializer.SerializeToNode(From(notice), AlertsJson.Web)!.AsObject();

    /// <summary>An annex: its link text, URL and the SHA-256 of the bytes fetched (null when not fetched).</summary>
    internal sealed record AttachmentJson(string Title, string Url, string? Sha256);
}
