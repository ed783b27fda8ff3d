using Alerts.Core.Changes;
using Alerts.Core.Goods;
using Xunit.Abstractions;
using Alerts.Core.Matching;

namespace Alerts.Core.Tests.Goods;

public sealed class CorpusQualityTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Corpus_HasAtLeastFortyNoticesWithRealMeasuresAndIrrelevantOnes()
    {
        LabelledCorpus.Notices.Count.ShouldBeGreaterThanOrEqualTo(40);
        LabelledCorpus.Notices.Count(n => !n.Expected.Any()).ShouldBeGreaterThanOrEqualTo(10);
        LabelledCorpus.Notices.Select(n => n.Id).ShouldBeUnique();
    }

    [Fact]
    public void Match_LabelledCorpus_RecallIsOneOnNamedGoodsAndPrecisionAtLeast095()
    {
        var matcher = new NoticeMatcher();
        int truePositives = 0, falsePositives = 0, falseNegatives = 0, namedExpected = 0, namedFound = 0;
        var problems = new List<string>();
        foreach (var item in LabelledCorpus.Notices)
        {
            var notice = item.ToNotice();
            var change = ChangeEvent.From(notice, ChangeKind.Added, "v1", DetectedAt);
            var alerted = matcher.Match(change, notice, LabelledCorpus.Companies).Select(a => a.CompanyId).ToHashSet();
            var expected = item.Expected.ToHashSet();
            truePositives += alerted.Count(expected.Contains);
            foreach (var extra in alerted.Where(a => !expected.Contains(a)))
            {
                falsePositives++;
                problems.Add($"FP {item.Id} → {extra}");
            }

            foreach (var missed in expected.Where(e => !alerted.Contains(e)))
            {
                falseNegatives++;
                problems.Add($"FN {item.Id} → {missed}");
            }

            namedExpected += item.NamedFor.Length;
            namedFound += item.NamedFor.Count(alerted.Contains);
        }

        var precision = truePositives / (double)Math.Max(1, truePositives + falsePositives);
        var recall = truePositives / (double)Math.Max(1, truePositives + falseNegatives);
        var namedRecall = namedFound / (double)Math.Max(1, namedExpected);
        output.WriteLine($"notices {LabelledCorpus.Notices.Count}, alerts expected {truePositives + falseNegatives}, TP {truePositives}, FP {falsePositives}, FN {falseNegatives}");
        output.WriteLine($"precision {precision:F3}, recall {recall:F3}, recall on measures naming watched goods {namedRecall:F3}");
        problems.ForEach(output.WriteLine);

        namedRecall.ShouldBe(1.0, string.Join("; ", problems));
        precision.ShouldBeGreaterThanOrEqualTo(0.95, string.Join("; ", problems));
    }
}
