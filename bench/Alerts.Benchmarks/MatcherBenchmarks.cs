using System.Globalization;
using System.Text;
using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Alerts.Core.Notices;
using Alerts.Core.Subscriptions;
using BenchmarkDotNet.Attributes;

namespace Alerts.Benchmarks;

/// <summary>
/// Matcher throughput over a generated corpus for 1, 100 and 10,000 companies × 20 watched items each, against a naive
/// per-company keyword loop. Corpus size: <c>ALERTS_BENCH_CORPUS_MB</c> (default 1; the documented run uses 50).
/// <c>ALERTS_BENCH_EXPORT=&lt;dir&gt;</c> also writes <c>corpus.txt</c> and <c>terms.txt</c> for <c>grep -F -f</c>.
/// Run: <c>dotnet run -c Release --project bench/Alerts.Benchmarks -- --filter '*MatcherBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private readonly NoticeMatcher _matcher = new();
    private List<Notice> _notices = [];
    private List<(Notice Notice, ChangeEvent Change)> _changes = [];
    private List<Company> _companies = [];
    private string[][] _companyTerms = [];
    private AhoCorasick? _automaton;

    [Params(1, 100, 10_000)]
    public int Companies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var megabytes = double.TryParse(Environment.GetEnvironmentVariable("ALERTS_BENCH_CORPUS_MB"), NumberStyles.Float, CultureInfo.InvariantCulture, out var mb) ? mb : 1;
        var random = new Random(42);
        var taxonomy = GoodsTaxonomy.Default;
        var categoryIds = taxonomy.Categories.Select(c => c.Id).ToArray();
        var allTerms = taxonomy.Categories.SelectMany(c => c.AllTerms).ToArray();

        _companies = [.. Enumerable.Range(0, Companies).Select(i => new Company
        {
            Id = $"company-{i:D5}",
            Name = $"Company {i}",
            Watch = new WatchProfile
            {
                // 20 watched items: 3 categories, 12 custom terms, 3 HS codes, 2 counterparties.
                Categories = [.. Enumerable.Range(0, 3).Select(_ => categoryIds[random.Next(categoryIds.Length)]).Distinct()],
                Terms = [.. Enumerable.Range(0, 12).Select(k => SyntheticTerm(random, i, k))],
                HsCodes = [.. Enumerable.Range(0, 3).Select(_ => random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "30")],
                Counterparties = [new Counterparty($"Partner {i} Co., Ltd."), new Counterparty($"伙伴{i}株式会社")],
                Destinations = ["JP"],
            },
        })];
        _companyTerms = [.. _companies.Select(c => c.Watch.Categories.SelectMany(id => taxonomy.Find(id)!.AllTerms).Concat(c.Watch.Terms).Concat(c.Watch.Counterparties.Select(p => p.Name)).Select(TextNormalizer.NormalizeTerm).ToArray())];

        // Notices of ~4 KB: filler sentences with a taxonomy term or a company term now and then.
        var targetChars = (long)(megabytes * 1024 * 1024 / 3); // UTF-8 CJK is ~3 bytes a character
        _notices = [];
        long total = 0;
        for (var n = 0; total < targetChars; n++)
        {
            var body = new StringBuilder();
            while (body.Length < 1400)
            {
                body.Append(Filler[random.Next(Filler.Length)]);
                if (random.Next(8) == 0)
                {
                    body.Append(allTerms[random.Next(allTerms.Length)]);
                }

                if (random.Next(50) == 0 && _companies.Count > 0)
                {
                    body.Append(_companies[random.Next(_companies.Count)].Watch.Terms[0]);
                }

                body.Append('。');
            }

            var notice = new Notice { Key = $"bench:{n}", SourceId = "bench", Title = $"商务部公告2026年第{n}号 关于对有关物项实施出口管制的公告", Body = body.ToString(), Destinations = ["JP"], Measure = Measure.LicensingRequirement };
            _notices.Add(notice);
            total += notice.Title.Length + notice.Body.Length;
        }

        _automaton = new AhoCorasick([.. taxonomy.Categories.SelectMany(c => c.AllTerms).Concat(_companyTerms.SelectMany(t => t)).Select(TextNormalizer.NormalizeTerm).Distinct()]);
        _changes = [.. _notices.Select(n => (n, ChangeEvent.From(n, ChangeKind.Added, "v", DateTimeOffset.UnixEpoch)))];
        _matcher.Match(_changes[0].Change, _notices[0], _companies); // build the index outside the measurement

        if (Environment.GetEnvironmentVariable("ALERTS_BENCH_EXPORT") is { Length: > 0 } export)
        {
            Directory.CreateDirectory(export);
            File.WriteAllLines(Path.Combine(export, "corpus.txt"), _notices.Select(n => TextNormalizer.Normalize(n.Title + " " + n.Body).Text));
            File.WriteAllLines(Path.Combine(export, $"terms-{Companies}.txt"), _companyTerms.SelectMany(t => t).Distinct());
        }
    }

    /// <summary>One automaton pass per notice, whatever the number of companies.</summary>
    [Benchmark]
    public int Automaton()
    {
        var alerts = 0;
        foreach (var (notice, change) in _changes)
        {
            alerts += _matcher.Match(change, notice, _companies).Count;
        }

        return alerts;
    }

    /// <summary>The scan alone (normalise + one automaton pass), without building alerts: the part grep is compared with.</summary>
    [Benchmark]
    public int ScanOnly()
    {
        var automaton = _automaton!;
        var hits = 0;
        foreach (var notice in _notices)
        {
            hits += automaton.FindAll(TextNormalizer.Normalize(notice.Title + "\n" + notice.Body).Text).Count;
        }

        return hits;
    }

    /// <summary>The naive way: for every company, every watched term, search the normalised text.</summary>
    [Benchmark(Baseline = true)]
    public int NaivePerCompanyLoop()
    {
        var alerts = 0;
        foreach (var notice in _notices)
        {
            var text = TextNormalizer.Normalize(notice.Title + "\n" + notice.Body).Text;
            foreach (var terms in _companyTerms)
            {
                foreach (var term in terms)
                {
                    if (text.Contains(term, StringComparison.Ordinal))
                    {
                        alerts++;
                        break;
                    }
                }
            }
        }

        return alerts;
    }

    private static string SyntheticTerm(Random random, int company, int k) => (k % 3) switch
    {
        0 => $"合金{company}型{k}号",
        1 => $"alloy-{company}-{k}",
        _ => $"部品{(char)('ア' + random.Next(40))}{company}{k}",
    };

    private static readonly string[] Filler =
    [
        "根据《中华人民共和国出口管制法》有关规定，经国务院批准，决定对有关物项实施出口管制",
        "出口经营者应当按照相关规定办理出口许可手续",
        "本公告自公布之日起正式实施",
        "経済産業省は輸出管理に関する運用を見直した",
        "Exporters shall apply for a licence before shipping controlled items",
        "海关总署将加强对相关物项的监管",
    ];
}
