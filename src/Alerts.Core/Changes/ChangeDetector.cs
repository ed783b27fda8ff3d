using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Fetching;
using Alerts.Core.Notices;
using Alerts.Core.Sources;
using Alerts.Core.Common;

namespace Alerts.Core.Changes;

/// <summary>The outcome of comparing one poll with the stored snapshot.</summary>
public sealed record DetectionResult(SourceSnapshot Snapshot, IReadOnlyList<ChangeRecord> Changes);

/// <summary>
/// Compares a poll with the snapshot: added, amended (with a diff and a summary in words), withdrawn (only on strong
/// evidence), mirror conflicts, baseline on a source's first healthy poll, and sequence gaps of numbered series.
/// </summary>
public static partial class ChangeDetector
{
    /// <summary>Healthy listings in a row without a notice before its detail page is checked for 404/410.</summary>
    public const int MissingPollsBeforeWithdrawal = 3;

    private const int MaxGapsPerSeries = 20;

    /// <summary>Answers whether a notice's detail page is gone (404/410) — the second half of withdrawal evidence.</summary>
    public delegate Task<bool> GoneCheck(Notice notice, CancellationToken cancellationToken);

    public static async Task<DetectionResult> DetectAsync(
        SourceSnapshot? previous,
        SourcePollResult result,
        bool hasNumberedSeries,
        DateTimeOffset now,
        GoneCheck isGone,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(isGone);
        var snapshot = previous ?? new SourceSnapshot(result.SourceId);
        var health = new PollHealth(now, result.Outcome)
        {
            Detail = result.Detail,
            Requests = result.Requests,
            Elapsed = result.Elapsed,
            Items = result.Items.Count,
            Warnings = result.Warnings,
        };

        // A failed, blocked or empty listing says nothing about the notices: record the health, change nothing else.
        if (!result.IsHealthy || (result.Outcome == FetchOutcome.Ok && result.Items.Count == 0 && result.Notices.Count == 0))
        {
            if (result.IsHealthy)
            {
                health = health with { Outcome = FetchOutcome.LayoutChanged, Detail = result.Detail ?? "the listing had no items" };
            }

            return new DetectionResult(snapshot.WithHealth(health), []);
        }

        var baseline = !snapshot.Baselined;
        var notices = new Dictionary<string, NoticeState>(snapshot.Notices, StringComparer.Ordinal);
        var changes = new List<ChangeRecord>();
        var listings = ListingsNow(snapshot, result, out var suspect, out var confirmedUnread);
        var listed = new HashSet<string>(listings.Values.SelectMany(l => l.Keys), StringComparer.Ordinal);
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        // Rows first seen on the baseline poll stay baseline when their notice is read later (no alert for old news).
        var baselineUrls = snapshot.Unread.Values.Where(u => u.Baseline).Select(u => u.Item.Url).ToHashSet(StringComparer.Ordinal);

        foreach (var group in result.Notices.GroupBy(n => n.Key, StringComparer.Ordinal))
        {
            seenKeys.Add(group.Key);
            var versions = group.GroupBy(VersionOf, StringComparer.Ordinal).ToList();
            var current = versions[0].First() with { Urls = group.SelectMany(n => n.Urls).Distinct(StringComparer.Ordinal).ToList() };
            var hash = versions[0].Key;
            if (versions.Count > 1)
            {
                var other = versions[1].First();
                changes.Add(MirrorConflict(current, other, versions.Select(v => v.Key), now));
            }

            if (notices.TryGetValue(group.Key, out var state) && !state.Withdrawn)
            {
                var urls = state.Notice.Urls.Concat(current.Urls).Distinct(StringComparer.Ordinal).ToList();
                if (state.VersionHash == hash)
                {
                    notices[group.Key] = state with { Notice = state.Notice with { Urls = urls }, LastSeen = now, ConsecutiveMissing = 0 };
                    continue;
                }

                // A new URL with another text while the known URL is still listed: two mirrors disagree, neither wins.
                var fromNewUrl = !current.Urls.Intersect(state.Notice.Urls, StringComparer.Ordinal).Any();
                if (fromNewUrl && state.Notice.Urls.Any(listed.Contains))
                {
                    changes.Add(MirrorConflict(state.Notice, current, [state.VersionHash, hash], now));
                    notices[group.Key] = state with { LastSeen = now, ConsecutiveMissing = 0 };
                    continue;
                }

                var amended = current with { Urls = urls };
                var kind = baseline ? ChangeKind.Baseline : ChangeKind.Amended;
                var summary = Summarize(state.Notice, amended);
                var diff = TextDiff.Render(state.Notice.Body, amended.Body);
                changes.Add(new ChangeRecord(ChangeEvent.From(amended, kind, hash, now, summary), amended, state.Notice, diff.Length == 0 ? null : diff));
                notices[group.Key] = state with { Notice = amended, VersionHash = hash, LastSeen = now, ConsecutiveMissing = 0 };
            }
            else
            {
                // A withdrawn notice that comes back is new again; its id must differ from the first "added".
                var eventHash = state is { Withdrawn: true } ? ContentHash.Short(hash, "reinstated", state.LastSeen.ToString("O", CultureInfo.InvariantCulture)) : hash;
                var kind = baseline || current.Urls.Any(baselineUrls.Contains) ? ChangeKind.Baseline : ChangeKind.Added;
                changes.Add(new ChangeRecord(ChangeEvent.From(current, kind, eventHash, now), current, null, null));
                notices[group.Key] = new NoticeState(current, hash, state?.FirstSeen ?? now, now);
            }
        }

        if (listed.Count > 0)
        {
            foreach (var (key, state) in notices.ToList())
            {
                if (seenKeys.Contains(key) || state.Withdrawn)
                {
                    continue;
                }

                if (state.Notice.Urls.Any(listed.Contains))
                {
                    notices[key] = state with { LastSeen = now, ConsecutiveMissing = 0 };
                    continue;
                }

                var missing = state with { ConsecutiveMissing = state.ConsecutiveMissing + 1 };
                if (missing.ConsecutiveMissing >= MissingPollsBeforeWithdrawal
                    && await isGone(state.Notice, cancellationToken).ConfigureAwait(false))
                {
                    missing = missing with { Withdrawn = true };
                    var summary = new[] { $"not listed for {missing.ConsecutiveMissing} healthy polls and its page is gone (404/410)" };
                    changes.Add(new ChangeRecord(ChangeEvent.From(state.Notice, ChangeKind.Withdrawn, state.VersionHash, now, summary), state.Notice, state.Notice, null));
                }

                notices[key] = missing;
            }
        }

        var unread = UnreadNow(snapshot, result, listings, baseline, now);
        var knownItems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rows in listings.Values)
        {
            foreach (var (url, fingerprint) in rows)
            {
                if (!unread.ContainsKey(url))
                {
                    knownItems[url] = fingerprint;
                }
            }
        }

        var warnings = result.Warnings.Concat(suspect.Select(s => s.Warning)).ToList();
        health = health with
        {
            Warnings = warnings,
            SuspectListings = [.. suspect.Select(s => s.Url)],
            Unread = unread.Values.Count(u => !u.Deferred),
            Deferred = unread.Values.Count(u => u.Deferred),
        };

        var validators = new Dictionary<string, HttpValidators>(snapshot.Validators, StringComparer.Ordinal);
        foreach (var (url, value) in result.Validators)
        {
            validators[url] = value;
        }

        var updated = snapshot.WithHealth(health with { Changes = changes.Count }) with
        {
            Baselined = true,
            Notices = notices,
            KnownItems = knownItems,
            Listings = listings,
            Unread = unread,
            SuspectListings = suspect.ToDictionary(s => s.Url, s => s.Warning, StringComparer.Ordinal),
            ShrinksConfirmed = confirmedUnread,
            SkippedRows = SkippedNow(snapshot, result),
            Validators = validators,
            SequenceGaps = hasNumberedSeries ? SequenceGaps(notices.Keys) : [],
        };
        return new DetectionResult(updated, changes);
    }

    /// <summary>
    /// Each listing's rows of an unexpected link shape after this poll: a read listing says them anew (none clears
    /// them); one that answered 304 or failed in a tolerated way keeps what it said; one not asked for is dropped.
    /// </summary>
    private static Dictionary<string, string> SkippedNow(SourceSnapshot snapshot, SourcePollResult result)
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var read in result.Listings)
        {
            if (read.IsRead)
            {
                if (read.Skipped.Count > 0)
                {
                    skipped[read.Url] = NoticeSourceBase.SkippedRowsNote(read.Url, read.Skipped);
                }
            }
            else if (snapshot.SkippedRows.TryGetValue(read.Url, out var still))
            {
                skipped[read.Url] = still;
            }
        }

        return skipped;
    }

    /// <summary>The pseudo listing that carries a pre-per-listing snapshot's KnownItems until every listing was read once.</summary>
    private const string LegacyListing = "(known items before per-listing rows)";

    /// <summary>A listing is suspect when it lists fewer than half of at least this many rows it listed before.</summary>
    public const int MinRowsForShrinkCheck = 4;

    /// <summary>
    /// What each listing lists after this poll. A read listing lists its rows — unless it shrank sharply (fewer than
    /// half its earlier rows), when it is suspect: the earlier rows are kept (no withdrawal evidence) until it
    /// recovers or a person confirms the shrink (<see cref="SourceSnapshot.ShrinksConfirmed"/>: that read is taken as
    /// it is). A listing that answered 304 or failed in a tolerated way keeps its earlier rows. Listings this poll did
    /// not ask for at all (last year's index after New Year) are dropped.
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, string>> ListingsNow(
        SourceSnapshot snapshot, SourcePollResult result, out List<(string Url, string Warning)> suspect, out List<string> confirmedUnread)
    {
        suspect = [];
        confirmedUnread = [];
        var reads = result.Listings.Count > 0
            ? result.Listings
            : [result.Outcome == FetchOutcome.Ok && result.Items.Count > 0
                ? new ListingRead("", FetchOutcome.Ok) { Items = result.Items }
                : new ListingRead("", FetchOutcome.NotModified)];
        // Snapshots saved before per-listing rows have only KnownItems: they stand in, as one pseudo listing, for the
        // listings that answered 304 since (never as a listing's own rows, which would make a later read look like a shrink).
        var legacy = snapshot.Listings.Count == 0 ? snapshot.KnownItems : snapshot.Listings.GetValueOrDefault(LegacyListing);
        var listings = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            snapshot.Listings.TryGetValue(read.Url, out var before);
            var confirmed = snapshot.ShrinksConfirmed.Contains(read.Url, StringComparer.Ordinal);
            if (!read.IsRead)
            {
                if (confirmed)
                {
                    confirmedUnread.Add(read.Url); // the confirmation waits for the listing's next read
                }

                if (snapshot.SuspectListings.TryGetValue(read.Url, out var still))
                {
                    suspect.Add((read.Url, still));
                }

                if (before is not null)
                {
                    listings[read.Url] = before;
                }
                else if (legacy is { Count: > 0 } && read.Outcome == FetchOutcome.NotModified)
                {
                    listings[LegacyListing] = legacy;
                }

                continue;
            }

            var rows = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var item in read.Items)
            {
                rows.TryAdd(item.Url, item.Fingerprint);
            }

            if (!confirmed && before is not null && before.Count >= MinRowsForShrinkCheck && rows.Count * 2 < before.Count)
            {
                suspect.Add((read.Url, string.Create(CultureInfo.InvariantCulture,
                    $"{read.Url}: listing shrank from {before.Count} to {rows.Count} rows; suspect, no withdrawals from it until it recovers")));
                var kept = new Dictionary<string, string>(before, StringComparer.Ordinal);
                foreach (var (url, fingerprint) in rows)
                {
                    kept[url] = fingerprint;
                }

                listings[read.Url] = kept;
                continue;
            }

            listings[read.Url] = rows;
        }

        return listings;
    }

    /// <summary>
    /// Rows whose notice is not read after this poll: earlier ones not read now, plus this poll's failures and
    /// deferrals. A row no listing lists any more is dropped (there is nothing left to read).
    /// </summary>
    private static Dictionary<string, UnreadItem> UnreadNow(
        SourceSnapshot snapshot, SourcePollResult result, Dictionary<string, IReadOnlyDictionary<string, string>> listings, bool baseline, DateTimeOffset now)
    {
        var read = result.Notices.SelectMany(n => n.Urls).ToHashSet(StringComparer.Ordinal);
        var rows = result.Items.GroupBy(i => i.Url, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var unread = new Dictionary<string, UnreadItem>(StringComparer.Ordinal);
        foreach (var (url, item) in snapshot.Unread)
        {
            if (!read.Contains(url))
            {
                unread[url] = rows.TryGetValue(url, out var latest) ? item with { Item = latest } : item;
            }
        }

        foreach (var failure in result.Unread)
        {
            var url = failure.Item.Url;
            unread[url] = unread.TryGetValue(url, out var earlier)
                ? earlier with { Item = failure.Item, LastTry = now, Attempts = earlier.Attempts + 1, Outcome = failure.Outcome, Reason = failure.Reason }
                : new UnreadItem(failure.Item, now, now, 1, baseline) { Outcome = failure.Outcome, Reason = failure.Reason };
        }

        foreach (var item in result.Deferred)
        {
            if (!unread.ContainsKey(item.Url))
            {
                unread[item.Url] = new UnreadItem(item, now, now, 0, baseline) { Reason = "deferred: detail-fetch cap reached" };
            }
        }

        var listed = listings.Values.SelectMany(l => l.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var url in unread.Keys.ToList())
        {
            if (!listed.Contains(url))
            {
                unread.Remove(url);
            }
        }

        return unread;
    }

    /// <summary>The content identity of a notice version; URLs are left out so mirrors share it.</summary>
    public static string VersionOf(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return ContentHash.Of(
            notice.Key,
            notice.Number ?? "",
            notice.Title,
            Date(notice.Published),
            Date(notice.Effective),
            notice.Measure.ToWire(),
            string.Join(',', notice.Destinations),
            string.Join('\n', notice.Entities.Select(e => $"{e.Name}|{e.NameEn}|{e.Address}|{e.Postcode}")),
            string.Join(',', notice.ControlCodes),
            string.Join(',', notice.HsCodes),
            string.Join('\n', notice.Attachments.Select(a => $"{a.Title}|{a.Url}|{a.Sha256}")),
            notice.Body);
    }

    /// <summary>What changed between two versions, in words a compliance officer reads at a glance.</summary>
    public static IReadOnlyList<string> Summarize(Notice before, Notice after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var lines = new List<string>();
        if (before.Title != after.Title)
        {
            lines.Add($"title \"{before.Title}\" → \"{after.Title}\"");
        }

        if (before.Number != after.Number)
        {
            lines.Add($"number {before.Number ?? "none"} → {after.Number ?? "none"}");
        }

        if (before.Published != after.Published)
        {
            lines.Add($"published {DateOrNone(before.Published)} → {DateOrNone(after.Published)}");
        }

        if (before.Effective != after.Effective)
        {
            lines.Add($"effective {DateOrNone(before.Effective)} → {DateOrNone(after.Effective)}");
        }

        if (before.Measure != after.Measure)
        {
            lines.Add($"measure {before.Measure.ToWire()} → {after.Measure.ToWire()}");
        }

        AddSetChange(lines, "destination", "destinations", before.Destinations, after.Destinations);
        AddSetChange(lines, "entity", "entities", before.Entities.Select(EntityName).ToList(), after.Entities.Select(EntityName).ToList());
        AddSetChange(lines, "control code", "control codes", before.ControlCodes, after.ControlCodes);
        AddSetChange(lines, "HS code", "HS codes", before.HsCodes, after.HsCodes);
        AddAttachmentChange(lines, before.Attachments, after.Attachments);
        if (before.Body != after.Body)
        {
            var delta = after.Body.Length - before.Body.Length;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"text changed ({(delta >= 0 ? "+" : "")}{delta} characters)"));
        }

        return lines;
    }

    /// <summary>Numbers missing between the numbers seen, per issuer and year: "2026 No.26 not seen yet".</summary>
    public static IReadOnlyList<string> SequenceGaps(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var series = keys
            .Select(k => NumberedKey().Match(k))
            .Where(m => m.Success)
            .Select(m => (Issuer: m.Groups["issuer"].Value, Year: m.Groups["year"].Value, Number: int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)))
            .GroupBy(s => (s.Issuer, s.Year))
            .OrderBy(g => g.Key.Issuer, StringComparer.Ordinal).ThenBy(g => g.Key.Year, StringComparer.Ordinal)
            .ToList();
        var several = series.Select(g => g.Key.Issuer).Distinct(StringComparer.Ordinal).Count() > 1;
        var gaps = new List<string>();
        foreach (var group in series)
        {
            var numbers = group.Select(s => s.Number).ToHashSet();
            var missing = Enumerable.Range(numbers.Min(), numbers.Max() - numbers.Min() + 1).Where(n => !numbers.Contains(n)).Take(MaxGapsPerSeries);
            var prefix = several ? group.Key.Issuer + " " : "";
            gaps.AddRange(missing.Select(n => string.Create(CultureInfo.InvariantCulture, $"{prefix}{group.Key.Year} No.{n} not seen yet")));
        }

        return gaps;
    }

    private static ChangeRecord MirrorConflict(Notice first, Notice second, IEnumerable<string> hashes, DateTimeOffset now)
    {
        var combined = ContentHash.Of([.. hashes.Order(StringComparer.Ordinal)]);
        var urls = first.Urls.Concat(second.Urls).Distinct(StringComparer.Ordinal);
        var summary = new[] { $"mirrors disagree: {string.Join(", ", urls)}" }.Concat(Summarize(first, second)).ToList();
        var diff = TextDiff.Render(first.Body, second.Body);
        return new ChangeRecord(ChangeEvent.From(first, ChangeKind.MirrorConflict, combined, now, summary), second, first, diff.Length == 0 ? null : diff);
    }

    private static void AddSetChange(List<string> lines, string singular, string plural, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"+{added.Count} {(added.Count == 1 ? singular : plural)}: {string.Join(", ", added)}"));
        }

        if (removed.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"-{removed.Count} {(removed.Count == 1 ? singular : plural)}: {string.Join(", ", removed)}"));
        }
    }

    private static void AddAttachmentChange(List<string> lines, IReadOnlyList<Attachment> before, IReadOnlyList<Attachment> after)
    {
        var added = after.Where(a => !before.Any(b => b.Url == a.Url)).ToList();
        var removed = before.Where(b => !after.Any(a => a.Url == b.Url)).ToList();
        // Same link, other bytes: MOFCOM replaced the annex file itself (a corrected entity list).
        lines.AddRange(after
            .Where(a => a.Sha256 is not null && before.Any(b => b.Url == a.Url && b.Sha256 is not null && b.Sha256 != a.Sha256))
            .Select(a => $"attachment replaced: {a.Title}"));
        var replaced = Math.Min(added.Count, removed.Count);
        if (replaced > 0)
        {
            lines.Add(replaced == 1 ? "attachment replaced" : string.Create(CultureInfo.InvariantCulture, $"{replaced} attachments replaced"));
        }

        if (added.Count > replaced)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"+{added.Count - replaced} attachment(s): {string.Join(", ", added.Skip(replaced).Select(a => a.Title))}"));
        }

        if (removed.Count > replaced)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"-{removed.Count - replaced} attachment(s): {string.Join(", ", removed.Skip(replaced).Select(a => a.Title))}"));
        }
    }

    private static string EntityName(ListedEntity entity) => entity.NameEn is { Length: > 0 } en ? $"{entity.Name} ({en})" : entity.Name;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string DateOrNone(DateOnly? date) => date is null ? "none" : Date(date);

    [GeneratedRegex(@"^(?<issuer>[^:]+):(?<year>\d{4}):(?<n>\d{1,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedKey();
}
