using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Core.Goods;

public sealed record GlossaryEntry(string Term, string Gloss);

/// <summary>
/// English gloss of a title from a glossary (embedded <c>Goods/glossary.json</c>) and the taxonomy's category names:
/// longest known phrase first, numbers as "No. 1 of 2026", unknown words left as printed. No translation service.
/// </summary>
public sealed partial class TitleGlossary
{
    private readonly AhoCorasick _automaton;
    private readonly string[] _glosses;

    public TitleGlossary(IReadOnlyList<GlossaryEntry> entries, GoodsTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var byTerm = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var category in taxonomy.Categories)
        {
            foreach (var (language, terms) in category.Terms)
            {
                if (language == "en")
                {
                    continue;
                }

                foreach (var term in terms)
                {
                    byTerm.TryAdd(TextNormalizer.NormalizeTerm(term), category.EnglishName);
                }
            }
        }

        // The glossary wins over the taxonomy for the same phrase (两用物项 → dual-use items).
        foreach (var entry in entries)
        {
            byTerm[TextNormalizer.NormalizeTerm(entry.Term)] = entry.Gloss;
        }

        var terms2 = byTerm.Keys.Where(k => k.Length > 0).ToArray();
        _glosses = [.. terms2.Select(t => byTerm[t])];
        _automaton = new AhoCorasick(terms2);
    }

    public static TitleGlossary Default => s_default.Value;

    private static readonly Lazy<TitleGlossary> s_default = new(() =>
    {
        using var stream = EmbeddedData.Open("glossary.json");
        var file = JsonSerializer.Deserialize<GlossaryFile>(stream, AlertsJson.Web) ?? new GlossaryFile([]);
        return new TitleGlossary(file.Entries, GoodsTaxonomy.Default);
    });

    /// <summary>The gloss, or null when the title is empty or already has no CJK text.</summary>
    public string? Gloss(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var text = TextNormalizer.Normalize(NumberPattern().Replace(title, m =>
            $" No. {m.Groups["n"].Value} of {m.Groups["y"].Value} ")).Text;
        if (!text.Any(TextNormalizer.IsCjk))
        {
            return null;
        }

        // Longest match starting at each position.
        var best = new (int Length, int Pattern)[text.Length];
        foreach (var hit in _automaton.FindAll(text))
        {
            if (hit.Length > best[hit.Start].Length)
            {
                best[hit.Start] = (hit.Length, hit.Pattern);
            }
        }

        var words = new List<string>();
        var pending = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (best[i].Length > 0)
            {
                Flush();
                if (_glosses[best[i].Pattern].Length > 0)
                {
                    words.Add(_glosses[best[i].Pattern]);
                }

                i += best[i].Length;
            }
            else
            {
                pending.Append(text[i]);
                i++;
            }
        }

        Flush();
        var gloss = string.Join(' ', words).Replace(" ,", ",", StringComparison.Ordinal);
        gloss = WhitespacePattern().Replace(gloss, " ").Trim().Replace("no. ", "No. ", StringComparison.Ordinal);
        return gloss.Length == 0 ? null : gloss;

        void Flush()
        {
            var word = pending.ToString().Trim();
            if (word.Length > 0 && word.Any(char.IsLetterOrDigit))
            {
                words.Add(word);
            }

            pending.Clear();
        }
    }

    [GeneratedRegex(@"(?<y>\d{4})\s*年\s*第\s*(?<n>\d+)\s*号")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    private sealed record GlossaryFile(IReadOnlyList<GlossaryEntry> Entries);
}
