using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Core.Sources.Parsing;

/// <summary>
/// AngleSharp helpers shared by the parsers. Input is capped before parsing and text is collected without recursion,
/// so hostile pages (20 MB, 10,000-deep nesting) cost bounded time and stack.
/// </summary>
internal static class HtmlText
{
    /// <summary>Real listing and detail pages are well under 1 MB; anything beyond 2 M characters is not a notice.</summary>
    public const int MaxParseChars = 2_000_000;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <summary>Real pages nest a few dozen levels; beyond this the HTML5 scope checks turn quadratic.</summary>
    public const int MaxNesting = 300;

    public static IHtmlDocument Parse(string html)
    {
        var input = html.Length > MaxParseChars ? html[..MaxParseChars] : html;
        var cut = DepthCut(input);
        return new HtmlParser(ParserOptions).ParseDocument(cut < input.Length ? input[..cut] : input);
    }

    /// <summary>Looked up by span so the pre-scan allocates nothing per tag (OrdinalIgnoreCase supports span lookups).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "p", "li", "dt", "dd", "option", "tr", "td", "th",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A linear pre-scan: the index where the approximate element depth first exceeds <see cref="MaxNesting"/>, or the
    /// length when it never does. Tags that close themselves implicitly (p, li, td …) do not count.
    /// </summary>
    internal static int DepthCut(string input)
    {
        var depth = 0;
        for (var i = 0; i < input.Length - 1; i++)
        {
            if (input[i] != '<')
            {
                continue;
            }

            var next = input[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (!char.IsAsciiLetter(next))
            {
                continue;
            }

            var end = i + 1;
            while (end < input.Length && end - i < 12 && char.IsAsciiLetterOrDigit(input[end]))
            {
                end++;
            }

            if (VoidTags.Contains(input.AsSpan(i + 1, end - i - 1)))
            {
                continue;
            }

            var close = input.IndexOf('>', end);
            if (close > 0 && input[close - 1] == '/')
            {
                continue;
            }

            if (++depth > MaxNesting)
            {
                return i;
            }
        }

        return input.Length;
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "ul", "ol", "section", "article", "blockquote", "pre",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    /// <summary>
    /// Text of <paramref name="root"/> split into lines at block elements (iterative, depth-safe). Every line is already
    /// whitespace-collapsed and none is empty, so callers can join them as they are.
    /// </summary>
    public static IReadOnlyList<string> Lines(INode? root, int maxChars = 2_000_000)
    {
        var lines = new List<string>();
        if (root is null)
        {
            return lines;
        }

        var current = new System.Text.StringBuilder();
        var total = 0;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0 && total < maxChars)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                if (SkippedTags.Contains(element.LocalName))
                {
                    continue;
                }

                if (BlockTags.Contains(element.LocalName))
                {
                    Flush(lines, current);
                }

                if (exit)
                {
                    continue;
                }

                stack.Push((node, true));
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
            else if (node is IText text)
            {
                current.Append(text.Data);
                total += text.Data.Length;
            }
            else if (node is IDocument or IDocumentFragment)
            {
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                {
                    stack.Push((node.ChildNodes[i], false));
                }
            }
        }

        Flush(lines, current);
        return lines;
    }

    public static string Text(INode? root) => string.Join(' ', Lines(root));

    private static void Flush(List<string> lines, System.Text.StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var line = Notices.NoticeExtraction.CollapseWhitespace(current.ToString());
        current.Clear();
        if (line.Length > 0)
        {
            lines.Add(line);
        }
    }

    public static string? Meta(IDocument document, string name) =>
        document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content")?.Trim() is { Length: > 0 } value ? value : null;
}
