using System.Text;
using Alerts.Core.Sources;
using Alerts.Core.Sources.Adapters;
using Alerts.Testing;

namespace Alerts.Core.Tests.Sources;

/// <summary>
/// Sends mutated pages (truncated, 10,000-deep nesting, random bytes, wrong charsets, a 20 MB body) through every
/// source's listing parser and detail parser: nothing may throw, and each page must finish within a guard timeout.
/// </summary>
public sealed class ParserRobustnessTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5008");
    private static readonly DateTimeOffset Now = new(2026, 1, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan PerPageGuard = TimeSpan.FromSeconds(20);

    static ParserRobustnessTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IReadOnlyList<NoticeSourceBase> AllSources()
    {
        var fetcher = new FixtureFetcher();
        return
        [
            new MofcomAnnouncementsSource(fetcher), new MofcomBisSource(fetcher), new MofcomExportControlSource(fetcher),
            new MofcomSpokespersonSource(fetcher), new MetiPressSource(fetcher), new MetiAnpoSource(fetcher),
            new MofaPressJaSource(fetcher), new MofaPressEnSource(fetcher), new KanteiNewsSource(fetcher), new GaccAnnouncementsSource(fetcher),
        ];
    }

    private static List<string> Seeds() =>
        Directory.EnumerateFiles(RepositoryPaths.Fixture(""), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html") || f.EndsWith(".json") || f.EndsWith(".rdf"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();

    /// <summary>Deterministic mutations of the seeds; <paramref name="count"/> per parser.</summary>
    private static IEnumerable<string> Mutations(List<string> seeds, Random random, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            yield return (i % 8) switch
            {
                0 => seed[..random.Next(seed.Length + 1)],
                1 => Encoding.UTF8.GetString(RandomBytes(random, random.Next(1, 4096))),
                2 => Encoding.GetEncoding(936).GetString(Encoding.UTF8.GetBytes(seed)),
                3 => Encoding.GetEncoding(932).GetString(Encoding.GetEncoding(936).GetBytes(seed)),
                4 => Splice(seed, random, Encoding.Latin1.GetString(RandomBytes(random, 200))),
                5 => Splice(seed, random, "<div class=\"art-con\"><p>1.名（N）</p><table><tr><td><a href=\"javascript:x\">"),
                6 => seed.Replace("<", "<<", StringComparison.Ordinal).Replace("（", "(((", StringComparison.Ordinal),
                _ => string.Concat(Enumerable.Repeat(seed[..Math.Min(seed.Length, 300)], random.Next(1, 50))),
            };
        }
    }

    private static string Deep(string tag, int depth, string inner) =>
        new StringBuilder().Insert(0, $"<{tag}>", depth).Append(inner).Insert(0, "<html><body><div class=\"art-con art-con-bottonmLine\">").ToString();

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Splice(string seed, Random random, string insert)
    {
        var at = random.Next(seed.Length + 1);
        return seed[..at] + insert + seed[at..];
    }

    [Fact]
    public async Task EveryParser_MutatedPages_NeitherThrowsNorHangs()
    {
        var seeds = Seeds();
        var random = new Random(20260106);
        var sources = AllSources();
        var hostile = new List<string>
        {
            Deep("div", 10_000, "商务部公告2026年第1号"),
            Deep("span", 10_000, "<p>1.三菱造船株式会社（Mitsubishi）</p>"),
            new string('<', 1000) + "<dl class=\"title-list\"><dt>1月8日付</dt>",
            new StringBuilder(20 * 1024 * 1024).Append("<html><body><ul class=\"policy-list\">").Append('x', 20 * 1024 * 1024 - 100).ToString(),
        };

        var pages = 0;
        foreach (var source in sources)
        {
            var listingUrl = new Uri(Base, "/list");
            var detailUrl = new Uri(Base, "/zcfb/blgg/gg/2026/art/2026/art_00000000000000000000000000000000.html");
            foreach (var page in hostile.Concat(Mutations(seeds, random, 52)))
            {
                var listing = await Task.Run(() => source.ParseListing(page, listingUrl, Base, Now)).WaitAsync(PerPageGuard);
                listing.ShouldNotBeNull();
                var notice = await Task.Run(() => source.ParseDetail(page, detailUrl)).WaitAsync(PerPageGuard);
                notice.Key.ShouldNotBeNullOrEmpty();
                pages++;
            }
        }

        pages.ShouldBeGreaterThanOrEqualTo(500);
        (pages * 2).ShouldBeGreaterThanOrEqualTo(1000);
    }
}
