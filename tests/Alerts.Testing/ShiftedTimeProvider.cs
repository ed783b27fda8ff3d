namespace Alerts.Testing;

/// <summary>
/// Real time, moved to another date: timers and delays run as usual, but "now" reads as if it were <c>start</c> when the
/// provider was made. For hosts whose background loops must really run while the date stays fixed (the MOFCOM index
/// path depends on the year).
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
