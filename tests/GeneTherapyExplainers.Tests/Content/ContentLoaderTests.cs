using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class ContentLoaderTests
{
    private const string Good = "---\ntitle: Good\nsummary: A good page.\ncategory: Basics\n---\n\nSome words.\n";

    private static ContentCatalog Load(Action<TempContent> arrange)
    {
        using var content = new TempContent();
        arrange(content);
        return ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
    }

    private static ContentProblem OnlyError(ContentCatalog catalog) =>
        Assert.Single(catalog.Problems, p => p.Severity == ProblemSeverity.Error);

    [Fact]
    public void ReadsEveryFrontMatterField()
    {
        var catalog = Load(c => c
            .Term("vector", "Vector", "A carrier.")
            .Write("media/steps.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            .Write("explainers/full-page.md", """
                ---
                title: Full page
                summary: All the fields are set.
                category: Advanced Therapy
                series: treatments
                order: 2
                published: 2026-01-15
                author: ioannis-anagnostopoulos
                reviewers:
                  medical: georgios-anagas
                  technical: achi-anagas
                keyPoints: [One, Two]
                keyTerms: [vector]
                related: [some-interview]
                video:
                  url: https://video.example.org/v/1
                  caption: A short film.
                  transcript: Hello.
                infographic:
                  image: steps.svg
                  alt: Five steps.
                  description: A longer description.
                sources:
                  - title: What is Gene Therapy?
                    publisher: FDA
                    url: https://www.fda.gov/x
                draft: true
                ---

                ## First part

                A vector carries genes.
                """));
        Assert.Empty(catalog.Problems);
        var e = Assert.Single(catalog.All);
        Assert.Equal("full-page", e.Slug);
        Assert.Equal(("Full page", "All the fields are set.", "Advanced Therapy", "treatments", 2), (e.Title, e.Summary, e.Category, e.Series, e.Order));
        Assert.Equal(new DateOnly(2026, 1, 15), e.Published);
        Assert.Equal(("ioannis-anagnostopoulos", "georgios-anagas", "achi-anagas"), (e.AuthorKey, e.MedicalReviewerKey, e.TechnicalReviewerKey));
        Assert.Equal(["One", "Two"], e.KeyPoints);
        Assert.Equal("vector", Assert.Single(e.KeyTerms).Key);
        Assert.Equal(["some-interview"], e.RelatedKeys);
        Assert.Equal(new Video("https://video.example.org/v/1", "A short film.", "Hello."), e.Video);
        Assert.Equal(new Infographic("steps.svg", "Five steps.", "A longer description."), e.Infographic);
        Assert.Equal(new Source("What is Gene Therapy?", "FDA", "https://www.fda.gov/x"), Assert.Single(e.Sources));
        Assert.True(e.Draft);
        Assert.Equal(new Heading("first-part", "First part"), Assert.Single(e.Headings));
        Assert.Empty(catalog.Published);
        Assert.DoesNotContain("title:", e.BodyHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFrontMatterKeyIsAnErrorWithItsLine()
    {
        var catalog = Load(c => c.Write("explainers/typo.md", "---\ntitle: T\nsumary: S.\ncategory: C\n---\n\nText.\n"));
        var problem = Assert.Single(catalog.Problems, p => p.Message.Contains("'sumary' is not a known field", StringComparison.Ordinal));
        Assert.Equal(("explainers/typo.md", 3, ProblemSeverity.Error), (problem.Path, problem.Line, problem.Severity));
        Assert.Contains(catalog.Problems, p => p.Message.Contains("'summary' field is missing", StringComparison.Ordinal));
        Assert.Empty(catalog.All);
    }

    [Fact]
    public void BrokenYamlIsAnErrorWithItsLine()
    {
        var catalog = Load(c => c.Write("explainers/broken.md", "---\ntitle: T\nsummary: S.\ncategory: [unclosed\n---\n\nText.\n"));
        var problem = OnlyError(catalog);
        Assert.Equal("explainers/broken.md", problem.Path);
        Assert.InRange(problem.Line, 4, 5);
    }

    [Theory]
    [InlineData("summary: S.\ncategory: C", "title")]
    [InlineData("title: T\ncategory: C", "summary")]
    [InlineData("title: T\nsummary: '  '\ncategory: C", "summary")]
    public void AMissingRequiredFieldIsAnError(string fields, string missing)
    {
        var catalog = Load(c => c.Write("explainers/x.md", $"---\n{fields}\n---\n\nText.\n"));
        Assert.Contains($"'{missing}' field is missing", OnlyError(catalog).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABrokenFileLeavesEveryOtherFileLoaded()
    {
        var catalog = Load(c => c
            .Write("explainers/good.md", Good)
            .Write("explainers/empty.md", "")
            .Write("explainers/no-front-matter.md", "# Just text\n")
            .WriteBytes("explainers/latin1.md", [0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0xFF, 0x0A])
            .Write("explainers/Bad Name.md", Good));
        Assert.Equal("good", Assert.Single(catalog.All).Slug);
        Assert.Equal(
            ["explainers/Bad Name.md", "explainers/empty.md", "explainers/latin1.md", "explainers/no-front-matter.md"],
            catalog.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMissingImageOrAltTextIsAnError()
    {
        var catalog = Load(c => c
            .Write("media/there.svg", "<svg/>")
            .Write("explainers/a.md", "---\ntitle: A\nsummary: S.\ncategory: C\ninfographic:\n  image: missing.svg\n  alt: x\n---\n\nText.\n")
            .Write("explainers/b.md", "---\ntitle: B\nsummary: S.\ncategory: C\ninfographic:\n  image: there.svg\n---\n\nText.\n"));
        Assert.Empty(catalog.All);
        var problems = catalog.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        Assert.Contains(problems, p => p.Path == "explainers/a.md" && p.Line == 6 && p.Message.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "explainers/b.md" && p.Message.Contains("no alt text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("video:\n  url: javascript:alert(1)", "video address", 6)]
    [InlineData("sources:\n  - title: T\n    publisher: P\n    url: data:text/html,x", "source address", 8)]
    public void UnsafeUrlsInFrontMatterAreErrors(string yaml, string message, int line)
    {
        var catalog = Load(c => c.Write("explainers/x.md", $"---\ntitle: T\nsummary: S.\ncategory: C\n{yaml}\n---\n\nText.\n"));
        var problem = OnlyError(catalog);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(line, problem.Line);
    }

    [Fact]
    public void PreviousAndNextFollowTheSeriesOrderAndSkipDrafts()
    {
        static string Page(string title, int order, bool draft = false) =>
            $"---\ntitle: {title}\nsummary: S.\ncategory: C\nseries: s\norder: {order}\ndraft: {draft.ToString().ToLowerInvariant()}\n---\n\nText.\n";
        var catalog = Load(c => c
            .Write("explainers/one.md", Page("One", 1))
            .Write("explainers/two.md", Page("Two", 2, draft: true))
            .Write("explainers/three.md", Page("Three", 3))
            .Write("explainers/zz-clash.md", Page("Clash", 3)));
        var one = catalog.FindPublished("one")!;
        var three = catalog.FindPublished("three")!;
        Assert.Equal((null, "three"), (catalog.Neighbours(one).Previous?.Slug, catalog.Neighbours(one).Next?.Slug));
        Assert.Equal(("one", null), (catalog.Neighbours(three).Previous?.Slug, catalog.Neighbours(three).Next?.Slug));
        Assert.Null(catalog.FindPublished("two"));
        var clash = OnlyError(catalog);
        Assert.Equal(("explainers/zz-clash.md", 6), (clash.Path, clash.Line));
        Assert.Contains("already taken by explainers/three.md", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadingTimeComesFromTheWords()
    {
        var body = string.Join(' ', Enumerable.Repeat("word", 450));
        var catalog = Load(c => c.Write("explainers/long.md", $"---\ntitle: Long\nsummary: S.\ncategory: C\n---\n\n{body}\n"));
        var e = Assert.Single(catalog.All);
        Assert.Equal(450, e.WordCount);
        Assert.Equal(3, e.ReadingMinutes);
    }

    [Fact]
    public void ReadabilityAndSectionsComeFromTheParagraphs()
    {
        using var content = new TempContent();
        content.Write("explainers/r.md",
            "---\ntitle: R\nsummary: S.\ncategory: C\n---\n\nFirst words here. More words.\n\n## Part two\n\nThe second part has words.\n\n- A list item.\n");
        var (e, sections) = Assert.Single(new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule).Build().ChangedExplainers);
        Assert.Equal((13, 4), (e.Readability.Words, e.Readability.Sentences));
        Assert.Equal(2, sections.Count);
        Assert.Equal(new Section(null, null, "First words here. More words."), sections[0]);
        Assert.Equal("part-two", sections[1].Id);
        Assert.Contains("The second part has words.", sections[1].Text, StringComparison.Ordinal);
        Assert.Contains("A list item.", sections[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongSentenceIsAWarningWithItsLine()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 40)) + ".";
        var catalog = Load(c => c.Write("explainers/long.md", $"---\ntitle: L\nsummary: S.\ncategory: C\n---\n\nShort one.\n\n{sentence}\n"));
        var warning = Assert.Single(catalog.Problems, p => p.Message.Contains("A sentence of 40 words", StringComparison.Ordinal));
        Assert.Equal((ProblemSeverity.Warning, 9), (warning.Severity, warning.Line));
        Assert.Single(catalog.Published);
    }
}
