using System.Net;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Tests.Content;

/// <summary>
/// The content that ships with the site (content/), checked here and only here: every file loads and validates, every
/// explainer keeps the editorial rules, every link on its pages leads somewhere, and each repeated fact is said one way.
/// The searches patients make are checked against it too (<c>Pages/Search/PatientQueryTests</c>). Every other test runs
/// on its own content (<see cref="RepositoryPaths.Content"/>), so editing an explainer breaks nothing else.
/// </summary>
public class ShippedContentTests
{
    private static readonly string[] RuleWarnings = ["reading grade", "lists no sources", "lists no key terms"];

    [Fact]
    public void EveryShippedExplainerMeetsTheReadingGradeSourceAndKeyTermRules()
    {
        var options = new ContentOptions();
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent, options);
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
    public void EveryShippedContentFileLoadsWithoutAnError()
    {
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent);
        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Published.Count >= 4);
        Assert.True(catalog.Glossary.Count >= 25);
        foreach (var e in catalog.Published)
        {
            Assert.True(e.KeyPoints.Count > 0, $"{e.Slug} has no key points");
            Assert.True(e.Sources.Count >= 3, $"{e.Slug} has fewer than three sources");
        }
    }

    [Fact]
    public void TheShippedContentValidatesCleanly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ValidateCommand.Run(["validate", RepositoryPaths.ShippedContent], output, error);
        Assert.Equal(0, code);
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task EveryLinkOnTheShippedPagesLeadsSomewhere()
    {
        using var site = new SiteFactory(RepositoryPaths.ShippedContent);
        var catalog = ContentLoader.Load(RepositoryPaths.ShippedContent);
        var pages = catalog.Published.Select(e => SitePaths.Explainer(e.Slug)).Concat(catalog.Glossary.Select(t => SitePaths.Term(t.Key))).ToList();
        var links = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var (response, doc) = await site.GetPageAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {response.StatusCode}");
            links.UnionWith(doc.QuerySelectorAll("main a[href^='/'], main img[src^='/']")
                .Select(a => (a.GetAttribute("href") ?? a.GetAttribute("src"))!.Split('#')[0])
                .Where(href => href.Length > 0 && !pages.Contains(href)));
        }

        var broken = new List<string>();
        foreach (var link in links)
        {
            var (response, _) = await site.GetPageAsync(link);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                broken.Add(link);
            }
        }

        Assert.True(broken.Count == 0, "Links to nowhere on the shipped pages:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void TheReadingGradeTargetIsGradeSeven() => Assert.Equal(7, new ContentOptions().ReadabilityTargetGrade);

    [Fact]
    public void EveryRepeatedFactIsStatedTheSameWayOnEveryPage()
    {
        var statements = SiteFacts.Find(RepositoryPaths.ShippedContent);
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
        var statements = SiteFacts.Find(RepositoryPaths.ShippedContent);
        foreach (var fact in new[] { "Zolgensma dose for each kilogram of body weight", "Year the FDA first approved Casgevy", "Longest recommended follow-up after gene therapy", "Zolgensma UK list price" })
        {
            Assert.True(statements.Where(s => s.Fact == fact).Select(s => s.Path).Distinct().Count() >= 2, $"'{fact}' is on only one page");
        }
    }

    [Fact]
    public void AFactStatedTwoWaysOnTwoPagesIsCaught()
    {
        using var content = new TempContent(withTestContent: true);
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
