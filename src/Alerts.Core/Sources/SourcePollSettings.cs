namespace Alerts.Core.Sources;

/// <summary>
/// How one poll of a source treats its detail pages: how many it fetches at most, how it backs off from a row whose
/// notice could not be read, and which hosts besides the polled origin the source's links may point at. Bound from
/// <c>Sources:&lt;id&gt;</c> (<see cref="SourceOptions"/>) by <see cref="SourceCatalog"/>.
/// </summary>
public sealed record SourcePollSettings
{
    /// <summary>A hostile or broken listing of 2,000 rows must not cost 2,000 requests at the politeness delay (issue 12).</summary>
    public const int DefaultMaxDetailFetchesPerPoll = 50;

    public static SourcePollSettings Default { get; } = new();

    public int MaxDetailFetchesPerPoll { get; init; } = DefaultMaxDetailFetchesPerPoll;

    /// <summary>An unread row is tried again no sooner than this × 2^(attempts − 1) after its last try.</summary>
    public TimeSpan UnreadRetryBaseDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest back-off: a row unread for days is still tried a few times a day.</summary>
    public TimeSpan UnreadRetryMaxDelay { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Live notices' detail pages are re-read four times a day unless <c>Sources:&lt;id&gt;:RevalidateSchedule</c> says otherwise.</summary>
    public const string DefaultRevalidateSchedule = "0 0 */6 * * *";

    /// <summary>NCRONTAB with seconds, UTC, of the revalidation of live notices (<see cref="SourceOptions.RevalidateSchedule"/>).</summary>
    public string RevalidateSchedule { get; init; } = DefaultRevalidateSchedule;

    /// <summary>Mirrors and sister hosts (configured) whose links this source may follow besides its official hosts.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];
}
