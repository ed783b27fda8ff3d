using System.Text.RegularExpressions;
using Alerts.Core.Matching;

namespace Alerts.Core.Notices;

/// <summary>
/// What a notice does, read from its title and then its operative text — never from the laws it cites: every export
/// control notice cites 《两用物项出口管制条例》, and a UEL decision may cite 《反外国制裁法》 without being a countermeasure.
/// </summary>
internal static partial class NoticeExtraction
{
    /// <summary>The measure: the title's when it says one, else the operative text's (sources.md §1.3 "Action class").</summary>
    public static Measure ClassifyMeasure(string title, string body)
    {
        var foldedTitle = Fold(title);
        var head = Fold(body.Length > 600 ? body[..600] : body);
        if (Event().IsMatch(foldedTitle + "\n" + head) && !NumberedNotice().IsMatch(foldedTitle))
        {
            return Measure.Other; // a fair, a statistics release: no measure, whatever words they use
        }

        // A court's judgment on smugglers (深圳中院宣判6宗锑锭走私系列案…判处有期徒刑12年) enforces controls already in
        // force: it imposes no measure, and the controls and countermeasures it recalls as background are not its own.
        if (CourtJudgment().IsMatch(foldedTitle + "\n" + head) && !NumberedNotice().IsMatch(foldedTitle))
        {
            return Measure.Other;
        }

        // The body's operative text and what it does, worked out once and only when a rule below asks.
        string? operative = null;
        Measure? inBody = null;
        string Operative() => operative ??= OperativeText(body.Length > 6000 ? body[..6000] : body);
        Measure InBody() => inBody ??= ClassifyText(Operative(), consultationFirst: false);

        // A repost's headline may be its third line, and a Q&A is a remark whatever its first line says.
        var headline = string.Join('\n', head.Split('\n').Take(3));
        var japaneseTitle = IsJapanese(foldedTitle);
        // A Japanese news lead whose first sentence reports a listing (…を「信頼できない企業リスト」に加え…と発表した。報道官は
        // 「…」) is a copy of the listing, though the spokesperson's words follow.
        var leadReportsListing = japaneseTitle && JapaneseListAddition().IsMatch(foldedTitle.Split('。')[0]);
        if (!leadReportsListing && (IsRemark(foldedTitle) || (!NumberedNotice().IsMatch(foldedTitle) && (Remark().IsMatch(headline) || QuestionAndAnswer(head)))))
        {
            // MOFCOM has announced reliefs in a spokesperson's answer (就暂停17家美国实体不可靠实体清单措施答记者问,
            // 2025-05-14): the answer is the decision. Any other remark is a statement, whatever it discusses.
            // A relief by the other side (美方暂停实施…) is news the answer comments on.
            // 中方决定对…等5家美国军工企业实施制裁 (an MFA spokesperson, 2024-01-07): the answer is the decision, and the
            // country named is the sanctioned firms', not an actor's.
            if (OwnSanction().IsMatch(WithoutCitations(foldedTitle + "\n" + headline)))
            {
                return Measure.Countermeasure;
            }

            // "China has announced new sanctions …, targeting three American companies" above "…issued a statement".
            if (EnglishOwnSanction().IsMatch(foldedTitle + "\n" + headline))
            {
                return ClassifyText(foldedTitle + "\n" + headline) is var english && ActsOnParties(english) ? english : Measure.Countermeasure;
            }

            if (ForeignActor().IsMatch(foldedTitle))
            {
                return Measure.Statement;
            }

            // 新闻发言人…谈及对原产于欧盟、美国…的进口共聚聚甲醛进行反倾销立案调查: a remark on a trade-remedy case is
            // filed with the case (imports, origins), not as a statement on export controls.
            if (TradeRemedy().IsMatch(WithoutCitations(foldedTitle + "\n" + headline)))
            {
                return Measure.TradeRemedy;
            }

            var relief = ClassifyText(WithoutCitations(foldedTitle + "\n" + headline));
            if (IsRelief(relief))
            {
                return relief;
            }

            if (relief is Measure.Amendment or Measure.ScopeAdjustment)
            {
                // 就调整不可靠实体清单措施答记者问: the answer says what was adjusted (暂停 / 停止 …).
                return IsRelief(InBody()) ? InBody() : Measure.Statement;
            }

            return Measure.Statement;
        }

        // A Japanese or English title that is itself a reaction (強い懸念を伝えました, protests) heads a remark, though it
        // names the measure it reacts to (レアアースの輸出管理).
        var nfkcTitle = title.Normalize(System.Text.NormalizationForm.FormKC);
        if (!HasHan(nfkcTitle, chineseOnly: true) && Reaction().IsMatch(nfkcTitle))
        {
            return Measure.Statement;
        }

        var fromTitle = ClassifyText(WithoutCitations(foldedTitle));

        // A title whose measure is only a general word yields to the body, which says which act it is:
        // - a Japanese title's 輸出管理 (両用品目の輸出管理強化について) is "export control"; the summary below bans
        //   (日本向け輸出を禁止) or lists (…リストに加え);
        // - a title that only says something was adjusted (一、政策调整核心内容; 调整…政策) heads a relief when the body
        //   suspends or stops a notice's measure (暂停执行2024年第46号公告第二款);
        // - METI's 輸出貿易管理令の一部を改正する政令 (an amendment) puts goods under licence when its body adds them to the
        //   controlled list (別表第一に以下の貨物を追加).
        if (fromTitle == Measure.LicensingRequirement && japaneseTitle
            && InBody() is Measure.ExportBan or Measure.ControlListAddition or Measure.WatchListAddition or Measure.UnreliableEntityAddition)
        {
            return InBody();
        }

        if (fromTitle is Measure.Amendment or Measure.ScopeAdjustment && IsRelief(InBody()))
        {
            return InBody();
        }

        if (fromTitle is Measure.CatalogueChange or Measure.Amendment && japaneseTitle && JapaneseItemsAdded().IsMatch(Operative()))
        {
            return Measure.LicensingRequirement;
        }

        if (fromTitle != Measure.Other)
        {
            return fromTitle;
        }

        // A Japanese or English text that regrets, protests or asks for a withdrawal is a reaction to a measure (METI,
        // MOFA, the Chief Cabinet Secretary), whatever export-control words it repeats.
        var nfkc = (title + "\n" + (body.Length > 6000 ? body[..6000] : body)).Normalize(System.Text.NormalizationForm.FormKC);
        if (!HasHan(nfkc, chineseOnly: true) && Reaction().IsMatch(nfkc))
        {
            return Measure.Statement;
        }

        return InBody();
    }

    private static bool IsRelief(Measure measure) => measure is Measure.Suspension or Measure.Lifting or Measure.Resumption;

    /// <summary>Japanese: Han characters with kana (a Chinese text has no kana, an English one no Han).</summary>
    private static bool IsJapanese(string text) => HasHan(text) && !HasHan(text, chineseOnly: true);

    private static bool QuestionAndAnswer(string foldedHead) =>
        foldedHead.Split('\n').Any(Question().IsMatch) && AnswerMark().IsMatch(foldedHead);

    /// <summary>Spokesperson answers, press conferences, protests and statements: remarks, whatever they discuss.</summary>
    internal static bool IsRemark(string foldedTitle) => Remark().IsMatch(foldedTitle);

    /// <summary>
    /// The text with its legal basis and reasons taken out: 《…》 titles of laws and notices, and clauses opening with
    /// 根据 / 依据 / 为了 / 鉴于 / 由于 / 因 (the basis and the reason, not what is done). What remains is what the notice does.
    /// </summary>
    public static string OperativeText(string text)
    {
        var folded = WithoutCitations(Fold(text));
        folded = string.Join('\n', folded.Split('\n').Where(line => !Question().IsMatch(line)));
        var clauses = ClauseSplit().Split(folded);
        var kept = new System.Text.StringBuilder(folded.Length);
        foreach (var clause in clauses)
        {
            if (clause.Length == 0 || ReasonClause().IsMatch(clause))
            {
                continue;
            }

            kept.Append(clause).Append('。');
        }

        return kept.ToString();
    }

    /// <summary>True for text with Han characters; with <paramref name="chineseOnly"/>, only when it has no kana either.</summary>
    internal static bool HasHan(string text, bool chineseOnly = false)
    {
        var han = false;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30ff')
            {
                return !chineseOnly;
            }

            han |= c is >= '\u4e00' and <= '\u9fff';
        }

        return han;
    }

    /// <summary>《…》 becomes 《目录》 when it names a list or catalogue (公布《两用物项出口管制清单》 is a catalogue change) and 《》 otherwise.</summary>
    private static string WithoutCitations(string folded) =>
        Citation().Replace(folded, m => CatalogueTitle().IsMatch(m.Value) ? "《目录》" : "《》");

    /// <param name="consultationFirst">
    /// False for a body: a call for comments there (パブリックコメントを募集) is a side step of the measure it describes,
    /// which wins; only a title that asks for comments makes the text a consultation.
    /// </param>
    private static Measure ClassifyText(string text, bool consultationFirst = true)
    {
        if (text.Length == 0)
        {
            return Measure.Other;
        }

        if (TradeRemedy().IsMatch(text))
        {
            return Measure.TradeRemedy;
        }

        if (Resumption().IsMatch(text))
        {
            return Measure.Resumption;
        }

        if (Suspension().IsMatch(text) || EnglishSuspension().IsMatch(text))
        {
            return Measure.Suspension;
        }

        if (Lifting().IsMatch(text) || EnglishLifting().IsMatch(text))
        {
            return Measure.Lifting;
        }

        if (Removal().IsMatch(text))
        {
            return Measure.Removal;
        }

        if (Countermeasure().IsMatch(text) || OwnSanction().IsMatch(text))
        {
            return Measure.Countermeasure;
        }

        var listing = ListAddition().Match(text);
        if (listing.Success)
        {
            return listing.Groups["list"].Value switch
            {
                "关注名单" => Measure.WatchListAddition,
                var list when list.StartsWith("不可靠", StringComparison.Ordinal) => Measure.UnreliableEntityAddition,
                _ => Measure.ControlListAddition,
            };
        }

        // A Japanese translation (人民網日本語版) says the same act: 輸出管理規制リスト（エンティティ・リスト）に加え, 注視リストに加える.
        var japaneseListing = JapaneseListAddition().Match(text);
        if (japaneseListing.Success)
        {
            return japaneseListing.Groups["watch"].Success ? Measure.WatchListAddition
                : japaneseListing.Groups["unreliable"].Success ? Measure.UnreliableEntityAddition
                : Measure.ControlListAddition;
        }

        // English copies (Xinhua, Global Times, China Daily) say the same acts in English words.
        var englishListing = EnglishListAddition().Match(text);
        if (englishListing.Success)
        {
            return englishListing.Groups["list"].Value.ToLowerInvariant() switch
            {
                var list when list.StartsWith("unreliable", StringComparison.Ordinal) => Measure.UnreliableEntityAddition,
                var list when list.StartsWith("watch", StringComparison.Ordinal) => Measure.WatchListAddition,
                _ => Measure.ControlListAddition,
            };
        }

        // "…will sanction Lockheed Martin … by adding them to the unreliable entities list" is the listing, read above.
        if (EnglishOwnSanction().IsMatch(text))
        {
            return Measure.Countermeasure;
        }

        if (Investigation().IsMatch(text))
        {
            return Measure.Investigation;
        }

        if (Fine().IsMatch(text))
        {
            return Measure.Fine;
        }

        if (consultationFirst && Consultation().IsMatch(text))
        {
            return Measure.Consultation;
        }

        if (ScopeAdjustment().IsMatch(text))
        {
            return Measure.ScopeAdjustment;
        }

        // 修订发布《中国禁止出口限制出口技术目录》: the document published is a catalogue; the bans are its content.
        if (CataloguePublished().IsMatch(text))
        {
            return Measure.CatalogueChange;
        }

        // "…announced export control measures targeting 28 U.S. companies": the parties are put on the Control List.
        if (EnglishControlsOnParties().IsMatch(text))
        {
            return Measure.ControlListAddition;
        }

        // "China to impose export controls on strategic metal antimony": goods put under licence.
        if (EnglishControlsImposed().IsMatch(text))
        {
            return Measure.LicensingRequirement;
        }

        // "will be banned, unless permission is granted" (Xinhua on the 2023 graphite controls): a licence requirement.
        if (EnglishUnlessLicensed().IsMatch(text))
        {
            return Measure.LicensingRequirement;
        }

        if (Ban().IsMatch(text) || EnglishBan().IsMatch(text))
        {
            return Measure.ExportBan;
        }

        if (Catalogue().IsMatch(text))
        {
            return Measure.CatalogueChange;
        }

        if (Licensing().IsMatch(text) || EnglishLicensing().IsMatch(text))
        {
            return Measure.LicensingRequirement;
        }

        if (!consultationFirst && Consultation().IsMatch(text))
        {
            return Measure.Consultation;
        }

        if (Amendment().IsMatch(text))
        {
            return Measure.Amendment;
        }

        if (Remark().IsMatch(text))
        {
            return Measure.Statement;
        }

        return Measure.Other;
    }

    /// <summary>
    /// Windows the text sets: 自即日起至2026年11月27日…暂停实施 → suspended from publication until 2026-11-27; 继续暂停…90天
    /// → 90 days from the effective date. The target is the first notice the suspension names, with its clause (第二款).
    /// </summary>
    public static IReadOnlyList<MeasureWindow> FindWindows(string body, Measure measure, DateOnly? effective, IReadOnlyList<NoticeRelation> relations)
    {
        if (measure is not Measure.Suspension)
        {
            return [];
        }

        var folded = Fold(body);
        var target = relations.FirstOrDefault(r => r.Kind == "suspends" && r.By is null);
        var until = UntilDate().Match(folded);
        if (until.Success && MakeDate(until.Groups["y"].Value, until.Groups["m"].Value, until.Groups["d"].Value) is { } end)
        {
            return [new MeasureWindow("suspended-until", effective, end, target?.Key, target?.Clause)];
        }

        var days = ForDays().Match(folded);
        if (days.Success && effective is { } from && ParseNumber(days.Groups["n"].Value) is { } n and > 0)
        {
            // 继续暂停…相关措施1年 (UEL, 2025-11-05): a year or months, not only days.
            var last = days.Groups["unit"].Value switch
            {
                "年" => from.AddYears(n),
                "个月" => from.AddMonths(n),
                _ => from.AddDays(n),
            };
            return [new MeasureWindow("suspended-until", from, last, target?.Key, target?.Clause)];
        }

        return [];
    }

    /// <summary>
    /// The notices this one acts on: 暂停实施商务部公告2024年第46号第二款 → suspends cn-mofcom:2024:46 clause 2; 停止执行 →
    /// lifts; 修改 / 调整 → amends; 废止 → supersedes; a remark about a notice → answers.
    /// </summary>
    public static IReadOnlyList<NoticeRelation> FindRelations(string title, string body, string? ownKey, Measure measure)
    {
        var folded = Fold(title + "\n" + (body.Length > 6000 ? body[..6000] : body));
        var relations = new List<NoticeRelation>();
        var (lastEnd, lastKind) = (-1, "");
        foreach (var number in FindNumbers(folded))
        {
            if (number.Key == ownKey || number.Year == 0 || relations.Exists(r => r.Key == number.Key))
            {
                continue;
            }

            var before = folded[Math.Max(0, number.Index - 12)..number.Index];
            var end = number.Index + number.Length;
            var after = folded[end..Math.Min(folded.Length, end + 80)];
            var clause = ClauseAfter().Match(after) is { Success: true } c ? (ParseNumber(c.Groups["n"].Value)?.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

            // 商务部、海关总署11月7日发布2025年第70号公告，宣布暂停实施…: in a sentence that says ANOTHER notice was published
            // and what it decided, the notices cited after it are that notice's relations, not this text's (a news copy of
            // one notice reporting another).
            var by = ActorBefore(folded, number.Index, ownKey);
            var kind = (by is null ? measure : Measure.Other) switch
            {
                Measure.Statement => "answers",

                // 继续暂停…7号…90天，停止4月9日公告（…8号）: in a suspension that also stops another notice, the verb
                // nearest the number decides, not the notice's own measure.
                _ when NearestIsStop(before) => "lifts",
                var m when before.Contains("暂停", StringComparison.Ordinal) || m == Measure.Suspension => "suspends",
                var m when before.Contains("停止", StringComparison.Ordinal) || before.Contains("取消", StringComparison.Ordinal) || m == Measure.Lifting => "lifts",
                var m when before.Contains("恢复", StringComparison.Ordinal) || m == Measure.Resumption => "resumes",
                _ when before.Contains("废止", StringComparison.Ordinal) || after[..Math.Min(12, after.Length)].Contains("废止", StringComparison.Ordinal) => "supersedes",
                var m when before.Contains("调整", StringComparison.Ordinal) || before.Contains("修改", StringComparison.Ordinal) || m is Measure.ScopeAdjustment or Measure.Amendment => "amends",
                _ when before.Contains("落实", StringComparison.Ordinal) || before.Contains("执行", StringComparison.Ordinal) => "implements",
                _ => "cites",
            };

            // …第58号及商务部公告2025年第61号: a number joined to the one before by a conjunction shares its verb.
            if (lastEnd >= 0 && lastEnd <= number.Index && number.Index - lastEnd <= 40 && ListJoin().IsMatch(folded[lastEnd..number.Index]))
            {
                kind = lastKind;
            }

            relations.Add(new NoticeRelation(kind, number.Key, clause) { By = by });
            lastKind = kind;

            // 公告2025年第55号、56号、57号、58号: the numbers listed after one share its issuers and year.
            var prefix = number.Key[..(number.Key.LastIndexOf(':') + 1)];
            var list = NumberList().Match(folded[end..]);
            lastEnd = end + (list.Success ? list.Length : 0);
            foreach (Capture more in list.Groups["n"].Captures)
            {
                var key = prefix + ParseNumber(more.Value)?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (key != ownKey && !relations.Exists(r => r.Key == key))
                {
                    relations.Add(new NoticeRelation(kind, key) { By = by });
                }
            }
        }

        return relations;
    }

    /// <summary>停止 or 取消 is the last verb before the number (after any 暂停): the notice is stopped, not suspended.</summary>
    private static bool NearestIsStop(string before) =>
        Math.Max(before.LastIndexOf("停止", StringComparison.Ordinal), before.LastIndexOf("取消", StringComparison.Ordinal)) > before.LastIndexOf("暂停", StringComparison.Ordinal);

    /// <summary>The key of another notice whose publication the sentence reports before <paramref name="index"/>, if any.</summary>
    private static string? ActorBefore(string folded, int index, string? ownKey)
    {
        var start = Math.Max(folded.LastIndexOf('。', Math.Max(0, index - 1)), folded.LastIndexOf('\n', Math.Max(0, index - 1))) + 1;
        // Only the sentence's last 120 characters before the citation: a reported publication sits right before it.
        var actor = PublishedNumber().Matches(folded[Math.Max(start, index - 120)..index]).LastOrDefault();
        if (actor is null)
        {
            return null;
        }

        var slugs = IssuerName().Matches(actor.Groups["issuers"].Value).Select(m => IssuerSlugs.First(i => i.Name == m.Value).Slug).Distinct().ToList();
        slugs.Sort((a, b) => Array.FindIndex(IssuerSlugs, i => i.Slug == a).CompareTo(Array.FindIndex(IssuerSlugs, i => i.Slug == b)));
        var key = slugs.Count == 0 ? null : $"cn-{string.Join('-', slugs)}:{actor.Groups["year"].Value}:{ParseNumber(actor.Groups["n"].Value)}";
        return key == ownKey ? null : key;
    }

    /// <summary>商务部、海关总署11月7日发布2025年第70号公告 / …联合发布公告（2025）第70号: the issuers, a date, then the number.</summary>
    [GeneratedRegex(@"(?<issuers>(?:(?:" + Issuer + @")[\s、,，和与及]*){1,6})[^。,，;；\n]{0,12}?(?:联合)?(?:发布|公布|颁布)了?\s*(?:公告\s*)?[〔\[(（]?\s*(?<year>20\d{2})\s*[〕\])）]?\s*年?\s*第\s*(?<n>\d{1,4})\s*号", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex PublishedNumber();

    /// <summary>What joins two cited numbers of one list: 、 及 和 与, and the next number's issuers.</summary>
    [GeneratedRegex(@"^\s*[、,，和及与]\s*(?:(?:" + Issuer + @")[\s、,，和与及]*)*$", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ListJoin();

    /// <summary>、56号、57号及…: more numbers of the same series right after one (stops at the next issuer or year).</summary>
    [GeneratedRegex(@"^(?:\s*[、,，和及与]\s*第?\s*(?<n>\d{1,4})\s*号)+", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NumberList();

    [GeneratedRegex(@"清单|目录|名录|名单", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex CatalogueTitle();

    [GeneratedRegex(@"(?:^|\n)\s*答\s*[:：]|发言人(?:表示|说|指出|介绍)|答[:：]", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex AnswerMark();

    /// <summary>A title that carries a notice's own form: 公告, 决定, 通知, 令 (not a repost's headline).</summary>
    [GeneratedRegex(@"公告|决定|命令|外交部令|第\s*\d+\s*号", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex NumberedNotice();

    [GeneratedRegex(@"宣判|判处(?:有期徒刑|无期徒刑|拘役|罚金)|(?:一审|二审|终审)判决|人民法院[^。\n]{0,30}?(?:判决|审理|宣判)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex CourtJudgment();

    [GeneratedRegex(@"交易会|广交会|博览会|进博会|展览会|进出口(?:总值|数据|情况)|统计数据|海关统计|贸易统计|(?:贸易|貿易|税関|税关)(?:データ|统计|統計)で", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Event();

    /// <summary>A journalist's question in a Q&amp;A: context, not what the ministry says or does.</summary>
    [GeneratedRegex(@"^\s*(?:有?记者问|问\s*[:：]|问\s*:|Q\s*[:：]|Q\d*\s*[:：]|[記记]者\s*[:：])", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Question();

    [GeneratedRegex(@"《[^《》\n]{1,80}》", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Citation();

    [GeneratedRegex(@"[,，;；。\n]", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ClauseSplit();

    [GeneratedRegex(@"^\s*(?:根据|依据|按照|依照|为了|为维护|为进一步|为履行|为|鉴于|由于|因为|因其|因|基于)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ReasonClause();

    [GeneratedRegex(@"(?:美方|美国|日方|日本|欧方|欧盟|英方|英国|荷方|荷兰)(?:政府)?[^就]{0,10}?(?:暂停|停止|取消|恢复|调整|将|制裁|列入|出台|发布|宣布|实施|加严|修订)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ForeignActor();

    [GeneratedRegex(@"抗议|遗憾|交涉|報道官|报道官|会见|发言人|答记者问|答问|记者会|新闻发布会|谈话|表态|回应|官房长官|官房長官|抗議|申入れ|申し入れ|遺憾|談話|記者会見|会見|(?<!パブリック)コメント|(?<!(?:said in|according to) (?:a|an|its) (?:[\w-]+ ){0,2})statement|press conference|protest|spokesperson|spokes(?:wo)?man", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex Remark();

    [GeneratedRegex(@"遺憾|遗憾|抗議|抗议|申入れ|申し入れ|撤回を求め|[強强]く求め|(?:懸念|悬念)を(?:伝え|传え|表明|示)|regret|protest|urge", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex Reaction();

    [GeneratedRegex(@"反倾销|反补贴|保障措施|反规避|产业损害|倾销及倾销幅度|倾销调查", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex TradeRemedy();

    [GeneratedRegex(@"恢复(?:实施|执行)|解除暂停", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Resumption();

    [GeneratedRegex(@"暂停(?:实施|执行|适用|采取)|继续暂停|暂停.{0,30}?(?:措施|限制|管制)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Suspension();

    [GeneratedRegex(@"停止(?:实施|执行|适用)|取消(?:.{0,20}?)(?:措施|限制)|解除(?:.{0,20}?)(?:措施|限制)|不再(?:实施|执行)|(?:[規规]制|管理|措置)を[緩缓]和", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Lifting();

    [GeneratedRegex(@"移出|移除", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Removal();

    [GeneratedRegex(@"反制措施|采取反制|外交部令", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Countermeasure();

    /// <summary>
    /// China decides or announces sanctions on named parties — 决定对A公司、B公司等5家美国军工企业实施制裁, 中方决定采取必要措施，
    /// 对…美国企业实施制裁, 中国政府决定对…两家军工企业实施反制, 毛宁宣布，根据…，对…实施制裁, 外交部表示，已对…实施制裁,
    /// 宣布对…祭出制裁 (Taiwan's press), 中方决定对…美方官员对等采取签证限制, 中国宣布制裁美国军工业者 — not another side's sanctions
    /// (美国商务部宣布对…实施制裁: a foreign actor in the same clause), and not a relief (宣布暂停对…实施反制措施).
    /// </summary>
    [GeneratedRegex(@"(?<!(?:美方|美国|日方|日本|欧方|欧盟|英方|英国|荷方|荷兰)[^,，。；;\n]{0,12})(?:决定|宣布|表示\s*[,，]?\s*已)(?:(?!暂停|停止|取消|解除)[^。\n]){0,60}?对(?:(?!暂停|停止|取消|解除)[^。\n]){2,400}?(?:对等)?(?:实施|采取|祭出)(?:以下|如下)?(?:制裁|反制|签证限制)|(?:中方|中国|北京)(?:政府)?(?:决定|宣布)(?:对[^。\n，,]{2,40}?)?(?:制裁|反制)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex OwnSanction();

    /// <summary>
    /// China's sanctions in an English copy: China imposes / announces / slaps sanctions on …, Beijing has sanctioned …,
    /// China to sanction … — China the subject, so "the US sanctioned Chinese firms" is not one, nor a threat to "take
    /// countermeasures".
    /// </summary>
    [GeneratedRegex(@"\b(?:China|Beijing|Chinese\s+government|(?:China's|Chinese)\s+foreign\s+ministry)\b(?:\s+(?:has|had|will|is|was|also|on\s+\w+day))*\s+(?:(?:impos|announc|slap|levi|levy|unveil)\w*\s+(?:on\s+\w+day\s+)?(?:new\s+|fresh\s+|further\s+|counter-?)?(?:sanctions|countermeasures)\b|(?:takes|took|taking)\s+countermeasures\s+against\b|(?:to\s+)?sanction(?:s|ed|ing)?\b|decide[sd]?\s+to\s+(?:impose\s+sanctions|sanction)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishOwnSanction();

    /// <summary>列入…不可靠实体清单; a headline's 再列14家外国实体入不可靠清单; 将…等十四家外国实体列为「不可靠实体清单」.</summary>
    [GeneratedRegex(@"(?:列入|纳入|增列|列为|列[^入为。\n]{1,20}?入).{0,80}?(?<list>出口管制管控名单|管控名单|关注名单|不可靠实体清单|不可靠清单)", RegexOptions.CultureInvariant | RegexOptions.Singleline, Timeout)]
    private static partial Regex ListAddition();

    /// <summary>
    /// A list named in Japanese (folded: 輸出 → 输出), then the act of adding to it within the clause: 輸出管理規制リスト
    /// （エンティティ・リスト）に加え, 輸出管理リストに追加, 注視リストに加える, 信頼できないエンティティ・リストに掲載.
    /// Japan's own End User List (外国ユーザーリスト) is not one of these.
    /// </summary>
    [GeneratedRegex(@"(?:(?<watch>(?:注视|注視|关注|関注|懸念|悬念)リスト)|(?<unreliable>信[頼赖][^。\n]{0,4}?(?:エンティティ|実体|实体|企業|企业)ー?[・･]?(?:リスト)?)|(?:输出|輸出)?(?:管理|管控)(?:规制|規制)?リスト|エンティティ[・･]?リスト)[^。\n]{0,24}?(?:に|へ)(?:加え|加わ|追加|掲載|掲载|記載|记载|登録|登录|指定)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseListAddition();

    /// <summary>別表第一に以下の貨物を追加する改正; 規制対象とすべき貨物を…追加 (folded: 别表, 货物, 规制).</summary>
    [GeneratedRegex(@"(?:[別别]表第[一1]|[規规]制対象)[^。\n]{0,60}?(?:[貨货]物|技[術术])[^。\n]{0,20}?追加", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex JapaneseItemsAdded();

    /// <summary>China adds 7 US companies to unreliable entity list; three US companies have been placed on its "unreliable entity list".</summary>
    [GeneratedRegex(@"\b(?:add(?:s|ed|ing)?|plac(?:es|ed|ing)|put(?:s|ting)?|inclusion of)\b[^.\n]{0,100}?\b(?:on|to|in|into|onto)\s+(?:[\w’'-]+\s+){0,3}?[""'‘“]?(?<list>unreliable entit(?:y|ies)[""'’”]? list|export control (?:control )?list|watch ?list\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishListAddition();

    /// <summary>China bans exports to US of gallium…; exports of dual-use items … are now banned / prohibited.</summary>
    [GeneratedRegex(@"\bban(?:s|ned|ning)?\b[^.\n]{0,40}?\bexports?\b|\bexports?\b[^.\n]{0,120}?\b(?:are|is|were|be|been)\s+(?:now\s+)?(?:banned|prohibited)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishBan();

    /// <summary>China temporarily suspends ban on exports …; would temporarily suspend restrictions on …</summary>
    [GeneratedRegex(@"\b(?:suspend(?:s|ed|ing)?|suspension\s+of|paus(?:es|ed|ing)|halt(?:s|ed|ing)?)\b[^.\n]{0,40}?\b(?:ban|bans|restrictions?|controls?|measures?|sanctions?|countermeasures?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishSuspension();

    /// <summary>China lifts the ban on …; removes … from the unreliable entity list.</summary>
    [GeneratedRegex(@"\b(?:lift(?:s|ed|ing)?|scrap(?:s|ped|ping)?|revok(?:es|ed|ing)|cancel(?:s|led|ing)?)\b[^.\n]{0,30}?\b(?:ban|bans|restrictions?|controls?|measures?|sanctions?|countermeasures?)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishLifting();

    [GeneratedRegex(@"\bexport\s+control\s+(?:measures?\s+)?(?:targeting|against|on)\s+(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some)\s+(?:more\s+)?(?:U\.?S\.?|American|Japanese|Taiwanese|European|EU|foreign)?\s*(?:defen[cs]e\s+|military\s+)?(?:companies|firms|entities)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishControlsOnParties();

    [GeneratedRegex(@"\b(?:impos(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|implement(?:s|ed|ing)?|announc(?:e|es|ed|ing))\s+(?:new\s+)?export\s+controls?\s+(?:on|over)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishControlsImposed();

    /// <summary>…will be banned, unless permission is granted; prohibited without a licence.</summary>
    [GeneratedRegex(@"\b(?:banned|prohibited|ban|bans)\b[^.\n]{0,60}?\b(?:unless|without)\b[^.\n]{0,30}?\b(?:permission|licen[cs]e|approval|authori[sz]ation)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishUnlessLicensed();

    /// <summary>…must obtain a dual-use items export license issued by the Ministry of Commerce.</summary>
    [GeneratedRegex(@"\b(?:must|shall|should|required to)\s+(?:first\s+)?(?:obtain|apply for)\s+(?:a|an)?\s*[^.\n]{0,40}?\bexport licen[cs]e", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Timeout)]
    private static partial Regex EnglishLicensing();

    [GeneratedRegex(@"立案调查|启动调查|进行调查|开展调查|发起调查", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Investigation();

    [GeneratedRegex(@"罚款|处以.{0,20}?罚|行政处罚", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Fine();

    [GeneratedRegex(@"征求意见|意見募集|パブリックコメント", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Consultation();

    [GeneratedRegex(@"优化调整|调整.{0,20}?(?:管制范围|管控范围|适用范围)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ScopeAdjustment();

    /// <summary>A ban; in Japanese 輸出を禁止, but not 無許可での輸出を禁止 (exports without a licence: licensing).</summary>
    [GeneratedRegex(@"禁止.{0,90}?(?:出口|转移|提供)|禁止向|(?<!(?:無許可|无许可|許可なく|许可なく|許可を得ずに|许可を得ずに)[^。、\n]{0,4})[輸输]出(?:を)?禁止", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Ban();

    // Japanese in its folded form (輸→输, 許→许, 別→别): 「外国ユーザーリスト」を改正, 輸出貿易管理令の一部を改正する政令.
    [GeneratedRegex(@"(?:公布|发布|调整|修订|印发).{0,4}《目录》|(?:リスト|令|[別别]表|省令)」?(?:の一部)?を改正", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex CataloguePublished();

    [GeneratedRegex(@"(?:公布|发布|调整|修订|印发).{0,4}《目录》|管理目录|出口管制清单|管制清单|许可证.{0,10}目录", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Catalogue();

    [GeneratedRegex(@"实施出口管制|出口许可|许可证管理|未经许可.{0,6}不得出口|[輸输]出[許许]可|[輸输]出[規规]制|[輸输]出管理|包括[輸输]出[許许]可(?:制度)?から除外|[個个][別别]に?[輸输]出[許许]可", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Licensing();

    [GeneratedRegex(@"调整|修订|修改|改正|更正", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex Amendment();

    [GeneratedRegex(@"至\s*" + DateCn, RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex UntilDate();

    // The number is a duration, never a date's day (暂停4月4日公告…90天: not 4 days): not after 月 or another digit.
    [GeneratedRegex(@"(?:暂停|继续暂停).{0,40}?(?<![月\d一二三四五六七八九十百])(?<n>\d{1,3}|[一二三四五六七八九十百]{1,4})\s*(?<unit>天|日|个月|年)(?!\d)", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ForDays();

    [GeneratedRegex(@"^\s*(?:[(（《][^()（）\n]{0,60}[)）》]\s*)*第\s*(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[款条项]", RegexOptions.CultureInvariant, Timeout)]
    private static partial Regex ClauseAfter();
}
