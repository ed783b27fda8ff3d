using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alerts.Core.Common;

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

    /// <summary>
    /// The English rendering, or null when the title is empty or has no CJK text. The standard title forms of MOFCOM
    /// notices read as English sentences (关于对…实施出口管制的公告 → "Announcement on export controls on …";
    /// 公布将…列入…名单的决定 → "Decision to add … to the … List"); other titles are glossed phrase by phrase.
    /// </summary>
    public string? Gloss(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var folded = TextNormalizer.Normalize(title).Text;
        if (!folded.Any(TextNormalizer.IsCjk))
        {
            return null;
        }

        // "商务部 海关总署公告2023年第23号 关于…的公告": the number, then the title proper.
        var head = NumberedHead().Match(folded);
        var proper = head.Success ? folded[head.Length..] : folded;
        if (Form(proper) is { } sentence)
        {
            return head.Success ? $"{Words(head.Value)}: {sentence}" : sentence;
        }

        return Words(title);
    }

    /// <summary>The standard forms, outermost first; the parts in between are glossed phrase by phrase.</summary>
    private string? Form(string title)
    {
        foreach (var (pattern, render) in s_forms)
        {
            if (pattern.Match(title) is { Success: true } match)
            {
                return render(match, part => Words(match.Groups[part].Value) ?? match.Groups[part].Value);
            }
        }

        return null;
    }

    private static readonly (Regex Pattern, Func<Match, Func<string, string>, string> Render)[] s_forms =
    [
        (new(@"^(?:关于)?将(?<what>.+?)列入(?<list>出口管制管控名单|关注名单|不可靠实体清单)的决定$"), (m, g) => $"Decision to add {g("what")} to the {g("list")}"),
        (new(@"^公布(?:关于)?将(?<what>.+?)列入(?<list>出口管制管控名单|关注名单|不可靠实体清单)的决定$"), (m, g) => $"Decision to add {g("what")} to the {g("list")}"),
        (new(@"^公布将(?<what>.+?)列入(?<list>出口管制管控名单|关注名单|不可靠实体清单)(?:的)?(?:决定)?$"), (m, g) => $"Decision to add {g("what")} to the {g("list")}"),
        (new(@"^(?:关于)?将(?<what>.+?)列入(?<list>出口管制管控名单|关注名单|不可靠实体清单)的公告$"), (m, g) => $"Announcement on adding {g("what")} to the {g("list")}"),
        (new(@"^关于对(?<what>.+?)采取反制裁?措施的决定$"), (m, g) => $"Decision on countermeasures against {g("what")}"),
        (new(@"^关于对(?<what>.+?)采取不可靠实体清单(?:处理)?措施的公告$"), (m, g) => $"Announcement on Unreliable Entity List measures against {g("what")}"),
        (new(@"^关于对(?<what>.+?)启动不可靠实体清单调查的公告$"), (m, g) => $"Announcement opening an Unreliable Entity List investigation into {g("what")}"),
        (new(@"^关于发布(?<what>.+?)的公告$"), (m, g) => $"Announcement issuing {g("what")}"),
        (new(@"^商务部新闻发言人就(?<what>.+?)(?:应询)?答记者问$"), (m, g) => $"MOFCOM spokesperson's answers on {g("what")}"),
        (new(@"^(?:关于|公布)对(?<what>.+?)实施出口管制的(?<kind>公告|决定)$"), (m, g) => $"{(m.Groups["kind"].Value == "决定" ? "Decision on" : "Announcement on")} export controls on {g("what")}"),
        (new(@"^关于加强(?<what>.+?)对(?<to>.+?)出口管制的公告$"), (m, g) => $"Announcement on strengthening export controls on {g("what")} to {g("to")}"),
        (new(@"^关于暂停实施(?<what>.+?)的(?:公告|决定)$"), (m, g) => $"Announcement suspending {g("what")}"),
        (new(@"^关于(?:优化)?调整(?<what>.+?)的(?:公告|决定)$"), (m, g) => $"Announcement adjusting {g("what")}"),
        (new(@"^关于(?<what>.+?)的公告$"), (m, g) => $"Announcement on {g("what")}"),
        (new(@"^关于(?<what>.+?)的决定$"), (m, g) => $"Decision on {g("what")}"),
    ];

    /// <summary>Phrase-by-phrase gloss: longest known phrase first, numbers as "No. 1 of 2026", unknown words as printed.</summary>
    private string? Words(string phrase)
    {
        var text = TextNormalizer.Normalize(NumberPattern().Replace(phrase, m =>
            $" No. {m.Groups["n"].Value} of {m.Groups["y"].Value} ")).Text;

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

    [GeneratedRegex(@"^(?:.{0,40}?(?:公告|令)\s*(?:\d{4}\s*年\s*第\s*\d+\s*号|〔\d{4}〕\s*\d+\s*号)|(?:商务部|海关总署|工业和信息化部|科技部|外交部|国家密码管理局|不可靠实体清单工作机制|\s)+(?=关于|公布))\s*")]
    private static partial Regex NumberedHead();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    private sealed record GlossaryFile(IReadOnlyList<GlossaryEntry> Entries);
}
