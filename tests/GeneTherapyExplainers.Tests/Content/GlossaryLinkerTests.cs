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
        var catalog = ContentLoader.Load(content.Root);
        return (catalog.All.SingleOrDefault(), catalog);
    }

    [Fact]
    public void MarksOnlyTheFirstUseOfEachTermAsADefinitionLinkingToTheGlossary()
    {
        var (e, _) = Load("A vector carries it. Another vector follows. Vectors again.", "[vector]");
        var doc = Html.Parse(e!.BodyHtml);
        var link = Assert.Single(doc.QuerySelectorAll("a.term-link"));
        Assert.Equal("/glossary/vector", link.GetAttribute("href"));
        Assert.Equal("vector", link.QuerySelector("dfn")!.TextContent);
        var described = doc.GetElementById(link.GetAttribute("aria-describedby")!);
        Assert.Contains("A carrier that takes a gene into a cell", described!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasCountsAsAUseAndKeepsTheWriterCasing()
    {
        var (e, _) = Load("Most use an Adeno-Associated Virus today.", "[aav]");
        var dfn = Html.Parse(e!.BodyHtml).Find("a.term-link[href='/glossary/aav'] dfn");
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
        var links = Html.Parse(e!.BodyHtml).QuerySelectorAll("a.term-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/glossary/gene-therapy", "/glossary/gene"], links);
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
        Assert.NotNull(doc.QuerySelector("li strong .term a[href='/glossary/vector']"));
        Assert.NotNull(doc.QuerySelector("li .term a[href='/glossary/aav']"));
    }

    [Fact]
    public void AKeyTermMissingFromTheGlossaryIsAnErrorWithItsLine()
    {
        var (e, catalog) = Load("Text about vectors.", "\n  - vector\n  - plasmid");
        Assert.Null(e);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal((ProblemSeverity.Error, 7), (problem.Severity, problem.Line));
        Assert.Contains("'plasmid' is not in the glossary", problem.Message, StringComparison.Ordinal);
    }
}
