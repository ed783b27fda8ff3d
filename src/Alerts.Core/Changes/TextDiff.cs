using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Changes;

public enum DiffOperation
{
    Equal,
    Delete,
    Insert,
}

public sealed record DiffSegment(DiffOperation Operation, string Text);

/// <summary>
/// A small Myers diff (O((N+M)·D)) over tokens: characters for Chinese and Japanese (no spaces between words),
/// words otherwise. Rendered inline as <c>[-removed-]{+added+}</c> with a little context around each change.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Beyond this many edits the texts are unrelated: report a full replacement instead of a huge trace.</summary>
    private const int MaxEdits = 4000;

    private const int Context = 30;

    public static IReadOnlyList<DiffSegment> Compute(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var characterLevel = IsCjk(before) || IsCjk(after);
        var a = Tokenize(before, characterLevel);
        var b = Tokenize(after, characterLevel);

        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var segments = new List<DiffSegment>();
        Add(segments, DiffOperation.Equal, a.AsSpan(0, prefix));
        var middleA = a[prefix..(a.Length - suffix)];
        var middleB = b[prefix..(b.Length - suffix)];
        foreach (var (op, token) in Myers(middleA, middleB))
        {
            Add(segments, op, [token]);
        }

        Add(segments, DiffOperation.Equal, a.AsSpan(a.Length - suffix, suffix));
        return segments;
    }

    /// <summary>Inline rendering; empty when the texts are equal.</summary>
    public static string Render(string before, string after)
    {
        var segments = Compute(before, after);
        if (segments.All(s => s.Operation == DiffOperation.Equal))
        {
            return "";
        }

        var text = new StringBuilder();
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (segment.Operation)
            {
                case DiffOperation.Delete:
                    text.Append("[-").Append(segment.Text).Append("-]");
                    break;
                case DiffOperation.Insert:
                    text.Append("{+").Append(segment.Text).Append("+}");
                    break;
                default:
                    text.Append(Shorten(segment.Text, keepStart: i > 0, keepEnd: i < segments.Count - 1));
                    break;
            }
        }

        return text.ToString();
    }

    private static string Shorten(string equal, bool keepStart, bool keepEnd)
    {
        var limit = (keepStart ? Context : 0) + (keepEnd ? Context : 0);
        if (equal.Length <= limit + 1)
        {
            return equal;
        }

        var head = keepStart ? equal[..Context] : "";
        var tail = keepEnd ? equal[^Context..] : "";
        return keepStart && keepEnd ? head + " … " + tail : keepStart ? head + " …" : "… " + tail;
    }

    private static void Add(List<DiffSegment> segments, DiffOperation op, ReadOnlySpan<string> tokens)
    {
        if (tokens.IsEmpty)
        {
            return;
        }

        var text = string.Concat(tokens);
        if (segments.Count > 0 && segments[^1].Operation == op)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(op, text));
        }
    }

    private static IEnumerable<(DiffOperation, string)> Myers(string[] a, string[] b)
    {
        int n = a.Length, m = b.Length, max = n + m;
        if (n == 0 || m == 0 || max == 0)
        {
            return a.Select(t => (DiffOperation.Delete, t)).Concat(b.Select(t => (DiffOperation.Insert, t)));
        }

        var offset = max;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= Math.Min(max, MaxEdits) && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && a[x] == b[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        if (!found)
        {
            return a.Select(t => (DiffOperation.Delete, t)).Concat(b.Select(t => (DiffOperation.Insert, t)));
        }

        // Walk the trace back from (n, m) to (0, 0).
        var edits = new List<(DiffOperation, string)>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var vd = trace[d];
            var k = cx - cy;
            var prevK = k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : vd[offset + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY)
            {
                edits.Add((DiffOperation.Equal, a[cx - 1]));
                cx--;
                cy--;
            }

            if (d > 0)
            {
                if (cx == prevX)
                {
                    edits.Add((DiffOperation.Insert, b[cy - 1]));
                }
                else
                {
                    edits.Add((DiffOperation.Delete, a[cx - 1]));
                }
            }

            cx = prevX;
            cy = prevY;
        }

        edits.Reverse();
        return edits;
    }

    internal static bool IsCjk(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u3040' and <= '\u30ff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef'))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Tokenize(string text, bool characterLevel) =>
        characterLevel
            ? text.EnumerateRunes().Select(r => r.ToString()).ToArray()
            : WordsAndSpaces().Matches(text).Select(m => m.Value).ToArray();

    [GeneratedRegex(@"\s+|[^\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordsAndSpaces();
}
