using GeneTherapyExplainers.Content.Markdown;

namespace GeneTherapyExplainers.Tests.Content;

public class TextStatisticsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Gene therapy works.", 3)]
    [InlineData("It's a one-time, in-body treatment: 20,000 genes!", 7)]
    [InlineData("  many   spaces\nand\tlines ", 4)]
    public void CountsWords(string text, int words) => Assert.Equal(words, TextStatistics.CountWords(text));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(1800, 9)]
    public void ReadingTimeRoundsUpToWholeMinutes(int words, int minutes) =>
        Assert.Equal(minutes, TextStatistics.ReadingMinutes(words));

    [Fact]
    public void TheWordScannerFollowsTheWordPatternOnAnyText()
    {
        var random = new Random(20261130);
        const string alphabet = "ab1é2 ,.'’-\n!xZ9";
        for (var i = 0; i < 5000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var expected = TextStatistics.WordPattern().Matches(text).Select(m => m.Value).ToList();
            Assert.Equal(expected, TextStatistics.Words(text).ToList());
            Assert.Equal(expected.Count, TextStatistics.CountWords(text));
        }
    }
}
