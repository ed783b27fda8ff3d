using System.Text.Json.Serialization;

namespace Alerts.Core.Measures;

/// <summary>Where a measure (or one of its clauses) stands on a date. Serialised in kebab case (<c>in-force</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeasureState>))]
public enum MeasureState
{
    /// <summary>Published, not yet effective.</summary>
    [JsonStringEnumMemberName("announced")] Announced,

    /// <summary>Effective (again, once a suspension window has ended).</summary>
    [JsonStringEnumMemberName("in-force")] InForce,

    /// <summary>Inside a suspension window another notice set.</summary>
    [JsonStringEnumMemberName("suspended")] Suspended,

    /// <summary>Stopped, cancelled or repealed by another notice.</summary>
    [JsonStringEnumMemberName("lifted")] Lifted,
}

/// <summary>
/// One measure, or one clause of it when a clause-level relation acts on it, as it stands on a date.
/// <see cref="Since"/> is the first day of <see cref="State"/>, <see cref="Until"/> its last day, each when the graph knows it.
/// </summary>
public sealed record MeasureLine(
    string Key,
    string? Number,
    string? Clause,
    string? Title,
    MeasureState State,
    DateOnly? Since,
    DateOnly? Until,
    IReadOnlyList<MeasureLink> Relations);

/// <summary>
/// A link from this measure: what it does to another (<c>suspends</c>, <c>lifts</c>, <c>amends</c>, <c>supersedes</c>,
/// <c>implements</c>, <c>answers</c>, <c>resumes</c>, <c>cites</c>), or what another does to it, in the passive
/// (<c>suspended-by</c>, <c>lifted-by</c>, <c>amended-by</c>, <c>superseded-by</c>, <c>implemented-by</c>, <c>answered-by</c>, …).
/// </summary>
public sealed record MeasureLink(string Kind, string Key);
