using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Alerts.Core.Sources;

/// <summary>
/// AngleSharp helpers shared by the parsers. Input is capped before parsing and text is collected without recursion,
/// so hostile pages (20 MB, 10,000-deep nesting) cost bounded time and stack.
/// </summary>
internal static class HtmlText
{
    /// <summary>Real listing and detail pages are well under 1 MB; anything beyond 2 M characters is not a notice.</summary>
    public const int MaxParseChars = 2_000_000;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    public static IHtmlDocument Parse(string html)
    {
        var input = html.Length > MaxParseChars ? html[..MaxParseChars] : html;
        return new HtmlParser(ParserOptions).ParseDocument(input);
    }

    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "table", "ul", "ol", "section", "article", "blockquote", "pre",
    };

    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template" };

    /// <summary>Text of <paramref name="root"/> split into lines at block elements (iterative, depth-safe).</summary>
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
