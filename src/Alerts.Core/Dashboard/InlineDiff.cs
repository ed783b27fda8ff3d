using System.Globalization;
using System.Text;

namespace Alerts.Core.Dashboard;

public enum DiffOp
{
    Same,
    Deleted,
    Inserted,
}

public sealed record DiffSegment(DiffOp Op, string Text);

/// <summary>
/// A token-level diff for the diff page when the archive has no diff text: each CJK character is its own token
/// (Chinese and Japanese have no spaces between words), other text splits into words, spaces and punctuation.
/// Common prefix and suffix are cut first, so a one-date amendment of a long notice costs little.
/// </summary>
public static class InlineDiff
{
    /// <summary>Above this many cells the LCS table is not built; the middle shows as one deletion and one insertion.</summary>
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<DiffSegment> Compute(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Tokenize(before);
        var b = Tokenize(after);
        var prefix = 0;
        while (prefix < a.Count && prefix < b.Count && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Count - prefix && suffix < b.Count - prefix && a[a.Count - 1 - suffix] == b[b.Count - 1 - suffix])
        {
            suffix++;
        }

        var segments = new List<DiffSegment>();
        Add(segments, DiffOp.Same, a.Take(prefix));
        var midA = a.Skip(prefix).Take(a.Count - prefix - suffix).ToList();
        var midB = b.Skip(prefix).Take(b.Count - prefix - suffix).ToList();
        if ((long)midA.Count * midB.Count > MaxCells)
        {
            Add(segments, DiffOp.Deleted, midA);
            Add(segments, DiffOp.Inserted, midB);
        }
        else
        {
            Lcs(midA, midB, segments);
        }

        Add(segments, DiffOp.Same, a.Skip(a.Count - suffix));
        return segments;
    }

    /// <summary>Splits text into tokens: one per CJK character, runs of letters/digits, runs of spaces, one per other character.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var word = new StringBuilder();
        var kind = 0; // 1 = word, 2 = space
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            var rune = Rune.GetRuneAt(element, 0);
            var next = IsCjk(rune) ? 0 : Rune.IsLetterOrDigit(rune) ? 1 : Rune.IsWhiteSpace(rune) ? 2 : 0;
            if (next != kind || next == 0)
            {
                if (word.Length > 0)
                {
                    tokens.Add(word.ToString());
                    word.Clear();
                }
            }

            if (next == 0)
            {
                tokens.Add(element);
            }
            else
            {
                word.Append(element);
            }

            kind = next;
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        return tokens;
    }

    public static bool IsCjk(Rune rune)
    {
        var v = rune.Value;
        return v is (>= 0x3040 and <= 0x30FF) // hiragana, katakana
            or (>= 0x3400 and <= 0x4DBF) // CJK extension A
            or (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs
            or (>= 0xFF66 and <= 0xFF9F) // half-width katakana
            or (>= 0x3000 and <= 0x303F) // CJK punctuation (、。「」)
            or (>= 0xFF01 and <= 0xFF65) // full-width forms
            or (>= 0x20000 and <= 0x3134F); // extensions B–G
    }

    private static void Lcs(List<string> a, List<string> b, List<DiffSegment> segments)
    {
        var n = a.Count;
        var m = b.Count;
        var table = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y])
            {
                Add(segments, DiffOp.Same, [a[x]]);
                x++;
                y++;
            }
            else if (x < n && (y == m || table[x + 1, y] >= table[x, y + 1]))
            {
                // Deletions first on a tie: "<del>old</del><ins>new</ins>" reads naturally.
                Add(segments, DiffOp.Deleted, [a[x]]);
                x++;
            }
            else
            {
                Add(segments, DiffOp.Inserted, [b[y]]);
                y++;
            }
        }
    }

    private static void Add(List<DiffSegment> segments, DiffOp op, IEnumerable<string> tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Op == op)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(op, text));
        }
    }

    /// <summary>
    /// Reads a stored diff text into segments: wdiff markers (<c>[-old-]</c>, <c>{+new+}</c>) inline, and lines starting
    /// with <c>- </c> / <c>+ </c> (unified style) as whole deleted / inserted lines. Anything else is unchanged text.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var segments = new List<DiffSegment>();
        var lines = diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var newline = l < lines.Length - 1 ? "\n" : "";
            if (line.StartsWith("+ ", StringComparison.Ordinal) || line == "+")
            {
                Add(segments, DiffOp.Inserted, [line.Length > 1 ? line[2..] : "", newline]);
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                Add(segments, DiffOp.Deleted, [line.Length > 1 ? line[2..] : "", newline]);
            }
            else
            {
                ParseInline(line + newline, segments);
            }
        }

        return segments;
    }

    private static void ParseInline(string text, List<DiffSegment> segments)
    {
        var i = 0;
        while (i < text.Length)
        {
            var del = text.IndexOf("[-", i, StringComparison.Ordinal);
            var ins = text.IndexOf("{+", i, StringComparison.Ordinal);
            var start = del < 0 ? ins : ins < 0 ? del : Math.Min(del, ins);
            if (start < 0)
            {
                Add(segments, DiffOp.Same, [text[i..]]);
                return;
            }

            var isDelete = start == del;
            var close = text.IndexOf(isDelete ? "-]" : "+}", start + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                Add(segments, DiffOp.Same, [text[i..]]);
                return;
            }

            Add(segments, DiffOp.Same, [text[i..start]]);
            Add(segments, isDelete ? DiffOp.Deleted : DiffOp.Inserted, [text[(start + 2)..close]]);
            i = close + 2;
        }
    }
}
