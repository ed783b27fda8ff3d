using System.Globalization;

namespace Alerts.Core.Changes;

/// <summary>
/// What a source's health must say besides its last outcome, in words an operator acts on: rows whose notice is still
/// unread ("1 row unread since 2026-11-28 09:12 UTC: server-error HTTP 503"), rows deferred by the detail-fetch cap,
/// suspect listings, and dated listing rows skipped for a link that is not a notice page (issue 15). A poll can be
/// healthy while one of these stands: that is why they are listed, not hidden (issue 12).
/// </summary>
public static class SourceHealthNotes
{
    public static IReadOnlyList<string> Of(SourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var notes = new List<string>();
        var unread = snapshot.Unread.Values.Where(u => !u.Deferred).OrderBy(u => u.Since).ToList();
        if (unread.Count > 0)
        {
            var oldest = unread[0];
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{unread.Count} {(unread.Count == 1 ? "row" : "rows")} unread since {oldest.Since.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {oldest.Reason} ({oldest.Item.Url}, {oldest.Attempts} attempt(s))"));
        }

        var deferred = snapshot.Unread.Values.Count(u => u.Deferred);
        if (deferred > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{deferred} {(deferred == 1 ? "row" : "rows")} deferred to the next poll (detail-fetch cap)"));
        }

        notes.AddRange(snapshot.SuspectListings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
        notes.AddRange(snapshot.SkippedRows.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
        return notes;
    }
}
