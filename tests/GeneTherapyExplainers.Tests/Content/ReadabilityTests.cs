using System.Text;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Content.Markdown;

namespace GeneTherapyExplainers.Tests.Content;

public partial class ReadabilityTests
{
    [Theory]
    [InlineData("gene", 1)]
    [InlineData("genes", 1)]
    [InlineData("cell", 1)]
    [InlineData("protein", 2)]
    [InlineData("virus", 2)]
    [InlineData("treated", 2)]
    [InlineData("needed", 2)]
    [InlineData("changed", 1)]
    [InlineData("causes", 2)]
    [InlineData("therapy", 3)]
    [InlineData("immune", 2)]
    [InlineData("simple", 2)]
    [InlineData("lentivirus", 4)]
    [InlineData("adeno-associated", 7)]
    [InlineData("2026", 1)]
    public void CountsSyllablesFromTheSpelling(string word, int syllables) =>
        Assert.Equal(syllables, Readability.CountSyllables(word));

    [Fact]
    public void SplitsSentencesAtFullStopsButNotInsideNumbersOrAbbreviationsBeforeLowerCase()
    {
        var sentences = Readability.SplitSentences("Dr. Feng works at MIT. It costs 1.5 million. Is it safe? Yes!").ToList();
        Assert.Equal(["Dr. Feng works at MIT.", "It costs 1.5 million.", "Is it safe?", "Yes!"], sentences);
    }

    /// <summary>
    /// The rule as one regular expression, as it was first written: the sentence splitter, written out by hand for speed,
    /// must split every text as this does.
    /// </summary>
    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:Dr|Mr|Mrs|Ms|Prof|St|vs|etc|e\.g|i\.e|approx|No|no|Fig|fig)\.)\s+(?=[""“‘'(\[]?[A-Z0-9])")]
    private static partial Regex SentenceEnd();

    private static readonly string[] Pieces =
    [
        "gene", "Gene", "CAR", "T", "a", "5", "1.5", "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "vs", "etc", "e.g", "i.e", "approx", "No", "no",
        "Fig", "fig", "xDr", "_Dr", "éDr", "\u0301Dr", "\u093EDr", "\u200DDr", "\u200CDr", "Ж", "é", "🧬", ".", ".", ".", "!", "?", "...", "\"",
        "“", "‘", "'", "(", "[", "”", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "\u0085",
    ];

    [Fact]
    public void SplitsSentencesExactlyAsTheRuleWrittenAsARegularExpression()
    {
        var random = new Random(112026);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            for (var n = random.Next(1, 30); n > 0; n--)
            {
                text.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var block = text.ToString();
            var expected = SentenceEnd().Split(block.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
            Assert.True(expected.SequenceEqual(Readability.SplitSentences(block)),
                $"'{block}' splits as\n  {string.Join(" | ", Readability.SplitSentences(block))}\nnot\n  {string.Join(" | ", expected)}");
        }
    }

    [Fact]
    public void ComputesTheFleschMeasuresFromTheCounts()
    {
        // 2 sentences, 8 words, 8 syllables: every word has one syllable.
        var report = Readability.Measure(["The cat sat down.", "The dog ran off."]);
        Assert.Equal((8, 2, 8), (report.Words, report.Sentences, report.Syllables));
        Assert.Equal(4.0, report.AverageSentenceLength);
        Assert.Equal((0.39 * 4) + (11.8 * 1) - 15.59, report.FleschKincaidGrade, 6);
        Assert.Equal(206.835 - (1.015 * 4) - 84.6, report.FleschReadingEase, 6);
    }

    [Fact]
    public void HardTextScoresAHigherGradeThanPlainText()
    {
        var plain = Readability.Measure(["Gene therapy adds a working gene to cells. The cells can then make the protein."]);
        var hard = Readability.Measure(["Therapeutic transgene delivery utilising recombinant adeno-associated viral vectors necessitates comprehensive immunological characterisation preceding administration."]);
        Assert.True(plain.FleschKincaidGrade < 8, $"plain grade {plain.FleschKincaidGrade}");
        Assert.True(hard.FleschKincaidGrade > 15, $"hard grade {hard.FleschKincaidGrade}");
        Assert.True(plain.FleschReadingEase > hard.FleschReadingEase);
    }

    [Fact]
    public void ListsTheLongestSentencesFirst()
    {
        var report = Readability.Measure(["Short one. This sentence is clearly the longest of them all here. Medium length sentence here."]);
        Assert.Equal("This sentence is clearly the longest of them all here.", report.LongestSentences[0]);
    }
}
