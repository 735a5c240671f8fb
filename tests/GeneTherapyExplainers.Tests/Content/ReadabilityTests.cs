using GeneTherapyExplainers.Content.Markdown;

namespace GeneTherapyExplainers.Tests.Content;

public class ReadabilityTests
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
