using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class ContentRulesTests
{
    private const string Sources = "sources:\n  - title: T1\n    publisher: P\n    url: https://example.org/1\n"
        + "  - title: T2\n    publisher: P\n    url: https://example.org/2\n  - title: T3\n    publisher: P\n    url: https://example.org/3\n";

    private static List<ContentProblem> Warnings(string frontMatter, string body, ContentOptions? options = null)
    {
        using var content = new TempContent();
        content.Term("gene", "Gene", "One instruction in DNA.", "genes");
        content.Write("explainers/page.md", $"---\n{frontMatter}---\n\n{body}\n");
        var catalog = ContentLoader.Load(content.Root, options);
        Assert.Single(catalog.Published);
        return [.. catalog.Problems.Where(p => p.Severity == ProblemSeverity.Warning)];
    }

    private const string Plain = "A gene is a plan. The cell reads it. Then it makes a part.";

    [Fact]
    public void APlainPageWithSourcesAndKeyTermsHasNoWarnings() =>
        Assert.Empty(Warnings($"title: T\nsummary: A short plain line.\ncategory: C\nkeyTerms: [gene]\n{Sources}", Plain));

    [Fact]
    public void AHardSummaryIsAWarningOnTheSummaryLine()
    {
        var warning = Assert.Single(Warnings(
            $"title: T\nsummary: Comprehensive pharmacological characterisation necessitates sophisticated interdisciplinary methodologies.\ncategory: C\nkeyTerms: [gene]\n{Sources}",
            Plain));
        Assert.Equal(3, warning.Line);
        Assert.Contains("reading grade of the summary", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHardBodyIsAWarningOnTheFirstLineOfTheBody()
    {
        var hard = "Gene therapy necessitates comprehensive immunological characterisation, sophisticated manufacturing infrastructure and longitudinal pharmacovigilance.";
        var warning = Assert.Single(Warnings($"title: T\nsummary: Short.\ncategory: C\nkeyTerms: [gene]\n{Sources}", hard));
        Assert.Equal(18, warning.Line);
        Assert.Contains("reading grade of the text", warning.Message, StringComparison.Ordinal);
        Assert.Contains("longest sentence", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplainerWithoutKeyTermsIsAWarning()
    {
        var warning = Assert.Single(Warnings($"title: T\nsummary: Short.\ncategory: C\n{Sources}", Plain));
        Assert.Contains("lists no key terms", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithTheSourceRuleOffAnExplainerWithoutSourcesIsAWarningOnItsOwn()
    {
        var warning = Assert.Single(Warnings("title: T\nsummary: Short.\ncategory: C\nkeyTerms: [gene]\n", Plain, new ContentOptions { MinimumSources = 0 }));
        Assert.Contains("lists no sources", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APublishedExplainerWithFewerThanThreeSourcesIsAnErrorNamingTheFileAndStaysUnpublished()
    {
        using var content = new TempContent();
        content.Term("gene", "Gene", "One instruction in DNA.", "genes");
        var two = Sources[..Sources.IndexOf("  - title: T3", StringComparison.Ordinal)];
        content.Write("explainers/page.md", $"---\ntitle: T\nsummary: Short.\ncategory: C\nkeyTerms: [gene]\n{two}---\n\n{Plain}\n");
        content.Write("explainers/draft.md", $"---\ntitle: D\nsummary: Short.\ncategory: C\nkeyTerms: [gene]\ndraft: true\n---\n\n{Plain}\n");

        var catalog = ContentLoader.Load(content.Root);

        var error = Assert.Single(catalog.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(("explainers/page.md", 6), (error.Path, error.Line));
        Assert.StartsWith("explainers/page.md lists 2 sources; a published explainer needs at least 3.", error.Message, StringComparison.Ordinal);
        Assert.Null(catalog.FindPublished("page"));
        Assert.True(catalog.Find("draft")!.Draft);
        Assert.NotNull(ContentLoader.Load(content.Root, new ContentOptions { MinimumSources = 2 }).FindPublished("page"));
    }

    [Fact]
    public void TheTargetIsTheConfiguredReadingGrade()
    {
        using var content = new TempContent();
        content.Term("gene", "Gene", "One instruction in DNA.", "genes");
        content.Write("explainers/page.md", $"---\ntitle: T\nsummary: Short.\ncategory: C\nkeyTerms: [gene]\n{Sources}---\n\nA gene is an instruction that a cell follows to make a protein.\n");
        var strict = ContentLoader.Load(content.Root, new ContentOptions { ReadabilityTargetGrade = 1 });
        var lenient = ContentLoader.Load(content.Root, new ContentOptions { ReadabilityTargetGrade = 12 });
        Assert.Contains(strict.Problems, p => p.Message.Contains("reading grade of the text", StringComparison.Ordinal));
        Assert.DoesNotContain(lenient.Problems, p => p.Message.Contains("reading grade", StringComparison.Ordinal));
    }
}
