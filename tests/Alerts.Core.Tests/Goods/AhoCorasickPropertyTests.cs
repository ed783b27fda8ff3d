using Alerts.Core.Goods;
using CsCheck;
using Alerts.Core.Matching;
using Alerts.Core.Common;

namespace Alerts.Core.Tests.Goods;

public sealed class AhoCorasickPropertyTests
{
    // A small alphabet makes overlaps, shared prefixes and suffixes frequent; CJK and kana included.
    private const string Alphabet = "ab稀土镓锗レアース";

    private static readonly Gen<string> Word = Gen.Char[Alphabet].Array[1, 5].Select(c => new string(c));
    private static readonly Gen<string> Text = Gen.Char[Alphabet + " "].Array[0, 60].Select(c => new string(c));

    [Fact]
    public void FindAll_RandomTermsAndTexts_FindsExactlyWhatANaiveSearchFinds()
    {
        var gen = from terms in Word.Array[1, 12]
                  from text in Text
                  select (terms, text);

        gen.Sample(sample =>
        {
            var (terms, text) = sample;
            var automaton = new AhoCorasick(terms);

            var found = automaton.FindAll(text).Select(h => (h.Pattern, h.Start)).Order().ToList();

            found.ShouldBe(Naive(terms, text), $"terms [{string.Join(",", terms)}] text '{text}'");
        }, iter: 2000);
    }

    [Fact]
    public void FindAll_HundredsOfTermsAndCharactersOutsideThem_FindsExactlyWhatANaiveSearchFinds()
    {
        // Hundreds of terms make long probe runs in the transition table; 'x', '。' and the space are in no term, so the
        // scan restarts from the root on them.
        var gen = from terms in Word.Array[100, 400]
                  from text in Gen.Char[Alphabet + " x。"].Array[0, 200].Select(c => new string(c))
                  select (terms, text);

        gen.Sample(sample =>
        {
            var (terms, text) = sample;
            var automaton = new AhoCorasick(terms);

            var found = automaton.FindAll(text).Select(h => (h.Pattern, h.Start)).Order().ToList();

            found.ShouldBe(Naive(terms, text), $"text '{text}'");
        }, iter: 200);
    }

    [Fact]
    public void FindAll_TermsWithDuplicates_ReportsEveryPatternIndex()
    {
        var automaton = new AhoCorasick(["稀土", "稀土", "土"]);

        automaton.FindAll("稀土").Select(h => h.Pattern).Order().ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void FindAll_EmptyPattern_IsIgnored()
    {
        var automaton = new AhoCorasick(["", "ga"]);

        automaton.FindAll("gaga").Count.ShouldBe(2);
    }

    private static List<(int, int)> Naive(string[] terms, string text)
    {
        var hits = new List<(int, int)>();
        for (var p = 0; p < terms.Length; p++)
        {
            for (var i = 0; i + terms[p].Length <= text.Length; i++)
            {
                if (string.CompareOrdinal(text, i, terms[p], 0, terms[p].Length) == 0)
                {
                    hits.Add((p, i));
                }
            }
        }

        return [.. hits.Order()];
    }
}
