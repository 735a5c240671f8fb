using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>The content that ships with the site keeps the editorial rules, and says each repeated fact one way only.</summary>
public class ShippedContentTests
{
    private static readonly string[] RuleWarnings = ["reading grade", "lists no sources", "lists no key terms"];

    [Fact]
    public void EveryShippedExplainerMeetsTheReadingGradeSourceAndKeyTermRules()
    {
        var options = new ContentOptions();
        var catalog = ContentLoader.Load(RepositoryPaths.Content, options);
        Assert.DoesNotContain(catalog.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.DoesNotContain(catalog.Problems, p => RuleWarnings.Any(w => p.Message.Contains(w, StringComparison.Ordinal)));
        Assert.True(catalog.Published.Count >= 12, "the site should carry at least twelve explainers");
        foreach (var e in catalog.Published)
        {
            Assert.True(e.Readability.FleschKincaidGrade <= options.ReadabilityTargetGrade, $"{e.Slug} reads at grade {e.Readability.FleschKincaidGrade:0.0}");
            Assert.True(Readability.Measure([e.Summary]).FleschKincaidGrade <= options.ReadabilityTargetGrade, $"the summary of {e.Slug} is too hard");
            Assert.True(e.Sources.Count >= 3, $"{e.Slug} has fewer than three sources");
            Assert.NotEmpty(e.KeyTerms);
            Assert.NotEmpty(e.KeyPoints);
        }
    }

    [Fact]
    public void TheReadingGradeTargetIsGradeSeven() => Assert.Equal(7, new ContentOptions().ReadabilityTargetGrade);

    [Fact]
    public void EveryRepeatedFactIsStatedTheSameWayOnEveryPage()
    {
        var statements = SiteFacts.Find(RepositoryPaths.Content);
        foreach (var fact in SiteFacts.All)
        {
            var stated = statements.Where(s => s.Fact == fact.Name).ToList();
            Assert.True(stated.Count > 0, $"No page states '{fact.Name}': update its pattern in SiteFacts, or remove it.");
            var values = stated.GroupBy(s => s.Value).ToList();
            Assert.True(values.Count == 1,
                $"'{fact.Name}' is stated {values.Count} ways:\n" + string.Join('\n', stated.Select(s => $"  {s.Value} in {s.Path}: {s.Sentence}")));
        }
    }

    [Fact]
    public void TheFactsThatMatterMostAreStatedOnMoreThanOnePage()
    {
        var statements = SiteFacts.Find(RepositoryPaths.Content);
        foreach (var fact in new[] { "Zolgensma dose for each kilogram of body weight", "Year the FDA first approved Casgevy", "Longest recommended follow-up after gene therapy", "Zolgensma UK list price" })
        {
            Assert.True(statements.Where(s => s.Fact == fact).Select(s => s.Path).Distinct().Count() >= 2, $"'{fact}' is on only one page");
        }
    }

    [Fact]
    public void AFactStatedTwoWaysOnTwoPagesIsCaught()
    {
        using var content = new TempContent(withShippedContent: true);
        var path = Path.Combine(content.Root, "explainers", "paying-for-gene-therapy.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("£1,795,000", "£1,950,000", StringComparison.Ordinal));
        var statements = SiteFacts.Find(content.Root).Where(s => s.Fact == "Zolgensma UK list price").ToList();
        Assert.Equal(["£1,795,000", "£1,950,000"], statements.Select(s => s.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(statements, s => s.Value == "£1,950,000" && s.Path == "explainers/paying-for-gene-therapy.md");
    }

    [Theory]
    [InlineData("The dose is 110 trillion vector genomes for each kilogram of Zolgensma.", "1.1E+14")]
    [InlineData("Zolgensma: 1.1 × 10¹⁴ vector genomes per kilogram.", "1.1E+14")]
    [InlineData("Zolgensma is given at 1.1 x 10^14 vg per kg.", "1.1E+14")]
    [InlineData("Zolgensma is given at 11 billion per kilogram.", "1.1E+10")]
    public void DoseNumbersAreComparedByValueNotByHowTheyAreWritten(string sentence, string expected)
    {
        using var content = new TempContent();
        content.Write("glossary/dose.md", $"---\nterm: Dose\ndefinition: An amount.\n---\n\n{sentence}\n");
        var statement = Assert.Single(SiteFacts.Find(content.Root), s => s.Fact == "Zolgensma dose for each kilogram of body weight");
        Assert.Equal(expected, statement.Value);
    }
}
