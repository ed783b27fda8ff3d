using System.Globalization;
using System.Text;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;

namespace Alerts.Benchmarks;

/// <summary>
/// A generated but realistic matching workload: a vocabulary of products, HS codes, control codes and counterparties;
/// companies that each watch 20 items drawn from it; and a corpus of MOFCOM-like notices in which most notices concern
/// nothing anybody watches, as on the real sites.
/// <para>
/// The corpus does not depend on the number of companies, and the first N companies are the same whatever N is, so the
/// 1 / 100 / 10,000 runs match the same text against growing subsets of one population.
/// </para>
/// </summary>
internal sealed class MatchingWorkload
{
    /// <summary>Products in the vocabulary: at 10,000 companies × 8 each, a product is watched by about three companies.</summary>
    private const int ProductCount = 30_000;
    private const int HsCodeCount = 3_000;
    private const int ControlCodeCount = 600;
    private const int CounterpartyCount = 20_000;
    private const int NoticeLength = 1_400;

    private readonly string[] _products;
    private readonly string[] _hsCodes;
    private readonly string[] _controlCodes;
    private readonly string[] _counterparties;

    private MatchingWorkload(int companies, double megabytes)
    {
        var vocabulary = new Random(42);
        _products = [.. Enumerable.Range(0, ProductCount).Select(i => Product(vocabulary, i))];
        _hsCodes = [.. Distinct(vocabulary, HsCodeCount, r => $"{r.Next(2500, 9700):D4}{r.Next(0, 100):D2}{r.Next(0, 10_000):D4}")];
        _controlCodes = [.. Distinct(vocabulary, ControlCodeCount, r => $"{r.Next(0, 10)}{"ABCDE"[r.Next(5)]}{r.Next(0, 1000):D3}")];
        _counterparties = [.. Distinct(vocabulary, CounterpartyCount, Counterparty)];

        Companies = [.. Population(GoodsTaxonomy.Default).Take(companies)];
        Notices = Corpus(GoodsTaxonomy.Default, megabytes);
        Changes = [.. Notices.Select(n => (n, ChangeEvent.From(n, ChangeKind.Added, "v1", DateTimeOffset.UnixEpoch)))];
    }

    public IReadOnlyList<Company> Companies { get; }

    public IReadOnlyList<Notice> Notices { get; }

    public IReadOnlyList<(Notice Notice, ChangeEvent Change)> Changes { get; }

    public long Characters => Notices.Sum(n => (long)n.Title.Length + n.Body.Length);

    /// <summary>Corpus size from <c>ALERTS_BENCH_CORPUS_MB</c> (UTF-8 megabytes of title + body; default 1).</summary>
    public static MatchingWorkload Create(int companies)
    {
        var megabytes = double.TryParse(Environment.GetEnvironmentVariable("ALERTS_BENCH_CORPUS_MB"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mb) ? mb : 1;
        return new MatchingWorkload(companies, megabytes);
    }

    /// <summary>Every company's watched terms in normalised form, category terms expanded: what a naive matcher searches for.</summary>
    public string[][] TermsPerCompany(GoodsTaxonomy taxonomy) =>
        [.. Companies.Select(c => c.Watch.Categories
            .SelectMany(taxonomy.SelfAndDescendants)
            .SelectMany(id => taxonomy.Find(id)!.AllTerms)
            .Concat(c.Watch.Terms)
            .Concat(c.Watch.Counterparties.Select(p => p.Name))
            .Concat(c.Watch.HsCodes)
            .Concat(c.Watch.ControlCodes)
            .Select(TextNormalizer.NormalizeTerm)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray())];

    /// <summary>
    /// 20 watched items each: 1 category (3 in 100 companies watch all of <c>dual-use</c>, like a general trading
    /// house), 8 products, 5 HS codes (6-digit subheadings and full 10-digit lines), 2 control codes, 4 counterparties.
    /// </summary>
    private IEnumerable<Company> Population(GoodsTaxonomy taxonomy)
    {
        var random = new Random(1_000);
        var specific = taxonomy.Categories.Select(c => c.Id).Where(id => id != GoodsTaxonomy.DualUse).ToArray();
        for (var k = 0; ; k++)
        {
            yield return new Company
            {
                Id = $"company-{k:D5}",
                Name = $"Company {k}",
                Watch = new WatchProfile
                {
                    Categories = [random.Next(100) < 3 ? GoodsTaxonomy.DualUse : specific[random.Next(specific.Length)]],
                    Terms = [.. Pick(random, _products, 8)],
                    HsCodes = [.. Pick(random, _hsCodes, 5).Select((code, i) => i < 3 ? $"{code[..4]}.{code[4..6]}" : code)],
                    ControlCodes = [.. Pick(random, _controlCodes, 2)],
                    Counterparties = [.. Pick(random, _counterparties, 4).Select(name => new Counterparty(name))],
                    Destinations = random.Next(4) == 0 ? ["JP", "US"] : ["JP"],
                },
            };
        }
    }

    /// <summary>
    /// Notices of ~1,400 characters: 70 % concern nothing in the vocabulary (trade remedies, fairs, statistics), 20 %
    /// control goods (a category's terms, HS and control codes, now and then a product by name), 8 % list entities,
    /// 2 % are broad dual-use measures.
    /// </summary>
    private List<Notice> Corpus(GoodsTaxonomy taxonomy, double megabytes)
    {
        var random = new Random(7);
        var categories = taxonomy.Categories.Where(c => c.Id != GoodsTaxonomy.DualUse).ToArray();
        var targetBytes = (long)(megabytes * 1024 * 1024);
        var notices = new List<Notice>();
        for (long bytes = 0, n = 0; bytes < targetBytes; n++)
        {
            var kind = random.Next(100);
            var body = new StringBuilder(NoticeLength + 200);
            var entities = new List<ListedEntity>();
            string title;
            Measure measure;
            string[] destinations;
            if (kind < 70)
            {
                title = $"商务部公告2026年第{n}号 {OtherTitles[random.Next(OtherTitles.Length)]}";
                measure = Measure.Other;
                destinations = [];
                Fill(random, body);
            }
            else if (kind < 90)
            {
                var category = categories[random.Next(categories.Length)];
                var terms = category.AllTerms.ToArray();
                title = $"商务部 海关总署公告2026年第{n}号 关于对{terms[random.Next(terms.Length)]}相关物项实施出口管制的公告";
                measure = Measure.LicensingRequirement;
                destinations = random.Next(3) == 0 ? ["JP"] : [];
                Fill(random, body, () => random.Next(4) switch
                {
                    0 => terms[random.Next(terms.Length)],
                    1 => HsCodeAsPrinted(_hsCodes[random.Next(_hsCodes.Length)]),
                    2 => _controlCodes[random.Next(_controlCodes.Length)],
                    _ => random.Next(3) == 0 ? _products[random.Next(_products.Length)] : "相关物项",
                });
            }
            else if (kind < 98)
            {
                var listed = Pick(random, _counterparties, random.Next(5, 16)).ToArray();
                title = $"商务部公告2026年第{n}号 关于将{listed.Length}家日本实体列入出口管制管控名单的公告";
                measure = Measure.ControlListAddition;
                destinations = ["JP"];
                Fill(random, body);
                foreach (var name in listed)
                {
                    entities.Add(new ListedEntity(name));
                    body.Append(name).Append('；');
                }
            }
            else
            {
                title = $"商务部公告2026年第{n}号 关于加强对日本两用物项出口管制的公告";
                measure = Measure.ExportBan;
                destinations = ["JP"];
                Fill(random, body);
            }

            var notice = new Notice
            {
                Key = $"bench:{n}",
                SourceId = "bench",
                Title = title,
                Body = body.ToString(),
                Measure = measure,
                Destinations = destinations,
                Entities = entities,
            };
            notices.Add(notice);
            bytes += Encoding.UTF8.GetByteCount(notice.Title) + Encoding.UTF8.GetByteCount(notice.Body);
        }

        return notices;
    }

    private static void Fill(Random random, StringBuilder body, Func<string>? mention = null)
    {
        while (body.Length < NoticeLength)
        {
            body.Append(Filler[random.Next(Filler.Length)]);
            if (mention is not null && random.Next(3) == 0)
            {
                body.Append('：').Append(mention());
            }

            body.Append('。');
        }
    }

    /// <summary>HS codes printed as the tariff schedule does (<c>2805.30.1910</c>); the normaliser joins the groups.</summary>
    private static string HsCodeAsPrinted(string digits) => $"{digits[..4]}.{digits[4..6]}.{digits[6..]}";

    private static string Product(Random random, int i)
    {
        var model = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}-{i:D5}";
        var form = random.Next(ProductForms.Length);
        return (i % 3) switch
        {
            0 => ProductForms[form].Zh + model,
            1 => ProductForms[form].Ja + model,
            _ => $"{ProductForms[form].En} {model}",
        };
    }

    /// <summary>A company name in one of three scripts: 8,000 combinations each, enough for the pool of 20,000.</summary>
    private static string Counterparty(Random random)
    {
        string One(string[] words) => words[random.Next(words.Length)];
        return random.Next(3) switch
        {
            0 => $"{One(JaSyllables)}{One(JaSyllables)}{One(JaTrades)}株式会社",
            1 => $"{One(EnWords)} {One(EnWords)} {One(EnTrades)} Co., Ltd.",
            _ => $"{One(ZhSyllables)}{One(ZhSyllables)}{One(ZhTrades)}有限公司",
        };
    }

    private static IEnumerable<string> Distinct(Random random, int count, Func<Random, string> make)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Count < count)
        {
            var value = make(random);
            if (seen.Add(value))
            {
                yield return value;
            }
        }
    }

    private static IEnumerable<string> Pick(Random random, string[] pool, int count)
    {
        var picked = new HashSet<int>();
        while (picked.Count < count)
        {
            var index = random.Next(pool.Length);
            if (picked.Add(index))
            {
                yield return pool[index];
            }
        }
    }

    private static readonly (string Zh, string Ja, string En)[] ProductForms =
    [
        ("靶材", "ターゲット", "sputtering target"),
        ("单晶", "単結晶", "single crystal"),
        ("粉末", "粉末", "powder"),
        ("晶圆", "ウエハ", "wafer"),
        ("磁体", "磁石", "magnet"),
        ("电芯", "セル", "cell"),
        ("模组", "モジュール", "module"),
        ("合金锭", "合金インゴット", "alloy ingot"),
        ("传感器", "センサ", "sensor"),
        ("控制器", "コントローラ", "controller"),
    ];

    private static readonly string[] JaSyllables =
    [
        "山", "川", "田", "中", "北", "南", "東", "西", "大", "小", "高", "松", "竹", "梅", "桜", "富士", "日の出", "光", "新", "明",
        "石", "森", "林", "岡", "島", "野", "原", "村", "井", "本", "宮", "藤", "吉", "和", "清", "豊", "栄", "旭", "朝", "星",
    ];

    private static readonly string[] JaTrades = ["電機", "精工", "化学", "商事", "製作所"];

    private static readonly string[] ZhSyllables =
    [
        "华", "中", "新", "海", "宏", "瑞", "东", "恒", "丰", "金", "联", "盛", "安", "泰", "博", "科", "达", "源", "通", "信",
        "鑫", "昌", "隆", "兴", "德", "永", "嘉", "汇", "创", "腾", "飞", "远", "宇", "天", "晨", "益", "和", "力", "正", "明",
    ];

    private static readonly string[] ZhTrades = ["电子", "科技", "材料", "贸易", "精密"];

    private static readonly string[] EnWords =
    [
        "North", "Pacific", "Blue", "Summit", "Bright", "Silver", "Harbor", "Orion", "Crest", "Delta",
        "Vector", "Prime", "Atlas", "Nova", "Zenith", "Echo", "Falcon", "Granite", "Ion", "Kestrel",
        "Lumen", "Meridian", "Nimbus", "Onyx", "Polar", "Quartz", "Radiant", "Sterling", "Titan", "Unity",
        "Vertex", "Willow", "Axis", "Beacon", "Cobalt", "Dynamo", "Ember", "Fjord", "Gala", "Helix",
    ];

    private static readonly string[] EnTrades = ["Electronics", "Materials", "Trading", "Precision", "Systems"];

    private static readonly string[] OtherTitles =
    [
        "关于对原产于美国的进口相关产品反倾销调查的终裁公告",
        "关于举办第139届中国进出口商品交易会的通知",
        "关于公布2026年1-10月对外贸易统计数据的公告",
        "关于开展电子商务进农村综合示范工作的通知",
        "关于延长对欧盟进口葡萄酒反补贴措施期限的公告",
        "关于发布服务贸易创新发展试点方案的公告",
    ];

    private static readonly string[] Filler =
    [
        "根据《中华人民共和国对外贸易法》有关规定，经研究决定，现将有关事项公告如下",
        "有关经营者应当按照相关规定办理手续",
        "本公告自公布之日起正式实施",
        "経済産業省は関係事業者に対し運用の見直しを周知した",
        "Operators shall comply with the relevant provisions and keep records for inspection",
        "海关总署将加强对相关货物的监管，依法查处违法行为",
        "各地商务主管部门应当做好政策宣传和解读工作",
        "The measure was announced at the regular press conference of the Ministry",
    ];
}
