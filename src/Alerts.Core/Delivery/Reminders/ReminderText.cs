using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Goods;
using Alerts.Core.Measures;
using Alerts.Core.Notices;

namespace Alerts.Core.Delivery.Reminders;

/// <summary>
/// The sentence of a reminder, written from the measure's key, number, clause, goods and destinations:
/// "MOFCOM 2024 No.46 clause 2: the suspension ends on 2026-11-27; the controls on gallium, germanium, antimony,
/// superhard materials and graphite to the US apply again from 2026-11-28."
/// </summary>
internal static partial class ReminderText
{
    private static readonly Dictionary<string, string> s_issuers = new(StringComparer.Ordinal)
    {
        ["cn-mofcom"] = "MOFCOM", ["cn-mofcom-customs"] = "MOFCOM and GACC", ["cn-gacc"] = "GACC",
        ["jp-meti"] = "METI", ["jp-mofa"] = "MOFA",
    };

    private static readonly Dictionary<string, string> s_places = new(StringComparer.Ordinal)
    {
        ["US"] = "the US", ["JP"] = "Japan", ["EU"] = "the EU", ["GB"] = "the UK", ["TW"] = "Taiwan", ["KR"] = "South Korea", ["NL"] = "the Netherlands",
    };

    private static readonly string[] s_numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>"MOFCOM 2024 No.46 clause 2", from the key when it is issuer:year:number, else the number or title printed.</summary>
    public static string Reference(MeasureLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var parts = line.Key.Split(':');
        var name = parts.Length == 3 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? $"{s_issuers.GetValueOrDefault(parts[0], parts[0])} {parts[1]} No.{number.ToString(CultureInfo.InvariantCulture)}"
            : line.Number ?? line.Title ?? line.Key;
        return line.Clause is null ? name : $"{name} clause {line.Clause}";
    }

    /// <summary>What applies: "the controls on gallium, germanium … to the US", or "the measure" when the text names neither.</summary>
    public static string What(MeasureLine line, IReadOnlyList<Notice> copies, GoodsTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var notice = copies.FirstOrDefault(n => n.Language == "zh-Hans") ?? (copies.Count > 0 ? copies[0] : null);
        if (notice is null)
        {
            return "the measure";
        }

        var text = line.Clause is { } clause ? ClauseText(notice.Body, clause) ?? notice.Body : notice.Title + "\n" + notice.Body;
        var goods = Goods(text, taxonomy);
        var places = notice.Destinations.Select(d => s_places.GetValueOrDefault(d, d)).ToList();
        var on = goods.Count == 0 ? "the controls" : "the controls on " + List(goods);
        return places.Count == 0 ? (goods.Count == 0 ? "the measure" : on) : on + " to " + List(places);
    }

    public static string Sentence(DueReminder reminder, string what)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var e = reminder.Event;
        var reference = Reference(e.After);
        var date = Iso(e.Date);
        return reminder.Kind switch
        {
            ReminderKind.SuspensionEnds => $"{reference}: the suspension ends on {Iso(e.Date.AddDays(-1))}; {what} {Apply(what)} again from {date}.",
            ReminderKind.Ended => $"{reference}: the suspension has ended; {what} {Apply(what)} again since {date}.",
            _ => $"{reference}: takes effect on {date}; {what} {Apply(what)} from then.",
        };
    }

    public static string Subject(DueReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var reference = Reference(reminder.Event.After);
        var when = reminder.Lead == 1 ? "tomorrow" : $"in {reminder.Lead} days";
        return reminder.Kind switch
        {
            ReminderKind.SuspensionEnds => $"Reminder: {reference} applies again {when} ({Iso(reminder.Event.Date)})",
            ReminderKind.Ended => $"Reminder: {reference} applies again since {Iso(reminder.Event.Date)}",
            _ => $"Reminder: {reference} takes effect {when} ({Iso(reminder.Event.Date)})",
        };
    }

    /// <summary>The paragraph of a numbered clause (二、… up to the next 三、), or null when the text has none.</summary>
    internal static string? ClauseText(string body, string clause)
    {
        if (!int.TryParse(clause, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > s_numerals.Length)
        {
            return null;
        }

        var start = ClauseStart(body, s_numerals[n - 1]);
        if (start < 0)
        {
            return null;
        }

        var end = n < s_numerals.Length ? ClauseStart(body[(start + 1)..], s_numerals[n]) : -1;
        return end < 0 ? body[start..] : body.Substring(start, end + 1);
    }

    private static int ClauseStart(string body, string numeral)
    {
        var match = Regex.Match(body, $"(?m)^\\s*{numeral}、", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Index : -1;
    }

    /// <summary>The taxonomy's goods named in the text, in the order it names them; the broad dual-use heading only when nothing narrower is named.</summary>
    private static List<string> Goods(string text, GoodsTaxonomy taxonomy)
    {
        var found = taxonomy.Categories
            .Select(c => (c.EnglishName, c.Id, At: c.AllTerms.Where(t => t.Length > 0).Select(t => text.IndexOf(t, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(-1).Min()))
            .Where(c => c.At >= 0)
            .OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var narrow = found.Where(c => c.Id != GoodsTaxonomy.DualUse).ToList();
        return [.. (narrow.Count > 0 ? narrow : found).Select(c => c.EnglishName).Distinct(StringComparer.Ordinal)];
    }

    private static string Apply(string what) => what == "the measure" ? "applies" : "apply";

    private static string List(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
