using System.Globalization;
using System.Text.RegularExpressions;
using Alerts.Core.Matching;

namespace Alerts.Core.Notices;

/// <summary>
/// The parties a measure acts on: numbered annex lines (<c>1.</c>, <c>1、</c>, <c>（1）</c>, <c>１．</c>), names inline in the
/// operative sentence (决定将A公司（English）、B公司列入…), each with its English name when one is printed, and the count
/// the text states (20家日本实体) to reconcile with what was found.
/// </summary>
internal static partial class NoticeExtraction
{
    /// <summary>Measures that act on named parties; other notices name companies only as context.</summary>
    public static bool ActsOnParties(Measure measure) => measure is Measure.ControlListAddition or Measure.WatchListAddition
        or Measure.UnreliableEntityAddition or Measure.Investigation or Measure.Countermeasure or Measure.Fine
        or Measure.Removal or Measure.Suspension or Measure.Lifting or Measure.Resumption;

    /// <summary>Entities of a notice: numbered lines, then names inline in the operative text, each once, in printed order.</summary>
    public static IReadOnlyList<ListedEntity> FindEntities(IReadOnlyList<string> lines, Measure measure)
    {
        if (!ActsOnParties(measure))
        {
            return [];
        }

        var entities = FindEntities(lines).ToList();
        var english = EnglishLines(lines);
        var inline = FindInlineEntities(string.Join('\n', lines)).Concat(FindTitledPersons(lines)).Concat(FindEnglishListedEntities(english))
            .Concat(FindEnglishPersonsWithRoles(english));
        foreach (var entity in inline)
        {
            if (!entities.Exists(e => SameName(e, entity)))
            {
                entities.Add(entity);
            }
        }

        return entities;
    }

    /// <summary>
    /// An English copy names the parties in one sentence: "The companies in question are A, B and C." / "The entities are
    /// A, Inc., B Inc., and C, according to a MOFCOM statement." A comma before a corporate suffix (Inc., LLC) is part
    /// of the name, not a separator.
    /// </summary>
    private static IEnumerable<ListedEntity> FindEnglishListedEntities(IReadOnlyList<string> englishLines)
    {
        foreach (var line in englishLines)
        {
            if (EnglishPartyList().Match(line) is not { Success: true } list)
            {
                continue;
            }

            // The list ends with its sentence ("… & Defense. They will be barred …"; "… Skydio Inc. Among the …"), and
            // what follows the last "and" is one name, commas and all ("…, and Boeing Defense, Space & Security").
            var text = list.Groups["list"].Value;
            text = EnglishSentenceEnd().Match(text) is { Success: true } end ? text[..(end.Index + 1)] : text;
            text = EnglishAttribution().Replace(text, "").TrimEnd();
            text = text.EndsWith('.') && !AbbreviationAtEnd().IsMatch(text) ? text[..^1] : text; // the sentence's full stop, not Inc.'s
            var last = EnglishLastAnd().Match(text);
            var head = last.Success ? text[..last.Index] : text;
            var names = new List<string>();
            foreach (var piece in EnglishListSeparator().Split(head))
            {
                var name = piece.Trim();
                if (name.Length == 0)
                {
                    continue;
                }

                if (names.Count > 0 && CorporateSuffix().IsMatch(name))
                {
                    names[^1] += ", " + name;
                    continue;
                }

                names.Add(name);
            }

            if (last.Success && text[(last.Index + last.Length)..].Trim() is { Length: > 0 } tail)
            {
                names.Add(tail);
            }

            foreach (var name in names)
            {
                yield return new ListedEntity(name, name);
            }
        }
    }

    /// <summary>The lines an English copy's rules read: NFKC (full-width letters), trimmed, none with a Han character.</summary>
    private static List<string> EnglishLines(IReadOnlyList<string> lines) =>
        [.. lines.Select(l => l.Normalize(System.Text.NormalizationForm.FormKC).Trim()).Where(l => !HasHan(l))];

    /// <summary>
    /// Persons an English copy lists with their roles, items apart by semicolons: "Among the individuals sanctioned are …,
    /// including Steven Roger Rudder, founder of Stick Rudder Enterprises LLC; James William Ickes II, vice president of
    /// Sierra Nevada Corporation; and David Keith Sutton, director of …". The name is what comes before the role.
    /// </summary>
    private static IEnumerable<ListedEntity> FindEnglishPersonsWithRoles(IReadOnlyList<string> englishLines)
    {
        foreach (var line in englishLines)
        {
            foreach (Match list in EnglishPersonList().Matches(line))
            {
                var text = list.Groups["list"].Value;
                text = EnglishSentenceEnd().Match(text) is { Success: true } end ? text[..end.Index] : text;
                var items = text.Split(';');
                if (items.Length < 2)
                {
                    continue; // without semicolons the commas cannot tell a name from its role
                }

                foreach (var item in items)
                {
                    var name = item.Trim();
                    name = name.StartsWith("and ", StringComparison.Ordinal) ? name[4..].Trim() : name;
                    var comma = name.IndexOf(',', StringComparison.Ordinal);
                    if (comma > 0 && EnglishPersonName().IsMatch(name[..comma]))
                    {
                        yield return new ListedEntity(name[..comma], name[..comma]);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"\b(?:individuals|persons|people|executives|targets)\b[^.;]{0,60}?\b(?:include|includes|including|are)\s+(?:prominent\s+figures,\s+including\s+)?(?<list>[A-Z][^\n]{10,1500})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishPersonList();

    /// <summary>Two to five capitalised words (Young-Tae Park, James William Ickes II): a person's name, not a role.</summary>
    [GeneratedRegex(@"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.|II|III|IV|Jr\.?)){1,4}$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishPersonName();

    /// <summary>
    /// "The companies in question are A, B and C"; "…will affect three military-industrial firms: A, B, and C" (a count or
    /// "following" before the colon: "…on those companies: They didn't…" opens a quotation, not a list).
    /// </summary>
    [GeneratedRegex(@"(?:^(?:The|These)\s+(?:listed\s+|\w+\s+){0,2}(?:U\.?S\.?\s+|American\s+|Japanese\s+)?(?:companies|entities|firms|enterprises)\s+(?:in question\s+|listed\s+)?(?:are|include)\s+|\b(?:following|(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2})(?:companies|entities|firms|enterprises)\s*:\s*)(?<list>[A-Z][^;:]{2,600})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishPartyList();

    /// <summary>A full stop that ends the sentence: the next word is capitalised and followed by a lower-case one ("They will").</summary>
    [GeneratedRegex(@"\.\s+(?=[A-Z][a-z'’]*\s+[a-z])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishSentenceEnd();

    [GeneratedRegex(@",?\s+(?:according to|said)\b.*$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishAttribution();

    [GeneratedRegex(@"\b(?:Inc|Corp|Co|Ltd|Bhd|Pty|L\.L\.C|S\.A|Jr|Sr)\.$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AbbreviationAtEnd();

    /// <summary>The last ", and" / " and " of a list, outside brackets.</summary>
    [GeneratedRegex(@",?\s+and\s+(?!.*\s+and\s+)(?![^(]*\))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishLastAnd();

    [GeneratedRegex(@",\s*and\s+|\s+and\s+|,\s*", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishListSeparator();

    [GeneratedRegex(@"^(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Corp\.?|Co\.?|LP|plc|GmbH|AG|S\.A\.)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex CorporateSuffix();

    /// <summary>Numbered lines <c>n. 中文名（English name）</c>, each optionally followed by 地址/邮编/别名 lines.</summary>
    public static IReadOnlyList<ListedEntity> FindEntities(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var entities = new List<ListedEntity>();
        ListedEntity? current = null;
        var inList = false;
        foreach (var raw in lines)
        {
            var line = Fold(raw).Trim();
            if (line.Length is 0 or > 600)
            {
                continue;
            }

            var numbered = NumberedLine().Match(line);
            var entity = numbered.Success ? ParseEntity(numbered.Groups["rest"].Value, inList)
                : PersonLine().IsMatch(line) ? ParseEntity(line, inList: false)
                : null;
            if (entity is not null)
            {
                if (current is not null)
                {
                    entities.Add(current);
                }

                current = entity;
                continue;
            }

            if (ListHeading().IsMatch(line))
            {
                inList = true;
            }

            if (current is null)
            {
                continue;
            }

            var address = AddressLine().Match(line);
            if (address.Success)
            {
                current = current with { Address = address.Groups[1].Value.Trim() };
                continue;
            }

            var postcode = PostcodeLine().Match(line);
            if (postcode.Success)
            {
                current = current with { Postcode = postcode.Groups[1].Value.Trim() };
            }
        }

        if (current is not null)
        {
            entities.Add(current);
        }

        return entities.DistinctBy(e => NameKey(e.Name)).ToList();
    }

    /// <summary>决定将A公司（A Inc.）、B公司（B Corp.）列入…; 对A公司、B公司采取反制措施 (实施制裁); 对A公司进行调查.</summary>
    internal static IReadOnlyList<ListedEntity> FindInlineEntities(string body)
    {
        var entities = new List<ListedEntity>();
        var folded = Fold(body.Length > 8000 ? body[..8000] : body);
        // 中方决定对…28名人员实施制裁，包括特朗普政府中的蓬佩奥、纳瓦罗…以及博尔顿、班农等: the persons named after 包括.
        foreach (Match including in SanctionIncluding().Matches(folded))
        {
            // …莱克斯曼(Miriam Lexmann),荷兰议会议员舍尔茨玛(…): in a list after the sanction, a comma outside brackets
            // separates names (one country's from the next), as 、 does.
            var listed = including.Groups["list"].Value;
            for (var comma = LastTopLevelComma(listed); comma >= 0; comma = LastTopLevelComma(listed))
            {
                listed = string.Concat(listed[..comma], "、", listed[(comma + 1)..]);
            }

            foreach (var part in SplitTopLevel(listed))
            {
                var name = part.Trim();
                name = name[(name.LastIndexOf('的') + 1)..];
                // “中国研究小组”、保守党人权委员会: a name in quotation marks is an organisation's, whatever its last word.
                var entity = PersonName().IsMatch(name) && !GroupWord().IsMatch(name) ? new ListedEntity(name)
                    : name.Length > 2 && name[0] == '“' && name[^1] == '”' ? new ListedEntity(name[1..^1])
                    : ParseEntity(part, inList: false);
                if (entity is not null && !entities.Exists(e => SameName(e, entity)))
                {
                    entities.Add(entity);
                }
            }
        }

        // A Japanese copy: 20の企業・団体には、三菱重工航空エンジン、…、宇宙航空研究開発機構（JAXA）などが含まれている — the
        // parties the sentence names, suffix or not.
        foreach (Match included in JapaneseIncludedParties().Matches(folded))
        {
            foreach (var part in SplitTopLevel(included.Groups["list"].Value))
            {
                if (ParseEntity(part, inList: true) is { } entity && !entities.Exists(e => SameName(e, entity)))
                {
                    entities.Add(entity);
                }
            }
        }

        foreach (var regex in new[] { InlineListing(), InlineCountermeasure(), InlineInvestigation() })
        {
            foreach (Match match in regex.Matches(folded))
            {
                // A sentence that recounts an earlier decision (2023年2月16日，工作机制将A、B列入…) is context.
                var sentenceStart = Math.Max(folded.LastIndexOfAny(['。', '\n'], Math.Max(0, match.Index - 1)) + 1, 0);
                var lead = folded[sentenceStart..match.Index];
                if (FullDate().IsMatch(lead) && !lead.Contains("决定", StringComparison.Ordinal))
                {
                    continue;
                }

                // 美国洛歇马丁…分公司作为主承包商…，而诺斯罗普格鲁曼公司多次参与对台售武，中方决定对这两间美国军工企业实施制裁:
                // "these two firms" are the firms just named, as a reader takes them.
                if (PointingBack().Match(match.Groups["list"].Value) is { Success: true } pointer)
                {
                    foreach (var entity in NamedBefore(folded, match.Groups["list"].Index + pointer.Index, pointer.Groups["n"].Value))
                    {
                        if (!entities.Exists(e => SameName(e, entity)))
                        {
                            entities.Add(entity);
                        }
                    }

                    continue;
                }

                // 对A分公司，以及B公司实施制裁: a comma before 以及 / 及 / 和 continues the list, it does not open a clause.
                var list = ListContinuation().Replace(match.Groups["list"].Value, "、");
                // 针对美国…对中国新疆有关人员实施单边制裁的行径，中方决定对A、B实施制裁: the object begins after the decision's
                // own 对, not at the first 对 of the sentence.
                if (DecisionObject().Match(list) is { Success: true } decision)
                {
                    list = list[(decision.Index + decision.Length)..];
                }

                // 对美国…委员会主席曼钦、副主席伯金斯，加拿大联邦众议员庄文浩、…实施制裁: a comma after a run of names (one
                // country's, then another's) separates names; only a comma after a clause (根据…，对) opens the list.
                var comma = LastTopLevelComma(list);
                while (comma >= 0 && list[..comma].Contains('、', StringComparison.Ordinal) && !ClauseMarker().IsMatch(list[..comma]))
                {
                    list = string.Concat(list[..comma], "、", list[(comma + 1)..]);
                    comma = LastTopLevelComma(list);
                }

                if (comma >= 0)
                {
                    // 将美国军火商通用动力等，28间美国企业列入: after the comma only the group is counted; the names are before it.
                    var before = list[..comma];
                    list = GroupTail().Replace(list[(comma + 1)..], "").Trim().Length == 0 && LastTopLevelComma(before) is var previous
                        ? before[(previous + 1)..]
                        : list[(comma + 1)..];

                    // 针对…出售武器，…宣布，根据《…》，对A、B实施制裁: the clause after the comma opens with its own 对.
                    list = list.TrimStart().StartsWith('对') ? list.TrimStart()[1..] : list;
                }

                // 根据《反外国制裁法》对前美商务部长罗斯、…实施制裁: the legal basis before the second 对 is not a name.
                list = LeadingBasis().Replace(list, "");

                // 斯巴鲁株式会社等无法核实两用物项最终用户、最终用途的20家日本实体: the head name is listed; what follows 等
                // describes the group (its qualifier may hold 、), it is not another name.
                list = QualifiedGroupTail().Replace(list, "");

                // 将韩华海洋株式会社5家美国相关子公司Hanwha Shipping LLC、…列入: the group is described, then named; the
                // description (and the parent it names) is not a listed party. With no names after it, nothing is listed.
                list = GroupLead().Replace(list, "");
                var parts = SplitTopLevel(GroupTail().Replace(list, "")).ToList();

                // 洛克希德·马丁、波音防务、雷神等美国企业: the group after 等 says what the names before it are, suffix or not.
                var lastOfGroup = parts.FindLastIndex(p => NamedGroupTail().IsMatch(p));
                for (var i = 0; i < parts.Count; i++)
                {
                    if (ParseEntity(parts[i], inList: false, organisation: i <= lastOfGroup) is { } entity && !entities.Exists(e => SameName(e, entity)))
                    {
                        entities.Add(entity);
                    }
                }
            }
        }

        return entities;
    }

    /// <summary>
    /// The organisations a pointing-back group (这两间…企业, 该公司) refers to: the last <paramref name="count"/> names with a
    /// corporate suffix printed before it in the same paragraph (该 is one). With no count (上述企业) nothing is taken: the
    /// paragraph may name firms the measure does not touch, and which ones it means is not said.
    /// </summary>
    private static List<ListedEntity> NamedBefore(string folded, int pointerIndex, string count)
    {
        var wanted = count.Length > 0 ? ParseNumber(count) : folded.AsSpan(pointerIndex).StartsWith("该", StringComparison.Ordinal) ? 1 : null;
        if (wanted is not > 0)
        {
            return [];
        }

        var paragraphStart = folded.LastIndexOf('\n', Math.Max(0, pointerIndex - 1)) + 1;
        var from = Math.Max(paragraphStart, pointerIndex - 800);
        var named = new List<ListedEntity>();
        foreach (Match candidate in NamedOrganisation().Matches(folded[from..pointerIndex]))
        {
            var name = candidate.Groups["name"].Value;
            if (ParseEntity(name, inList: false) is { } entity && !named.Exists(e => SameName(e, entity)))
            {
                named.Add(entity);
            }
        }

        return named.Count <= wanted ? named : named[^wanted.Value..];
    }

    /// <summary>
    /// People named with their post in a running list (相关人员，包括执行主任穆罕默德·土赫提（Mehmet Tohti），政策及宣传主任
    /// 贾丝明·凯因特（Jasmine Kainth）…): a transliterated name after a title word, with its English form.
    /// </summary>
    private static IEnumerable<ListedEntity> FindTitledPersons(IReadOnlyList<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = Fold(raw);
            if (!line.Contains('·', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match person in TitledPerson().Matches(line))
            {
                yield return new ListedEntity(person.Groups["name"].Value, person.Groups["en"].Value.Trim());
            }
        }
    }

    /// <summary>The count a title states (<c>20家</c>), else the body's first; null when none.</summary>
    public static int? FindStatedEntityCount(string title, string body)
    {
        var match = FirstOwnCount(Fold(title));
        if (match.Success)
        {
            return ParseNumber(match.Groups["n"].Value);
        }

        // An English headline states the count of the listing it reports (China adds 7 US companies to …); the story's
        // body recalls other listings' counts, so only the headline is read.
        var english = EnglishEntityCount().Match(title);
        if (english.Success)
        {
            return EnglishNumber(english.Groups["n"].Value);
        }

        // A headline that names the parties without a count (China slaps sanctions on US firms) leaves the count to the
        // lead (of its first two lines: a subheading may come first): the firms and the persons named with them
        // (…targeting three American companies and ten U.S. citizens), as in 20家…与10名. A headline about something
        // else leaves a count in the story alone: it is another measure recalled.
        if (!HasHan(title + body) && EnglishPartyNoun().IsMatch(title) && body.Split('\n').Where(l => l.Split(' ').Length >= 8).Take(2)
                .Select(l => (Line: l, Firms: EnglishEntityCount().Match(l))).FirstOrDefault(l => l.Firms.Success) is { Line: { } lead, Firms: { } firms })
        {
            var persons = EnglishPersonCount().Match(lead, firms.Index + firms.Length);
            return EnglishNumber(firms.Groups["n"].Value) + (persons.Success ? EnglishNumber(persons.Groups["n"].Value) ?? 0 : 0);
        }

        // 等12家后附《反制清单》列明的企业 … 等10名…高级管理人员: a decision on firms and people states both counts.
        var operative = OperativeText(body.Length > 3000 ? body[..3000] : body);
        match = FirstOwnCount(operative);
        var people = PersonCount().Match(operative);
        if (!match.Success && !people.Success)
        {
            return null;
        }

        return (match.Success ? ParseNumber(match.Groups["n"].Value) ?? 0 : 0) + (people.Success ? ParseNumber(people.Groups["n"].Value) ?? 0 : 0);
    }

    /// <summary>
    /// The first count of parties not in the other side's clause: 美国八日宣布对大陆和香港的十九个实体增至出口管制清单后 counts
    /// that measure's parties, not the notice's.
    /// </summary>
    private static Match FirstOwnCount(string folded)
    {
        foreach (Match count in EntityCount().Matches(folded))
        {
            var clauseStart = folded.LastIndexOfAny(['。', '，', ',', '\n'], Math.Max(0, count.Index - 1)) + 1;
            if (!ForeignCountClause().IsMatch(folded.AsSpan(clauseStart, count.Index - clauseStart)))
            {
                return count;
            }
        }

        return Match.Empty;
    }

    [GeneratedRegex(@"(?:美国|美方|日本政府|欧盟|荷兰政府)[^。，,]{0,12}?(?:宣布|决定|将|把)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ForeignCountClause();

    private static int? EnglishNumber(string n) =>
        int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var digits)
            ? digits
            : Array.IndexOf(EnglishNumbers, n.ToLowerInvariant()) is var word and > 0 ? word : null;

    [GeneratedRegex(@"\b(?:companies|firms|entities|enterprises|manufacturers|makers|contractors)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishPartyNoun();

    [GeneratedRegex(@"\G[^.;]{0,20}?\band\s+(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:(?:U\.?S\.?|American|Japanese|Taiwanese)\s+)?(?:citizens|individuals|executives|persons)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishPersonCount();

    private static readonly string[] EnglishNumbers =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    [GeneratedRegex(@"\b(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:(?:U\.?S\.?|United\s+States|American|Japanese|EU|European|Canadian|Taiwanese|UK|British|foreign)\s+)?(?:defen[cs]e\s+|military(?:-industrial)?\s+|drone\s+)?(?:companies|firms|entities|enterprises|organizations|organisations|manufacturers|contractors)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishEntityCount();

    /// <summary>
    /// One entity from the text after a list number or between separators: the name up to its bracketed English part,
    /// accepted when it reads as an organisation (an English name, or a name ending in 公司/集团/株式会社/研究所…) and not
    /// as a clause of the notice (禁止…, 出口经营者…).
    /// </summary>
    private static ListedEntity? ParseEntity(string text, bool inList, bool organisation = false)
    {
        var rest = text.Trim().TrimEnd('。', '；', ';', ',', '，', '、').Trim('“', '”', '"');
        if (rest.Length < 2 || ClauseStart().IsMatch(rest) || ItemWords().IsMatch(rest))
        {
            return null;
        }

        // 前美商务部长罗斯, “美国国际共和研究所”在港授权代表亚当·金, “美国国际事务民主协会”金度允: a person named after
        // their post or organisation is the party (7个美方人员和实体, 2021-07-23); the post and the organisation are not.
        if (PersonAfterPost().Match(rest) is { Success: true } post && !OrgSuffix().IsMatch(post.Groups["name"].Value)
            && !GroupWord().IsMatch(post.Groups["name"].Value))
        {
            return new ListedEntity(post.Groups["name"].Value);
        }

        string name;
        string? english = null;
        var open = rest.IndexOf('(', StringComparison.Ordinal);
        if (open > 0)
        {
            name = rest[..open].Trim();
            var depth = 0;
            var close = -1;
            for (var i = open; i < rest.Length; i++)
            {
                depth += rest[i] == '(' ? 1 : rest[i] == ')' ? -1 : 0;
                if (depth == 0)
                {
                    close = i;
                    break;
                }
            }

            var inside = close > open ? rest[(open + 1)..close] : rest[(open + 1)..];
            inside = EnglishPrefix().Replace(inside, "").Trim();
            if (LatinLetters().Count(inside) >= 3)
            {
                english = inside;
            }
        }
        else
        {
            name = AfterName().Split(rest, 2)[0].Trim();
            if (!HasHan(name) && LatinLetters().Count(name) >= 3)
            {
                english = name; // -TechInsights Europe Limited: a branch named in English only
            }
        }

        if (ClauseWords().IsMatch(name))
        {
            return null;
        }

        name = NamePrefix().Replace(name, "").Trim();
        // 美国军火商通用动力: a name after the party's role (军火商, 承包商) is a company's, corporate suffix or not.
        var qualifier = InlineQualifier().Match(name);
        var named = qualifier.Groups["role"].Success;
        name = name[qualifier.Length..].Trim().TrimEnd('等');
        var etc = EtcTail().Match(name);
        if (etc.Success)
        {
            name = name[..etc.Index].Trim();
        }

        if (name.Length is < 2 or > 100 || ClauseStart().IsMatch(name) || GroupWord().IsMatch(name))
        {
            return null;
        }

        // A person: a transliterated name (凯西·沃登), or a name followed by 男 / 女 (余茂春，男).
        var person = name.Contains('·', StringComparison.Ordinal) || name.Contains('・', StringComparison.Ordinal) || Gender().IsMatch(rest);
        organisation |= named || OrgSuffix().IsMatch(name) || (english is not null && (OrgSuffix().IsMatch(english) || english.Contains(' ', StringComparison.Ordinal)));
        if (!organisation && !person && !(inList && (english is not null || name.Length <= 30)))
        {
            return null;
        }

        return new ListedEntity(name, english);
    }

    private static int LastTopLevelComma(string list)
    {
        var depth = 0;
        var last = -1;
        for (var i = 0; i < list.Length; i++)
        {
            depth += list[i] is '(' ? 1 : list[i] is ')' ? -1 : 0;
            if (depth == 0 && list[i] is ',' or '，')
            {
                last = i;
            }
        }

        return last;
    }

    /// <summary>Splits 、 和 及 separated names, never inside brackets (English names hold commas).</summary>
    private static IEnumerable<string> SplitTopLevel(string list)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            var c = list[i];
            depth += c is '(' or '（' ? 1 : c is ')' or '）' ? -1 : 0;
            if (depth != 0)
            {
                continue;
            }

            var separator = c is '、' or ';' or '；' ? 1
                : list.AsSpan(i).StartsWith("以及", StringComparison.Ordinal) ? 2
                : (c is '和' or '及') && i > start && (list[i - 1] is ')' or '）' or '司' or '团' or '社' or '所' or '院' or '行' or '馆' or '”' || char.IsAsciiLetter(list[i - 1])
                    || (i + 1 < list.Length && list[i + 1] is '“')) ? 1 : 0;
            if (separator > 0)
            {
                yield return list[start..i];
                start = i + separator;
                i += separator - 1;
            }
        }

        yield return list[start..];
    }

    private static bool SameName(ListedEntity a, ListedEntity b) =>
        NameKey(a.Name) == NameKey(b.Name)
        || (a.NameEn is { } x && b.NameEn is { } y && NameKey(x) == NameKey(y));

    /// <summary>A name's comparison key: folded, lower case, letters and digits only.</summary>
    internal static string NameKey(string name)
    {
        var folded = Fold(name).ToLower(CultureInfo.InvariantCulture);
        return string.Concat(folded.Where(char.IsLetterOrDigit));
    }

    [GeneratedRegex(@"^(?:[-–—•]\s*(?=\S)|\(\s*(?:\d{1,3}|[一二三四五六七八九十]{1,4})\s*\)|\d{1,3}\s*[.、,:](?!\d)|[一二三四五六七八九十]{1,4}\s*、|\d{1,3}\s+(?=\S))\s*(?<rest>.+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"名单|清单|实体|附件|反制|企业$|个人$|人员$|机构$|List", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ListHeading();

    [GeneratedRegex(@"^(?:禁止|不得|应当|应该|应予|可以|须|必须|对|将|在|自|本公告|本决定|本规定|上述|相关|有关|出口经营者|任何|经国务院|经研究|经审查|根据|依据|如|凡|其|该|即|并|已|现将|现就|现予|请|各|一律|包括|涉及|冻结|禁止|不予|暂停|停止|取消|中止|推迟|危害|违反)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ClauseStart();

    /// <summary>
    /// Words of a sentence, never of a name: 特殊情况下确需出口的, 凯普拉格斯公司须尽快采取措施, 调查期间; in a Japanese
    /// translation the particles of a clause (輸出業者がこれらの20企業・団体に…を輸出することを禁止する).
    /// </summary>
    [GeneratedRegex(@"的$|时$|期间|确需|须|应当|不得|禁止|采取|开展|尽快|措施|相关实体|和高级管理人员|^高级管理人员$|^(?:机构)?人员$|^个人$|[\u4e00-\u9fff][^\s]*[がを]|ことを|しなければ", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ClauseWords();

    [GeneratedRegex(@"海关商品编号|税则号列|物项|纯度|含量|参数|≥|≤|%", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ItemWords();

    [GeneratedRegex(@"^\s*(?:英文名称|英文名|英文)\s*[:：]\s*", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EnglishPrefix();

    [GeneratedRegex(@"^[^,，。;；(]{2,20}(?:\([^)]{2,60}\))?\s*[,，]\s*[男女]\s*(?:[,，。]|$)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PersonLine();

    [GeneratedRegex(@"^[^,，。;；]{2,60}?(?:\([^)]*\))?\s*[,，]\s*[男女](?:[,，。]|$)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Gender();

    [GeneratedRegex(@"[A-Za-z]", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex LatinLetters();

    [GeneratedRegex(@"[,，;；。]|地址|邮编|\s{2,}|\t|\|", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AfterName();

    [GeneratedRegex(@"^(?:以下|下列|上述)?(?:\d+\s*家)?", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NamePrefix();

    /// <summary>参与向中国台湾地区出售武器的美国通用原子航空系统公司 → 通用原子航空系统公司: the reason and the nationality.</summary>
    [GeneratedRegex(@"^(?:[^、“”()]{0,40}?的)?(?:美国|日本|欧盟|英国|加拿大|台湾地区|中国台湾地区)?(?<role>(?:主要|主)?(?:承包商|制造商|供应商|生产商|军火商))?(?:美国|日本|欧盟|英国|加拿大|台湾地区|中国台湾地区)?(?=[^\s]{2,})", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex InlineQualifier();

    /// <summary>通用动力陆地系统公司等后附《反制清单》列明的企业 → the name before 等.</summary>
    [GeneratedRegex(@"等(?=.*(?:家|后附|列明|企业|实体|单位|机构|人员))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EtcTail();

    /// <summary>A group description, not a name: 16家美国实体, 美国实体, 有关实体.</summary>
    [GeneratedRegex(@"^(?:\d+\s*家|[一二三四五六七八九十]+家)|^(?:以下|上述|有关|相关|部分|其他)?(?:美国|日本|欧盟|台湾地区|外国|境外)?(?:的)?(?:实体|企业|单位|机构|公司)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GroupWord();

    [GeneratedRegex(@"(?:公司|集团|株式会社|会社|研究所|研究院|研究中心|大学|学院|实验室|中心|协会|基金会|工厂|厂|银行|事务所|合伙企业|有限|图书馆|智库|委员会|组织|办公室|商会|联盟|Inc\.?|Corp\.?|Corporation|Company|Co\.,?\s*Ltd\.?|Ltd\.?|LLC|L\.L\.C\.|LP|GmbH|AG|S\.A\.|plc|Limited|Group|Laboratories|University|Institute|Systems|Technologies|Agency)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex OrgSuffix();

    [GeneratedRegex(@"将(?<list>[^。；;]{2,3000}?)(?:等\s*\d+\s*家[^。；;,，]{0,12}?)?(?:列入|纳入|移出)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex InlineListing();

    [GeneratedRegex(@"对(?<list>[^。；;]{2,2000}?)(?:等\s*\d+\s*家[^。；;,，]{0,12}?)?(?:及其高级管理人员)?(?:采取|实施)(?:以下|如下)?(?:反制措施|制裁)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex InlineCountermeasure();

    [GeneratedRegex(@"对(?<list>[^。；;]{2,800}?)(?:等\s*\d+\s*家[^。；;,，]{0,12}?)?(?:进行|开展|启动)?(?:立案)?调查", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex InlineInvestigation();

    [GeneratedRegex(@"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?:根据|依据|依照|按照)\s*《[^》]{1,80}》[^、对]{0,20}?对", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex LeadingBasis();

    /// <summary>…实施制裁，包括A、B以及C等(人)。: the sanctioned named after the sanction.</summary>
    [GeneratedRegex(@"(?:(?:实施|采取)(?:以下|如下)?(?:反制措施|制裁)\s*[,，]\s*(?:对象|名单|其中)?包括|(?:制裁|反制)(?:名单|对象)(?:包括|如下))\s*[:：]?\s*\n?\s*[“""]?(?<list>[^。；;\n]{2,600}?)(?:等人|等)?\s*(?:[。；;\n]|$)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex SanctionIncluding();

    [GeneratedRegex(@"(?:企业|企業|団体|团体|エンティティ)(?:[・·](?:団体|团体))?(?:に|には)\s*[、,，]?\s*(?<list>[^。\n]{2,600}?)(?:など|等)(?:が|も)含まれ", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseIncludedParties();

    /// <summary>A transliterated or Chinese personal name: 班农, 蓬佩奥, 卡罗琳·巴塞洛缪.</summary>
    [GeneratedRegex(@"^(?:[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff]{1,6}(?:[·・—-][\u4e00-\u9fff]{1,8})+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PersonName();

    /// <summary>A name after a post (部长, 主席, 主任, 代表, 国务卿…) or after an organisation in quotation marks, ending the part.</summary>
    [GeneratedRegex(@"^.{1,60}?(?:”|」|部长|国务卿|主席|主任|代表|顾问|议员|委员(?!会)|主管|负责人|局长|总裁|董事长|创始人|研究员|教授|律师)(?<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:[·・][\u4e00-\u9fff]{1,8})+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PersonAfterPost();

    [GeneratedRegex(@"^[^、,，]{0,40}?\d+\s*家[^、,，]{0,12}?(?:子公司|公司|实体|企业|机构)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GroupLead();

    [GeneratedRegex(@"(?:决定|宣布)[^。；;]{0,20}?对", RegexOptions.CultureInvariant | RegexOptions.RightToLeft, Timeout)]
    private static partial Regex DecisionObject();

    /// <summary>Words that make a comma's left side a clause (the basis, the decision, the reason), not names.</summary>
    [GeneratedRegex(@"对|根据|依据|按照|为了|为维护|鉴于|决定|宣布|表示|指出|针对|由于|因", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ClauseMarker();

    /// <summary>…雷神等美国企业: a name followed by 等 and the kind of party the list names (not 等人).</summary>
    [GeneratedRegex(@"(?<=[^\s、])等\s*(?:美国|日本|欧盟|英国|加拿大|台湾地区|外国|境外)?\s*(?:军工|军火|国防|防务)?\s*(?:企业|公司|实体|机构)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NamedGroupTail();

    [GeneratedRegex(@"[,，]\s*(?=以及|及|和|与)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ListContinuation();

    /// <summary>这两间美国军工企业, 上述3家实体, 该公司: the end of a clause's object that points back at names already given.</summary>
    [GeneratedRegex(@"(?:这|该|上述|前述|以上)\s*(?<n>\d{1,3}|[两一二三四五六七八九十]{1,3})?\s*[家间个名]?[^、,，对]{0,12}?(?:企业|公司|实体|机构|单位)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PointingBack();

    /// <summary>A name with a corporate suffix in running text, from the last separator or conjunction before it (而诺斯罗普格鲁曼公司).</summary>
    [GeneratedRegex(@"(?:^|[\s,，。；;、：:“”""()]|而|和|与|及|以及|并|是)(?<name>[^\s,，。；;、：:“”""()而和与及并是]{2,40}?(?:分公司|公司|集团|株式会社))", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NamedOrganisation();

    // The English form is split at its first Latin letter ([^()A-Za-z]* then [A-Za-z]): one way to match, so a '(' with
    // no ')' after it costs one pass, not the quadratic backtracking of [^)]*[A-Za-z][^)]* that timed out on long lines.
    [GeneratedRegex(@"(?:(?<=主任|主席|顾问|董事|委员|成员|研究员|律师|教授|总裁|议员|主管|经理|创始人|负责人|官|长|事|人|员|包括)|(?<![\u4e00-\u9fff]))(?<name>[\u4e00-\u9fff]{1,5}(?:·[\u4e00-\u9fff]{1,6})+)\s*\((?<en>[^()A-Za-z]*[A-Za-z][^()]*)\)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TitledPerson();

    /// <summary>等无法核实…最终用途的20家日本实体: a group described after its first name, up to the count.</summary>
    [GeneratedRegex(@"(?<=[^\s、])等[^等()]{1,80}?的\s*(?:\d+|[两一二三四五六七八九十百]+)\s*[家名][^、()]*$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex QualifiedGroupTail();

    /// <summary>两家银行, 等2家机构, 及其负责人: what follows the names in a sentence.</summary>
    [GeneratedRegex(@"(?:等)?\s*(?:\d+|[两一二三四五六七八九十]+)\s*[家名个间][^、]*$|及其(?:负责人|高级管理人员)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex GroupTail();

    [GeneratedRegex(@"^\s*(?:地\s*址|地點|住所|Address)\s*[：:]\s*(.+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"^\s*(?:邮\s*编|邮政编码)\s*[：:]\s*(.+)$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PostcodeLine();

    [GeneratedRegex(@"(?<n>\d{1,4}|[两一二三四五六七八九十百]{1,5})\s*[家间个](?:[^\s,，。、;；]{0,14}?)(?:实体|企业|公司|机构|单位|组织|银行)|共计?\s*(?<n>\d{1,4})\s*[家间]|(?<n>\d{1,4})\s*社(?=\s*[・·、]\s*団体|の?企業)|(?<n>\d{1,4})\s*(?:の\s*)?(?:日本|米国|アメリカ|台湾)?\s*(?:企業|企业)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex EntityCount();

    [GeneratedRegex(@"(?<n>\d{1,4}|[两一二三四五六七八九十百]{1,5})\s*名(?:[^\s,，。、;；]{0,14}?)(?:人员|个人|管理人员|高管|主管)|共计?\s*(?<n>\d{1,4})\s*人", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PersonCount();
}
