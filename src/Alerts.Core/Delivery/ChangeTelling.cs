using System.Globalization;
using Alerts.Core.Alerts;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Matching;

namespace Alerts.Core.Delivery;

/// <summary>
/// Tells a change as what it is (issue 15, item 1): <c>NEW [HIGH] …</c>, <c>AMENDED [HIGH] …: effective date 2026-07-01 →
/// 2026-07-15; +1 entity (Howa Machinery)</c>, <c>WITHDRAWN [HIGH] … (page removed on 2026-07-03; last copy kept)</c>; and
/// decides whether an amendment touches what a company watches.
/// </summary>
public static class ChangeTelling
{
    private const int NamesShown = 3;

    /// <summary>The alert with its change's kind, what changed and, for an amendment, whether it touches the company's matches.</summary>
    public static Alert Tell(Alert alert, ChangeRecord record)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(record);
        var kind = record.Change.Kind == ChangeKind.Baseline ? ChangeKind.Added : record.Change.Kind;
        return kind switch
        {
            ChangeKind.Amended when record.Previous is { } previous => alert with
            {
                Kind = kind,
                WhatChanged = WhatChanged(previous, record.Notice),
                TouchesWatch = Touches(alert, previous, record.Notice),
            },
            ChangeKind.Withdrawn => alert with { Kind = kind, RemovedOn = DateOnly.FromDateTime(record.Change.DetectedAt.UtcDateTime) },
            _ => alert with { Kind = kind },
        };
    }

    /// <summary>Pushed by e-mail and Teams: everything but an amendment that touches nothing the company watches.</summary>
    public static bool IsPushed(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Kind != ChangeKind.Amended || alert.TouchesWatch;
    }

    public static string Label(ChangeKind kind) => kind switch
    {
        ChangeKind.Amended => "AMENDED",
        ChangeKind.Withdrawn => "WITHDRAWN",
        ChangeKind.MirrorConflict => "CONFLICT",
        _ => "NEW",
    };

    /// <summary><c>AMENDED [HIGH] {title}: {what changed}</c>, one line.</summary>
    public static string Headline(Alert alert, string title)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"{Label(alert.Kind)} [{alert.Severity.ToWire().ToUpperInvariant()}] {title}{Suffix(alert)}";
    }

    /// <summary>": effective date … → …; +1 entity (…)" for an amendment, " (page removed on …; last copy kept)" for a withdrawal, else "".</summary>
    public static string Suffix(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Kind switch
        {
            ChangeKind.Amended => ": " + (alert.WhatChanged.Count > 0 ? string.Join("; ", alert.WhatChanged) : "text changed"),
            ChangeKind.Withdrawn => alert.RemovedOn is { } on
                ? $" (page removed on {on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; last copy kept)"
                : " (page removed; last copy kept)",
            _ => "",
        };
    }

    /// <summary>What changed between two versions, from their structured fields; "text changed" when only the text did.</summary>
    public static IReadOnlyList<string> WhatChanged(Notice before, Notice after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        DateChange(parts, "effective date", before.Effective, after.Effective);
        DateChange(parts, "published date", before.Published, after.Published);
        if (before.Measure != after.Measure)
        {
            parts.Add($"measure {before.Measure.ToWire()} → {after.Measure.ToWire()}");
        }

        SetChange(parts, "entity", "entities", before.Entities.Select(EntityName).ToList(), after.Entities.Select(EntityName).ToList());
        SetChange(parts, "destination", "destinations", before.Destinations, after.Destinations);
        SetChange(parts, "control code", "control codes", before.ControlCodes, after.ControlCodes);
        SetChange(parts, "HS code", "HS codes", before.HsCodes, after.HsCodes);
        if (parts.Count == 0)
        {
            parts.Add("text changed");
        }

        return parts;
    }

    /// <summary>
    /// True when one of the alert's matches is in what changed: the matched value occurs a different number of times in
    /// the two versions (an entity, code, destination or goods term added or removed), or the text around it (its
    /// snippet, taken from the new version) is not in the old one. An alert with no reasons is always told.
    /// </summary>
    public static bool Touches(Alert alert, Notice before, Notice after)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (alert.Reasons.Count == 0)
        {
            return true;
        }

        // When the measure takes effect, what it is and whom it targets concern every company it concerns: a moved
        // effective date is exactly what a compliance team must hear at once, not in next week's digest.
        if (before.Effective != after.Effective || before.Measure != after.Measure
            || !before.Destinations.Order(StringComparer.Ordinal).SequenceEqual(after.Destinations.Order(StringComparer.Ordinal), StringComparer.Ordinal))
        {
            return true;
        }

        var old = Haystack(before);
        var now = Haystack(after);
        foreach (var reason in alert.Reasons)
        {
            var value = Fold(reason.Value);
            if (value.Length > 0 && Count(old, value) != Count(now, value))
            {
                return true;
            }

            var snippet = Fold(reason.Snippet);
            if (snippet.Length > 0 && !old.Contains(snippet, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Haystack(Notice notice) =>
        Fold(string.Join('\n', [
            NoticeMatcher.ScannedText(notice),
            string.Join(' ', notice.Destinations),
            string.Join(' ', notice.ControlCodes),
            string.Join(' ', notice.HsCodes),
        ]));

    /// <summary>The matcher's folding, with line breaks as spaces as in snippets.</summary>
    private static string Fold(string text) => TextNormalizer.Normalize(text.Replace('\r', ' ').Replace('\n', ' ')).Text.Trim();

    private static int Count(string haystack, string value)
    {
        var count = 0;
        for (var at = haystack.IndexOf(value, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void DateChange(List<string> parts, string label, DateOnly? before, DateOnly? after)
    {
        if (before != after)
        {
            parts.Add($"{label} {Date(before)} → {Date(after)}");
        }
    }

    private static void SetChange(List<string> parts, string singular, string plural, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"+{added.Count} {(added.Count == 1 ? singular : plural)} ({Names(added)})"));
        }

        if (removed.Count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"-{removed.Count} {(removed.Count == 1 ? singular : plural)} ({Names(removed)})"));
        }
    }

    private static string Names(List<string> names) =>
        names.Count <= NamesShown
            ? string.Join(", ", names)
            : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", names.Take(NamesShown))}, {names.Count - NamesShown} more");

    private static string EntityName(ListedEntity entity) => entity.NameEn is { Length: > 0 } en ? en : entity.Name;

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";
}
