using System.Text.RegularExpressions;
using Alerts.Core.Notices;
using Alerts.Core.Goods;

namespace Alerts.Core.Matching;

/// <summary>
/// Which parts of a notice's (normalised) text say what the notice does, read the way a lawyer reads it: the legal
/// basis it cites (《两用物项出口管制条例》) and the names and addresses of the parties it lists are not its operative
/// clause, so goods words found there (无人机 in a company's name, 两用物项 in the title of a regulation) are not goods
/// the notice controls. Also decides which element of a chemical compound is its head (锑化镓 is gallium antimonide:
/// gallium, not antimony) and whether a statement announces a measure of its own.
/// </summary>
internal sealed partial class OperativeText
{
    /// <summary>
    /// CJK element characters (simplified and traditional) that make up compound names. In Chinese nomenclature the
    /// element named last is the compound's head (锑化镓 gallium antimonide, 磷化铟镓 indium gallium phosphide → gallium);
    /// an element followed by 化 or by another element is a component, not the goods (GB/T 16483, naming of inorganic
    /// compounds: "X化Y" reads "Y X-ide").
    /// </summary>
    private const string Elements =
        "镓锗锑铟钨碲铋钼锂钴镍锰镉锌铝铜铁钛硅砷磷硼钽铌铪锆钪钇镧铈镨钕钐铕钆铽镝钬铒铥镱镥锡铅铬钒镁汞硒" +
        "鎵鍺銻銦鎢鉍鉬鋰鈷鎳錳鎘鋅鋁銅鐵鈦矽鉭鈮鉿鋯鈧釔鑭鈰鐠釹釤銪釓鋱鏑鈥鉺銩鐿鑥錫鉛鉻釩鎂";

    private const byte Law = 1;
    private const byte Name = 2;
    private const byte Question = 4;
    private const byte Specification = 8;

    private readonly NormalizedText _normalized;
    private readonly string _scan;

    /// <summary>
    /// Per normalised character: 0 operative, <see cref="Law"/> a cited act, <see cref="Name"/> a listed party,
    /// <see cref="Question"/> a journalist's question (记者问 / 问：), which asks and never announces,
    /// <see cref="Specification"/> a numbered characteristic of a controlled item (具有以下所有特性的…窑：2. 衬里材料，包括石墨砖).
    /// </summary>
    private readonly byte[] _kind;

    /// <summary>A Chinese text, whose "other side" is a foreign government; a Japanese text's other side is China.</summary>
    private readonly bool _chinese;

    private OperativeText(NormalizedText normalized, byte[] kind, bool announcesMeasure, bool chinese)
    {
        _normalized = normalized;
        _chinese = chinese;
        _scan = normalized.Text;
        _kind = kind;
        AnnouncesMeasure = announcesMeasure;
    }

    /// <summary>The text (a statement, a news item) says a measure was decided or announced, not only discussed.</summary>
    public bool AnnouncesMeasure { get; }

    /// <summary>Reads the normalised text of <paramref name="notice"/> (<see cref="NoticeMatcher.ScannedText"/>).</summary>
    public static OperativeText Read(NormalizedText normalized, Notice notice)
    {
        var scan = normalized.Text;
        var kind = new byte[scan.Length];
        foreach (Match citation in LawCitation().Matches(scan))
        {
            Array.Fill(kind, Law, citation.Index, citation.Length);
        }

        foreach (var entity in notice.Entities)
        {
            foreach (var part in new[] { entity.Name, entity.NameEn, entity.Address })
            {
                var pattern = string.IsNullOrWhiteSpace(part) ? "" : TextNormalizer.NormalizeTerm(part);
                if (pattern.Length < 2)
                {
                    continue;
                }

                for (var at = scan.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = scan.IndexOf(pattern, at + pattern.Length, StringComparison.Ordinal))
                {
                    Array.Fill(kind, Name, at, pattern.Length);
                }
            }
        }

        // A journalist's question (有记者问：…是否也将对钨进行出口管制？) is context: what it names is not announced,
        // whatever the answer that follows announces.
        var original = normalized.Original;
        // The numbered lines under "具有以下所有特性的稀土用焙烧窑：" state what the item is (its size, lining, temperature):
        // the goods they name (石墨砖, graphite bricks of the kiln's lining) describe the controlled item and are not
        // controlled themselves (2025 No.56, 2B902.c).
        var lineKind = new byte[original.Length + 1];
        var announces = false;
        var underCharacteristics = false;
        for (var lineStart = 0; lineStart < original.Length;)
        {
            var lineEnd = original.IndexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? original.Length : lineEnd;
            var line = TextNormalizer.NormalizeTerm(original[lineStart..lineEnd]);
            underCharacteristics &= CharacteristicLine().IsMatch(line);
            if (underCharacteristics)
            {
                Array.Fill(lineKind, Specification, lineStart, lineEnd - lineStart);
            }

            underCharacteristics |= CharacteristicsHeading().IsMatch(line);
            if (QuestionLine().IsMatch(line))
            {
                Array.Fill(lineKind, Question, lineStart, lineEnd - lineStart);
            }
            else
            {
                // An announcement anywhere in the text counts, not only in its lead: news copies open with framing.
                announces |= DecisionThenMeasure().IsMatch(line) || MeasureThenDecision().IsMatch(line);
            }

            lineStart = lineEnd + 1;
        }

        for (var i = 0; i < scan.Length; i++)
        {
            kind[i] |= lineKind[normalized.Origins[i]];
        }

        announces &= notice.Measure is Measure.Statement or Measure.Consultation or Measure.Other;
        return new OperativeText(normalized, kind, announces, notice.Language.StartsWith("zh", StringComparison.Ordinal));
    }

    /// <summary>The hit lies in a cited act's title or in a listed party's name or address: not the operative clause.</summary>
    public bool IsExcluded(int start, int length) => Any(start, length, Law | Name);

    /// <summary>The hit lies in a journalist's question (记者问：是否也将对钨进行出口管制？): asked, not done.</summary>
    public bool IsInQuestion(int start) => Any(start, 1, Question);

    /// <summary>The hit lies in a numbered characteristic of a controlled item (its lining, size, purity): it describes the item.</summary>
    public bool IsInSpecification(int start) => Any(start, 1, Specification);

    /// <summary>
    /// The hit is an example of what a broad class covers: 两用物项出口管制清单有多达1005项，涵盖稀土、化学品、无人机…
    /// (a news copy of the 2026-01-06 ban on Japanese military users; its headline "…涵蓋稀土等逾千項"). The measure is on
    /// the class, so those goods are only mentioned.
    /// </summary>
    public bool IsCoveredExample(int start)
    {
        var original = _normalized.Original;
        var at = _normalized.Origins[Math.Clamp(start, 0, _scan.Length - 1)];
        var from = at;
        while (from > 0 && original[from - 1] is not ('，' or ',' or '。' or '\n' or '；' or ';' or '：' or ':'))
        {
            from--;
        }

        var clause = original.AsSpan(from, at - from);
        return clause.Contains("涵盖", StringComparison.Ordinal) || clause.Contains("涵蓋", StringComparison.Ordinal)
            || clause.Contains("覆盖", StringComparison.Ordinal) || clause.Contains("覆蓋", StringComparison.Ordinal);
    }

    /// <summary>The hit lies inside a listed party's name or address.</summary>
    public bool IsInsideListedName(int start, int length) => Any(start, length, Name);

    private bool Any(int start, int length, int kinds)
    {
        for (var i = Math.Max(0, start); i < start + length && i < _kind.Length; i++)
        {
            if ((_kind[i] & kinds) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The hit ends on an element that a compound continues (锑 in 锑化镓, 铟 in 磷化铟镓): that element is a component
    /// of another element's compound, not the goods.
    /// </summary>
    public bool IsCompoundComponent(int start, int length)
    {
        var end = start + length;
        if (length == 0 || end >= _scan.Length || !Elements.Contains(_scan[end - 1], StringComparison.Ordinal))
        {
            return false;
        }

        var next = _scan[end];
        return next == '化' || Elements.Contains(next, StringComparison.Ordinal);
    }

    /// <summary>
    /// The sentence around the hit says what is done (管制, 禁止, 暂停, 出口, 许可 …) or is an item of an enumerated list
    /// (2. 氮化镓…, （一）锑相关物项): background in news copies ("镓和锗是半导体产业的关键原料") is neither.
    /// </summary>
    public bool IsInOperativeSentence(int start)
    {
        var original = _normalized.Original;
        var (at, from, to) = SentenceAround(start);
        var lineStart = at;
        while (lineStart > 0 && original[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        var sentence = TextNormalizer.NormalizeTerm(original[from..to]);

        // 美方同步暂停实施对华海事、物流和造船业301调查措施: what the other government does is the context a Chinese notice
        // answers, not what the notice does (its goods words are the other measure's).
        if (_chinese && (ForeignActorSentence().IsMatch(sentence) || IsInMeasureAgainstChina(original, at, from, to)))
        {
            return false;
        }

        // "Instead, the U.S. decided to … suspend investigations into China's maritime and shipbuilding sectors": an
        // English paragraph whose subject is the other government reports its measure, not China's.
        if (!_chinese && EnglishForeignActorParagraph().IsMatch(sentence))
        {
            return false;
        }

        // 前日に米国は対中半導体規制を強化している: in Japanese, 対中 (against China) marks the other side's measure.
        if (!_chinese && original.AsSpan(from, to - from).Contains("対中", StringComparison.Ordinal))
        {
            return false;
        }

        return ControlWords().IsMatch(sentence)
            || EnumeratedItem().IsMatch(original.AsSpan(lineStart, Math.Min(12, original.Length - lineStart)));
    }

    /// <summary>
    /// The hit is the first part of an industry's or a facility's name: 造船业 (the shipbuilding industry), 费城造船厂 (a
    /// shipyard), 无人机企业, 稀土产业链. A sector or a plant is not goods a measure controls.
    /// </summary>
    public bool IsSectorOrFacility(int start, int length)
    {
        var end = start + length;
        if (length == 0 || end >= _scan.Length)
        {
            return false;
        }

        var after = _scan.AsSpan(end, Math.Min(2, _scan.Length - end));
        var english = _scan.AsSpan(end, Math.Min(12, _scan.Length - end));
        return after[0] is '业' or '厂' || after.StartsWith("企业") || after.StartsWith("产业") || after.StartsWith("公司") || after.StartsWith("集团")
            || english.StartsWith(" industr") || english.StartsWith(" sector") // the semiconductor industry, the shipbuilding sector
            // 半導体材料のガリウム, 半導体などの原材料となるガリウム (a material for semiconductors: gallium, not chips; 石墨材料 is
            // graphite), 半導体産業, 先端半導体分野:
            // a use, an industry or a field, not the goods.
            || (_scan.AsSpan(start, length).EndsWith("导体") && _scan.AsSpan(end, Math.Min(8, _scan.Length - end)) is var use
                && (use.Contains("材料", StringComparison.Ordinal) || use.Contains("原料", StringComparison.Ordinal))) || after.StartsWith("産業") || after.StartsWith("业界") || after.StartsWith("業界") || after.StartsWith("分野")
            || after.StartsWith("领域") || IsMaker(_scan.AsSpan(end, Math.Min(8, _scan.Length - end)))
            || IsUseOf(_scan.AsSpan(end, Math.Min(14, _scan.Length - end)));
    }

    /// <summary>
    /// 黒鉛は…動力電池の負極材に用いられる: the goods something is used in (Japanese), not goods the text controls. The scan
    /// is normalised, hiragana to katakana: に用いられ is ニ用イラレ.
    /// </summary>
    private static bool IsUseOf(ReadOnlySpan<char> after) =>
        after.Contains("ニ用イラレ", StringComparison.Ordinal) || after.Contains("ニ使ワレ", StringComparison.Ordinal) || after.Contains("ニ使用サレ", StringComparison.Ordinal);

    /// <summary>半導体装置メーカー, 半导体设备制造商: a maker of the goods (within a few characters), not the goods.</summary>
    private static bool IsMaker(ReadOnlySpan<char> after) =>
        after.Contains("メーカー", StringComparison.Ordinal) || after.Contains("制造商", StringComparison.Ordinal) || after.Contains("厂商", StringComparison.Ordinal);

    /// <summary>
    /// The hit names the sectors of a measure against China (与美方暂停实施对华海事、物流和造船业301调查措施同步…): China
    /// is never the target of its own measure, so goods between 对华 and 调查/措施 are the other side's.
    /// </summary>
    private static bool IsInMeasureAgainstChina(string original, int at, int from, int to)
    {
        var before = original.AsSpan(Math.Max(from, at - 20), at - Math.Max(from, at - 20));
        var after = original.AsSpan(at, Math.Min(to, at + 25) - at);
        return AgainstChina().IsMatch(before) && ForeignMeasureEnd().IsMatch(after);
    }

    /// <summary>
    /// The sentence around the hit announces an item control (决定对镓…实施出口管制, …の輸出を禁止すると発表): not a
    /// listing of parties (列入…名单, リストに加え), whose goods words are the parties' trades or names.
    /// </summary>
    public bool IsInItemControlAnnouncement(int start)
    {
        if (Any(start, 1, Question))
        {
            return false;
        }

        var (_, from, to) = SentenceAround(start);
        var sentence = TextNormalizer.NormalizeTerm(_normalized.Original[from..to]);
        return (DecisionThenMeasure().IsMatch(sentence) || MeasureThenDecision().IsMatch(sentence)) && !ListingWords().IsMatch(sentence);
    }

    /// <summary>
    /// Where the hit at <paramref name="start"/> (an index in the normalised text) sits in the original text, and the
    /// sentence around it there: sentences are read in the original, because normalising drops the line breaks and
    /// question marks that end them.
    /// </summary>
    private (int At, int From, int To) SentenceAround(int start)
    {
        var original = _normalized.Original;
        var at = _normalized.Origins[Math.Clamp(start, 0, _scan.Length - 1)];
        var from = at;
        while (from > 0 && !IsSentenceEnd(original[from - 1]))
        {
            from--;
        }

        var to = at;
        while (to < original.Length && !IsSentenceEnd(original[to]))
        {
            to++;
        }

        return (at, from, to);
    }

    /// <summary>
    /// The hit describes goods rather than naming a measure: 具有明显的军民两用属性, 明確な軍民両用性を持ち (the reason a
    /// control gives), not "all dual-use items".
    /// </summary>
    public bool IsDescription(int start, int length)
    {
        var end = Math.Min(_scan.Length, start + length);
        var after = _scan.AsSpan(end, Math.Min(3, _scan.Length - end));
        var before = _scan.AsSpan(Math.Max(0, start - 8), Math.Min(8, start));
        return after.StartsWith("属性") || after.StartsWith("特性") || after.StartsWith("性") || after.StartsWith("特征")
            || before.Contains("具有", StringComparison.Ordinal) || before.Contains("具备", StringComparison.Ordinal);
    }

    // Normalised sentence whose subject is a foreign government (after at most two leading phrases, each ending in a comma):
    // 美国宣布自11月10日起暂停实施其对中国…措施, 美东时间2025年11月9日,美国宣布…, 美方同步暂停实施….
    [GeneratedRegex(@"^(?:[^,，。]{0,20}[,，]){0,2}(?:美方|美国|欧盟|欧方|日方|日本政府|荷兰政府|英国政府|韩方|加拿大政府|澳大利亚政府)(?:政府|商务部|国会|总统)?[^,，。]{0,10}?(?:宣布|决定|发布|公布|实施|暂停|出台|宣称|更新)")]
    private static partial Regex ForeignActorSentence();

    // Normalised (lower case): "the u.s. decided…", "instead, washington announced…", "the us commerce department added…".
    [GeneratedRegex(@"^(?:[^,]{0,30},\s*){0,2}(?:the\s+)?(?:u\.?s\.?|united states|washington|us)(?:\s+(?:government|president\s+\S+\s+\S+|commerce department|department of commerce|treasury|administration|side))?\s+(?:has\s+|had\s+|also\s+)?(?:decided|announced|imposed|said|will|would|added|agreed|plans|placed|put|extended|slashed)\b")]
    private static partial Regex EnglishForeignActorParagraph();

    [GeneratedRegex(@"对华|對華|对中国|對中國")]
    private static partial Regex AgainstChina();

    [GeneratedRegex(@"调查|調查|措施|制裁|限制|打压|打壓")]
    private static partial Regex ForeignMeasureEnd();

    [GeneratedRegex(@"列入|名单|清单|リスト|实体|企业|企業|机构|機関|公司")]
    private static partial Regex ListingWords();

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '；' or '\n' or ';' or '?' or '!';

    /// <summary>A journalist's question, normalised: 记者问：, 有记者问：, 问：, Q:, 記者：.</summary>
    [GeneratedRegex(@"^\s*(?:有?记者问|问\s*[:：]|q\d*\s*[:：]|记者\s*[:：])", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionLine();

    // Normalised (simplified, lower case, katakana): words of a measure in Chinese, Japanese and English (輸出 normalises
    // to 输出; 厳格な審査 to 审查). 追加 is METI's
    // "added" to the list of controlled goods (別表第一に…を追加; an item line ends 【7の項(10の2)の追加】).
    [GeneratedRegex(@"管制|管控|禁止|暂停|停止|许可|出口|进口|物项|清单|目录|调整|取消|实施|措施|规制|規制|輸出|输出|审查|禁輸|追加|export|control|licen|ban|prohibit|suspen")]
    private static partial Regex ControlWords();

    [GeneratedRegex(@"^\s*(?:\d{1,3}\s*[\.．、)）]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])")]
    private static partial Regex EnumeratedItem();

    /// <summary>
    /// One item defined by its characteristics: 具有以下所有特性的稀土用焙烧窑：. Not a clause that introduces the items
    /// themselves (满足以下特性的物项，未经许可，不得出口：, 2024 No.33), whose numbered lines are the controlled goods.
    /// </summary>
    [GeneratedRegex(@"(?:具有|具备)(?:以下|下列)[^。\n]{0,6}?(?:特性|特征|特点|参数|技术指标)(?!的?(?:物项|物品|货物|产品|技术))[^。\n]{0,40}[:：]\s*$")]
    private static partial Regex CharacteristicsHeading();

    /// <summary>A characteristic under such a heading is numbered in Arabic figures or letters (1., 2）, a.): a (一) or 一、 starts the next item.</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,2}\s*[\.．、)）](?!\d)|[（(]\s*\d{1,2}\s*[)）]|[a-z]\s*[\.．)）])")]
    private static partial Regex CharacteristicLine();

    // A cited act: 《…法》《…条例》《…规定》《…办法》《…细则》《…决定》 (and 『…』「…」 in Japanese copies). Lists and
    // catalogues (《两用物项出口管制清单》, 《…目录》) are what catalogue notices publish, so they stay operative.
    [GeneratedRegex(@"[《『「][^《》『』「」\n]{1,80}?(?:法|条例|规定|办法|细则|决定|法律|条約|公约)[》』」]")]
    private static partial Regex LawCitation();

    // Normalised text: traditional → simplified, hiragana → katakana (TextNormalizer), so 決定 is 决定 and する is スル.
    // 公告 as a verb (接连公告，将…实施出口管制) announces like 发布公告.
    [GeneratedRegex(@"(?:决定|宣布|发布|公布|発表|公告(?=[,，、:：]?(?:将|对|自|决定)))[^。\n]{0,80}?(?:禁止|出口管制|列入|管控名单|关注名单|不可靠实体清单|輸出规制|輸出管理|規制|规制)")]
    private static partial Regex DecisionThenMeasure();

    [GeneratedRegex(@"(?:禁止|列入|規制|规制|管制)[^。\n]{0,20}?(?:决定|発表)")]
    private static partial Regex MeasureThenDecision();
}
