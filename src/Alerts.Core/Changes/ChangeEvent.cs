using System.Text.Json.Serialization;
using Alerts.Core.Notices;
using Alerts.Core.Common;

namespace Alerts.Core.Changes;

[JsonConverter(typeof(JsonStringEnumConverter<ChangeKind>))]
public enum ChangeKind
{
    /// <summary>Seen on the first poll of a source; stored, not published unless asked.</summary>
    [JsonStringEnumMemberName("baseline")] Baseline,
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("amended")] Amended,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn,
    [JsonStringEnumMemberName("mirror-conflict")] MirrorConflict,
}

/// <summary>
/// The message that travels on the bus: small, versioned, deterministic. The full text and the diff stay in the
/// store and are fetched by <see cref="ChangeId"/> (claim check).
/// </summary>
public sealed record ChangeEvent
{
    public const int CurrentSchemaVersion = 1;

    /// <summary>hash(source, notice key, version hash): a re-send after a crash carries the same id.</summary>
    public required string ChangeId { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required ChangeKind Kind { get; init; }

    public required string SourceId { get; init; }

    public required string NoticeKey { get; init; }

    /// <summary>Hash of the notice version this change leads to.</summary>
    public required string VersionHash { get; init; }

    public string? Number { get; init; }

    public required string Title { get; init; }

    public string? Url { get; init; }

    public DateOnly? Published { get; init; }

    public DateOnly? Effective { get; init; }

    public Measure Measure { get; init; }

    public IReadOnlyList<string> Destinations { get; init; } = [];

    public IReadOnlyList<ListedEntity> Entities { get; init; } = [];

    public IReadOnlyList<string> ControlCodes { get; init; } = [];

    public IReadOnlyList<string> HsCodes { get; init; } = [];

    /// <summary>What changed, in words ("effective 2026-11-10 → 2026-11-27").</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];

    public DateTimeOffset DetectedAt { get; init; }

    public static string IdFor(string sourceId, string noticeKey, string versionHash, ChangeKind kind) =>
        ContentHash.Short(sourceId, noticeKey, versionHash, kind.ToString());

    public static ChangeEvent From(Notice notice, ChangeKind kind, string versionHash, DateTimeOffset detectedAt, IReadOnlyList<string>? summary = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new ChangeEvent
        {
            ChangeId = IdFor(notice.SourceId, notice.Key, versionHash, kind),
            Kind = kind,
            SourceId = notice.SourceId,
            NoticeKey = notice.Key,
            VersionHash = versionHash,
            Number = notice.Number,
            Title = notice.Title,
            Url = notice.CanonicalUrl,
            Published = notice.Published,
            Effective = notice.Effective,
            Measure = notice.Measure,
            Destinations = notice.Destinations,
            Entities = notice.Entities,
            ControlCodes = notice.ControlCodes,
            HsCodes = notice.HsCodes,
            Summary = summary ?? [],
            DetectedAt = detectedAt,
        };
    }
}
