using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Alerts.Core.Alerts;
using Alerts.Core.Assessments;
using Alerts.Core.Changes;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Alerts.Core.Common;

namespace Alerts.Core.Delivery;

/// <summary>
/// Builds the Workflows webhook message: one Adaptive Card 1.4 for one company's alerts of a drain. Teams rejects
/// messages over ~28 KB counted in UTF-8 (azure-notes §5, msteams-docs#7576), so long parts are cut and, past that,
/// alerts are left out with a link to the dashboard.
/// </summary>
public sealed class TeamsCardBuilder(IOptions<DeliveryOptions> options, ActionLinks? links = null)
{
    /// <summary>Below Teams' ~28 KB, with room for the envelope Workflows adds.</summary>
    public const int MaxBytes = 27 * 1024;

    private const int SnippetLimit = 160;

    // HTML-sensitive characters (< > & ' ") stay escaped as \uXXXX; CJK stays literal (3 bytes, not 6).
    private static readonly JsonSerializerOptions s_json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    private readonly DeliveryOptions _options = options.Value;

    /// <param name="channel">
    /// The webhook's identity (<see cref="WebhookIdentity.Hash"/>): with it, each alert carries "Not applicable" and
    /// "Action needed" buttons signed for that channel. There is no "Assign to me": a card's button does not know who
    /// pressed it, so it cannot name an owner (the history records the actor as <c>teams</c>).
    /// </param>
    public string Build(string companyName, IReadOnlyList<Alert> alerts, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var ordered = alerts.OrderByDescending(a => a.Severity).ThenBy(a => a.AlertId, StringComparer.Ordinal).ToList();
        foreach (var compact in new[] { false, true })
        {
            var json = Serialize(companyName, ordered, ordered.Count, compact, channel);
            if (Encoding.UTF8.GetByteCount(json) <= MaxBytes)
            {
                return json;
            }
        }

        // Still too big: keep as many alerts as fit, then say how many more there are.
        for (var keep = ordered.Count - 1; keep >= 1; keep--)
        {
            var json = Serialize(companyName, ordered, keep, compact: true, channel);
            if (Encoding.UTF8.GetByteCount(json) <= MaxBytes)
            {
                return json;
            }
        }

        return Serialize(companyName, [ordered[0] with { Title = Cut(ordered[0].Title, 200), Reasons = [] }], 1, compact: true, channel);
    }

    private string Serialize(string companyName, List<Alert> alerts, int keep, bool compact, string? channel)
    {
        var top = alerts[0].Severity;
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = alerts.Count == 1 ? $"Export-control alert for {Md(companyName)}" : $"{alerts.Count} export-control alerts for {Md(companyName)}",
                ["weight"] = "Bolder",
                ["size"] = "Medium",
                ["color"] = Colour(top),
                ["wrap"] = true,
            },
        };
        foreach (var alert in alerts.Take(keep))
        {
            body.Add(AlertContainer(alert, compact, channel));
        }

        if (keep < alerts.Count)
        {
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"{alerts.Count - keep} more alert(s) did not fit in this card.",
                ["wrap"] = true,
                ["isSubtle"] = true,
            });
            body.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray { OpenUrl("Open the dashboard", $"{_options.PublicBaseUrl.TrimEnd('/')}/dashboard") },
            });
        }

        return Message(body).ToJsonString(s_json);
    }

    /// <summary>
    /// The Workflows webhook envelope around an Adaptive Card 1.4 with <paramref name="body"/>: a message with one card
    /// attachment (<paramref name="fullWidth"/> asks Teams for the channel's whole width). Every card Alerts posts uses it.
    /// </summary>
    internal static JsonObject Message(JsonArray body, bool fullWidth = true)
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
        };
        if (fullWidth)
        {
            card["msteams"] = new JsonObject { ["width"] = "Full" };
        }

        card["body"] = body;
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = "application/vnd.microsoft.card.adaptive",
                    ["contentUrl"] = null,
                    ["content"] = card,
                },
            },
        };
    }

    private JsonObject AlertContainer(Alert alert, bool compact, string? channel)
    {
        var items = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"{ChangeTelling.Label(alert.Kind)} · {alert.Severity.ToWire().ToUpperInvariant()} · {Md(Cut(alert.TitleGloss ?? alert.Title, compact ? 200 : 400))}",
                ["weight"] = "Bolder",
                ["color"] = Colour(alert.Severity),
                ["wrap"] = true,
            },
        };
        if (alert.TitleGloss is not null)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md(Cut(alert.Title, compact ? 200 : 400)), ["isSubtle"] = true, ["wrap"] = true });
        }

        if (AlertEmailRenderer.Told(alert) is { } told)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md(Cut(told, compact ? 300 : 600)), ["weight"] = "Bolder", ["wrap"] = true });
        }

        if (alert.Explanation.Length > 0)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Md(Cut(alert.Explanation, compact ? 300 : 600)), ["wrap"] = true });
            if (alert.Snippet.Length > 0)
            {
                items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"…{Md(Cut(alert.Snippet, compact ? 80 : SnippetLimit))}…", ["isSubtle"] = true, ["wrap"] = true, ["spacing"] = "None" });
            }
        }

        var facts = new JsonArray();
        foreach (var (label, value) in AlertEmailRenderer.Facts(alert))
        {
            facts.Add(new JsonObject { ["title"] = label, ["value"] = Md(Cut(value, compact ? 200 : 500)) });
        }

        items.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        var reasons = compact ? alert.Reasons.Take(3) : alert.Reasons;
        foreach (var reason in reasons)
        {
            var snippet = reason.Snippet.Length > 0 ? $" — …{Md(Cut(reason.Snippet, compact ? 60 : SnippetLimit))}…" : "";
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = $"• {AlertEmailRenderer.ReasonLabel(reason.Kind)}: {Md(Cut(reason.Value, 100))}{snippet}",
                ["wrap"] = true,
                ["spacing"] = "None",
            });
        }

        if (compact && alert.Reasons.Count > 3)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = $"• and {alert.Reasons.Count - 3} more reason(s): see what changed", ["wrap"] = true, ["spacing"] = "None" });
        }

        var actions = new JsonArray();
        if (alert.Kind != ChangeKind.Withdrawn && DisplayText.SafeUrl(alert.Url) is { } source)
        {
            actions.Add(OpenUrl("Original notice", source));
        }

        actions.Add(OpenUrl("What changed", _options.DiffUrl(alert.ChangeId)));
        if (alert.Kind is ChangeKind.Amended or ChangeKind.Withdrawn)
        {
            actions.Add(OpenUrl("Stored copy", _options.CopyUrl(alert.ChangeId)));
        }

        if (channel is not null && links is { CanIssue: true })
        {
            foreach (var action in new[] { LinkAction.NotApplicable, LinkAction.ActionNeeded })
            {
                actions.Add(OpenUrl(ActionLinks.Label(action), _options.ActionUrl(links.IssueFor(alert, channel, action, AssessmentChannel.TeamsLink))));
            }
        }

        items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
        return new JsonObject
        {
            ["type"] = "Container",
            ["style"] = alert.Severity >= Severity.High ? "attention" : alert.Severity == Severity.Medium ? "warning" : "good",
            ["separator"] = true,
            ["items"] = items,
        };
    }

    internal static JsonObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    private static string Colour(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "Attention",
        Severity.Medium => "Warning",
        _ => "Good",
    };

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    /// <summary>
    /// Foreign text (titles, snippets, names) as literal text in a TextBlock, which Teams renders as Markdown: the
    /// characters that open emphasis, code, links and autolinks are backslash-escaped, and so is a list or heading
    /// marker at the start, so a notice title cannot carry a clickable link (<c>[Sign in](https://phish)</c>) or
    /// formatting into the card (issue 12, item 6; Adaptive Cards "Text features" support CommonMark emphasis, links
    /// and lists, and CommonMark lets a backslash escape any ASCII punctuation). Line breaks become spaces.
    /// </summary>
    internal static string Md(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        var start = 0;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var digits = start;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        // "1. " or "1) " opens an ordered list, "# " a heading, "- " / "+ " a bullet.
        var marker = digits > start && digits < text.Length && text[digits] is '.' or ')' ? digits
            : start < text.Length && text[start] is '#' or '-' or '+' ? start
            : -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i == marker || c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '~' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
