using System.Text.Json.Serialization;
using Alerts.Core.Changes;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Alerts;

[JsonConverter(typeof(JsonStringEnumConverter<ReasonKind>))]
public enum ReasonKind
{
    [JsonStringEnumMemberName("category")] Category,
    [JsonStringEnumMemberName("term")] Term,
    [JsonStringEnumMemberName("hs")] Hs,
    [JsonStringEnumMemberName("control-code")] ControlCode,
    [JsonStringEnumMemberName("counterparty")] Counterparty,
    [JsonStringEnumMemberName("broad-measure")] BroadMeasure,
    [JsonStringEnumMemberName("destination")] Destination,
}

/// <summary>Why a notice reached a company: what matched and the original text around it (±40 characters).</summary>
public sealed record AlertReason(ReasonKind Kind, string Value, string Snippet);

/// <summary>A notice matched to one company, with its severity and reasons.</summary>
public sealed record Alert
{
    /// <summary><c>{change id}.{company id}</c> (<see cref="IdFor"/>): the same change and company always give the same id, so upserts are idempotent.</summary>
    public required string AlertId { get; init; }

    public required string ChangeId { get; init; }

    public required string CompanyId { get; init; }

    public required Severity Severity { get; init; }

    public IReadOnlyList<AlertReason> Reasons { get; init; } = [];

    /// <summary>
    /// One English sentence: what the notice does and why it concerns this company ("TDK Corporation, your
    /// counterparty, is added to China's Export Control Watch List (MOFCOM Announcement 2026 No.12), …").
    /// </summary>
    public string Explanation { get; init; } = "";

    /// <summary>The operative text the explanation rests on (the listing line, the controlled item), as printed.</summary>
    public string Snippet { get; init; } = "";

    /// <summary>Taxonomy categories the notice touched for this company.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public required string NoticeKey { get; init; }

    public required string SourceId { get; init; }

    public required string Title { get; init; }

    /// <summary>English gloss of the title, from the glossary and taxonomy.</summary>
    public string? TitleGloss { get; init; }

    public string? Number { get; init; }

    public string? Url { get; init; }

    public DateOnly? Published { get; init; }

    public DateOnly? Effective { get; init; }

    /// <summary>
    /// For a relief with a window (a suspension "until 2026-11-27"), the window's last day: what the company must be
    /// ready for is the day after, when the controls apply again. Null when the notice sets no window with an end.
    /// </summary>
    public DateOnly? WindowEnds { get; init; }

    public string Measure { get; init; } = "other";

    public IReadOnlyList<string> Destinations { get; init; } = [];

    /// <summary>What the reader could not reconcile in the notice (a stated entity count that differs, an unread annex).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>What happened to the notice: <c>added</c> (told as NEW), <c>amended</c> or <c>withdrawn</c> (issue 15, item 1).</summary>
    public ChangeKind Kind { get; init; } = ChangeKind.Added;

    /// <summary>For an amendment, what changed between the two versions in short parts ("effective date 2026-07-01 → 2026-07-15", "+1 entity (Howa Machinery)").</summary>
    public IReadOnlyList<string> WhatChanged { get; init; } = [];

    /// <summary>For a withdrawal, the day the page was found removed.</summary>
    public DateOnly? RemovedOn { get; init; }

    /// <summary>
    /// False for an amendment that changes nothing this company watches (none of its matches is in the changed fields or
    /// text): it is not pushed again by e-mail or Teams, only listed in the digest.
    /// </summary>
    public bool TouchesWatch { get; init; } = true;

    /// <summary>
    /// The change id and the company id joined with a dot. Company ids never contain one (lower-case letters, digits and
    /// '-'), so the split at the last dot recovers both: unique by construction, readable in logs and the ledger, at most
    /// 32 + 1 + 64 characters, and no hash to compute (the matcher makes hundreds of these for one broad measure).
    /// </summary>
    public static string IdFor(string changeId, string companyId) => string.Concat(changeId, ".", companyId);
}
