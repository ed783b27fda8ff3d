using System.Globalization;
using System.Text;
using Alerts.Core.Common;

namespace Alerts.Core.Goods;

/// <summary>Normalised text plus, for every normalised character, the index of the original character it came from.</summary>
public sealed class NormalizedText
{
    internal NormalizedText(string original, string text, int[] origins)
    {
        Original = original;
        Text = text;
        Origins = origins;
    }

    public string Original { get; }

    public string Text { get; }

    /// <summary>
    /// Origins[i] = index in <see cref="Original"/> of the character that produced Text[i], for i &lt; Text.Length; the
    /// array may be longer (it is the normaliser's own buffer, not copied: 80 MB for a 20 MB text), so read it up to
    /// Text.Length.
    /// </summary>
    internal int[] Origins { get; }

    /// <summary>The original text covering normalised [start, start+length), widened by <paramref name="context"/> characters each side.</summary>
    public string Snippet(int start, int length, int context = 40)
    {
        if (Original.Length == 0 || Text.Length == 0)
        {
            return "";
        }

        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, Text.Length - 1);
        var from = Math.Max(0, Origins[start] - context);
        var to = Math.Min(Original.Length, Origins[last] + 1 + context);
        if (to < Original.Length && char.IsLowSurrogate(Original[to]))
        {
            to++;
        }

        if (from > 0 && char.IsLowSurrogate(Original[from]))
        {
            from--;
        }

        return Original[from..to].Replace('\n', ' ').Replace('\r', ' ').Trim();
    }
}

/// <summary>
/// Folds text so that one pattern finds every spelling: NFKC (full-width → ASCII, half-width kana → kana), lower case,
/// traditional → simplified Chinese, hiragana → katakana, whitespace collapsed (dropped next to CJK, where it carries no
/// meaning), hyphens between Latin letters → space (<c>dual-use</c> = <c>dual use</c>) and HS digit groups joined
/// (<c>2805.30</c> / <c>2805 30</c> → <c>280530</c>).
/// </summary>
public static class TextNormalizer
{
    // NFKC of every BMP character that NFKC changes, computed once: per-character normalisation without allocation.
    private static readonly System.Collections.Frozen.FrozenDictionary<char, string> s_compatibility = BuildCompatibility();

    private static System.Collections.Frozen.FrozenDictionary<char, string> BuildCompatibility()
    {
        var map = new Dictionary<char, string>();
        for (var c = 0x80; c <= 0xFFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            if (char.GetUnicodeCategory((char)c) is UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                continue; // noncharacters (U+FFFE) make Normalize throw; unassigned ones have no decomposition
            }

            var text = ((char)c).ToString();
            if (!text.IsNormalized(NormalizationForm.FormKC))
            {
                map[(char)c] = text.Normalize(NormalizationForm.FormKC);
            }
        }

        return System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(map);
    }

    /// <summary>Marks, in <see cref="s_singleFold"/>, a character that needs the general path (its NFKC is several characters, or it is a surrogate).</summary>
    private const char MultiCharacter = '\uFFFF';

    // Fold(NFKC(c)) for every BMP character whose NFKC is one character: one array read per character of a notice
    // instead of two dictionary look-ups. U+FFFF itself takes the general path, which handles it the same way.
    private static readonly char[] s_singleFold = BuildSingleFold();

    private static char[] BuildSingleFold()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsSurrogate((char)c) || c == MultiCharacter)
            {
                table[c] = MultiCharacter;
                continue;
            }

            var compatibility = s_compatibility.TryGetValue((char)c, out var decomposed) ? decomposed : null;
            table[c] = compatibility switch
            {
                null => Fold((char)c),
                { Length: 1 } => Fold(compatibility[0]),
                _ => MultiCharacter,
            };
        }

        return table;
    }

    public static string NormalizeTerm(string term) => Normalize(term).Text.Trim();

    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var output = new Output(original.Length);
        var pendingSpace = -1;
        var digitRun = 0;

        for (var i = 0; i < original.Length; i++)
        {
            var raw = original[i];
            var single = s_singleFold[raw];
            var prefolded = single != MultiCharacter;
            int width = !prefolded && char.IsHighSurrogate(raw) && i + 1 < original.Length && char.IsLowSurrogate(original[i + 1]) ? 2 : 1;
            ReadOnlySpan<char> folded = prefolded
                ? new ReadOnlySpan<char>(in single)
                : width == 1
                    ? (s_compatibility.TryGetValue(raw, out var decomposed) ? decomposed : original.AsSpan(i, 1))
                    : original.Substring(i, 2).Normalize(NormalizationForm.FormKC);
            var origin = i;
            i += width - 1;

            foreach (var f in folded)
            {
                var c = prefolded ? f : Fold(f);
                if (c == '\0')
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    if (pendingSpace < 0)
                    {
                        pendingSpace = origin;
                    }

                    continue;
                }

                var previous = output.Last;

                // A combining voiced mark from half-width kana (ｶﾞ) joins the kana before it.
                if ((c == '\u3099' || c == '\u309A') && output.Length > 0)
                {
                    var composed = string.Concat(previous, c).Normalize(NormalizationForm.FormC);
                    if (composed.Length == 1)
                    {
                        output.ReplaceLast(composed[0]);
                        continue;
                    }
                }

                // HS codes: 2805.30.19 and 2805 30 19 become one digit run.
                if (c == '.' && char.IsAsciiDigit(previous) && NextIsDigit(original, i + 1))
                {
                    pendingSpace = -1;
                    continue;
                }

                // Long-vowel marks typed as a hyphen or tilde after katakana.
                if ((c == '-' || c == '\u2010' || c == '\u2212' || c == '~') && IsKatakana(previous))
                {
                    c = 'ー';
                }
                else if ((c == '-' || c == '\u2010' || c == '\u2011') && char.IsAsciiLetter(previous) && NextIsAsciiLetter(original, i + 1))
                {
                    // dual-use = dual use; rare-earth = rare earth.
                    if (pendingSpace < 0)
                    {
                        pendingSpace = origin;
                    }

                    continue;
                }

                if (pendingSpace >= 0)
                {
                    var joinDigits = char.IsAsciiDigit(previous) && char.IsAsciiDigit(c) && digitRun >= 4;
                    if (output.Length > 0 && !joinDigits && !IsCjk(previous) && !IsCjk(c))
                    {
                        output.Append(' ', pendingSpace);
                        digitRun = 0;
                    }

                    pendingSpace = -1;
                }

                digitRun = char.IsAsciiDigit(c) ? digitRun + 1 : 0;
                output.Append(c, origin);
            }
        }

        return output.ToNormalizedText(original);
    }

    /// <summary>The normalised characters and their origins, in two arrays grown together.</summary>
    private struct Output(int capacity)
    {
        private char[] _chars = new char[Math.Max(capacity, 16)];
        private int[] _origins = new int[Math.Max(capacity, 16)];

        public int Length { get; private set; }

        public readonly char Last => Length > 0 ? _chars[Length - 1] : '\0';

        public void Append(char c, int origin)
        {
            if (Length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
                Array.Resize(ref _origins, _origins.Length * 2);
            }

            _chars[Length] = c;
            _origins[Length] = origin;
            Length++;
        }

        public readonly void ReplaceLast(char c) => _chars[Length - 1] = c;

        public readonly NormalizedText ToNormalizedText(string original) =>
            new(original, new string(_chars, 0, Length), _origins);
    }

    private static char Fold(char c)
    {
        if (c is '\u00B7' or '\u30FB' or '\u200B' or '\uFEFF')
        {
            return '\0';
        }

        if (c is >= '\u3041' and <= '\u3096')
        {
            return (char)(c + 0x60); // hiragana → katakana
        }

        switch (c)
        {
            case 'ヵ': return 'カ';
            case 'ヶ': return 'ケ';
            case '\u3000': return ' ';
        }

        if (c < 128)
        {
            return char.ToLowerInvariant(c);
        }

        if (ChineseVariants.Simplify(c) is var simplified && simplified != c)
        {
            return simplified;
        }

        return char.IsUpper(c) ? char.ToLower(c, CultureInfo.InvariantCulture) : c;
    }

    private static bool NextIsDigit(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] is >= '０' and <= '９');
    }

    private static bool NextIsAsciiLetter(string text, int index) =>
        index < text.Length && (char.IsAsciiLetter(text[index]) || text[index] is >= 'Ａ' and <= 'ｚ');

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA';

    internal static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    internal static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c);
}
