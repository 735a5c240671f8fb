using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class GlossaryLinkerTests
{
    private static (Explainer? Explainer, ContentCatalog Catalog) Load(string body, string keyTerms = "[vector, aav, gene-therapy, gene]")
    {
        using var content = new TempContent();
        content.Term("vector", "Vector", "A carrier that takes a gene into a cell.", "vectors")
            .Term("aav", "AAV", "A small harmless virus used as a vector.", "adeno-associated virus")
            .Term("gene-therapy", "Gene therapy", "A treatment that changes genes in cells.")
            .Term("gene", "Gene", "One instruction in DNA.", "genes")
            .Write("explainers/x.md", $"---\ntitle: X\nsummary: S.\ncategory: C\nkeyTerms: {keyTerms}\n---\n\n{body}\n");
        var catalog = ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
        return (catalog.All.SingleOrDefault(), catalog);
    }

    [Fact]
    public void MarksOnlyTheFirstUseOfEachTermAsAButtonOpeningItsDefinitionWithTheGlossaryLinkInside()
    {
        var (e, _) = Load("A vector carries it. Another vector follows. Vectors again.", "[vector]");
        var doc = Html.Parse(e!.BodyHtml);
        var button = Assert.Single(doc.QuerySelectorAll("button.term"));
        Assert.Equal(("button", "vector"), (button.GetAttribute("type"), button.QuerySelector("dfn")!.TextContent));
        var popover = doc.GetElementById(button.GetAttribute("popovertarget")!)!;
        Assert.True(popover.HasAttribute("popover"));
        Assert.Equal("SPAN", popover.TagName);
        Assert.Equal("P", popover.ParentElement!.TagName);
        Assert.Equal("A carrier that takes a gene into a cell.", popover.QuerySelector(".term-definition")!.TextContent);
        Assert.Equal("/glossary/vector", popover.QuerySelector("a")!.GetAttribute("href"));
        var close = popover.QuerySelector("button.term-close")!;
        Assert.Equal((popover.Id, "hide"), (close.GetAttribute("popovertarget"), close.GetAttribute("popovertargetaction")));
        Assert.Empty(doc.QuerySelectorAll("[aria-describedby], .term-def"));
    }

    [Fact]
    public void AnotherSpellingFromTheSynonymListMarksTheTerm()
    {
        var synonyms = "spellings:\n  - [haemophilia, hemophilia]\n";
        using var content = new TempContent();
        content.Term("haemophilia", "Haemophilia", "A condition in which blood does not clot well.")
            .Write("synonyms.yml", synonyms)
            .Write("explainers/x.md", "---\ntitle: X\nsummary: S.\ncategory: C\nkeyTerms: [haemophilia]\n---\n\nSome treat Hemophilia B.\n");
        var catalog = ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
        var button = Html.Parse(catalog.All.Single().BodyHtml).Find("button.term");
        Assert.Equal(("Hemophilia", "def-haemophilia"), (button.TextContent, button.GetAttribute("popovertarget")));
        Assert.DoesNotContain(catalog.Problems, p => p.Severity == ProblemSeverity.Error || p.Message.Contains("never appears", StringComparison.Ordinal));
    }

    [Fact]
    public void BoldAroundNothingButTheTermIsDroppedSoEveryTermLooksTheSame()
    {
        var (e, _) = Load("In **vectors**, and **AAV treatments** are common.", "[vector, aav]");
        var doc = Html.Parse(e!.BodyHtml);
        Assert.Null(doc.QuerySelector("strong button.term[popovertarget='def-vector']"));
        Assert.Equal("P", doc.Find("button.term[popovertarget='def-vector']").ParentElement!.TagName);
        Assert.NotNull(doc.QuerySelector("strong button.term[popovertarget='def-aav']"));
    }

    [Fact]
    public void AnAliasCountsAsAUseAndKeepsTheWriterCasing()
    {
        var (e, _) = Load("Most use an Adeno-Associated Virus today.", "[aav]");
        var dfn = Html.Parse(e!.BodyHtml).Find("button.term[popovertarget='def-aav'] dfn");
        Assert.Equal("Adeno-Associated Virus", dfn.TextContent);
    }

    [Fact]
    public void NeverMarksInsideHeadingsLinksOrCode()
    {
        var (e, catalog) = Load("## Vector basics\n\nSee [the vector page](/x) and `vector`.\n\nNow a vector in text.", "[vector]");
        var doc = Html.Parse(e!.BodyHtml);
        Assert.Empty(doc.QuerySelectorAll("h2 .term, a .term, code .term"));
        var marked = Assert.Single(doc.QuerySelectorAll(".term"));
        Assert.Equal("P", marked.ParentElement!.TagName);
        Assert.Contains("Now a", marked.ParentElement.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(catalog.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("never appears", StringComparison.Ordinal));
    }

    [Fact]
    public void PrefersTheLongerTermWhereTwoStartTogether()
    {
        var (e, _) = Load("Gene therapy adds a gene to cells.", "[gene, gene-therapy]");
        var links = Html.Parse(e!.BodyHtml).QuerySelectorAll("button.term").Select(a => a.GetAttribute("popovertarget")).ToList();
        Assert.Equal(["def-gene-therapy", "def-gene"], links);
    }

    [Fact]
    public void DoesNotMatchInsideLongerWords()
    {
        var (e, catalog) = Load("The genetic code and vectorial maths.", "[gene, vector]");
        Assert.Empty(Html.Parse(e!.BodyHtml).QuerySelectorAll(".term"));
        Assert.Equal(2, catalog.Problems.Count(p => p.Message.Contains("never appears", StringComparison.Ordinal)));
    }

    [Fact]
    public void MarksTermsInsideEmphasisAndLists()
    {
        var (e, _) = Load("- a **vector** here\n- and AAV there", "[vector, aav]");
        var doc = Html.Parse(e!.BodyHtml);
        Assert.NotNull(doc.QuerySelector("li .term-popover a[href='/glossary/vector']"));
        Assert.NotNull(doc.QuerySelector("li .term-popover a[href='/glossary/aav']"));
    }

    [Fact]
    public void AKeyTermMissingFromTheGlossaryIsAnErrorWithItsLine()
    {
        var (e, catalog) = Load("Text about vectors.", "\n  - vector\n  - plasmid");
        Assert.Null(e);
        var problem = Assert.Single(catalog.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(7, problem.Line);
        Assert.Contains("'plasmid' is not in the glossary", problem.Message, StringComparison.Ordinal);
    }
}
