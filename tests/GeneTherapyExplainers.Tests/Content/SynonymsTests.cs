using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class SynonymsTests
{
    private static ContentCatalog Load(string synonyms)
    {
        using var content = new TempContent();
        content.Write("synonyms.yml", synonyms);
        return ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
    }

    [Fact]
    public void TheFileIsReadIntoSpellingsEverydayPhrasesAndIgnoredWords()
    {
        var catalog = Load("spellings:\n  - [Haemophilia, hemophilia]\neveryday:\n  Side effects: [risks]\nignore: [how, does]\n");
        Assert.Empty(catalog.Problems);
        Assert.Contains("synonyms.yml", catalog.Files);
        Assert.Equal(["hemophilia", "haemophilia"], catalog.Synonyms.SpellingsOf("Hemophilia"));
        Assert.Equal("haemophilia", catalog.Synonyms.SiteSpelling("hemophilia"));
        Assert.Equal(["risks"], catalog.Synonyms.Phrases.Single(p => p.Key == "side effects").Value);
        Assert.Contains("does", catalog.Synonyms.Ignored);
    }

    [Theory]
    [InlineData("spellings:\n  - [haemophilia]\n", 2, "at least two spellings")]
    [InlineData("spellings:\n  - [haemophilia, hemophilia]\n  - [anaemia, side effect]\n", 3, "more than one word")]
    [InlineData("spellings:\n  - [haemophilia, hemophilia]\n  - [hemophilia, haemofilia]\n", 3, "already in the spelling group on line 2")]
    [InlineData("everyday:\n  side effects: []\n", 2, "Give the site's words for 'side effects'")]
    [InlineData("everyday:\n  side effects: risks\n", 2, "wrong type")]
    [InlineData("everyday:\n  side effects: [risks]\n  side effects: [dangers]\n", 3, "'side effects' is written twice")]
    [InlineData("ignore: [how, how much]\n", 1, "'how much' is not one word")]
    [InlineData("spelings:\n  - [haemophilia, hemophilia]\n", 1, "'spelings' is not a known field")]
    [InlineData("spellings:\n  - [haemophilia, hemophilia\n", 3, "could not be read")]
    public void AMistakeIsAnErrorAtItsLineAndNoSynonymIsUsed(string text, int line, string message)
    {
        var catalog = Load(text);
        var problem = Assert.Single(catalog.Problems);
        Assert.Equal(("synonyms.yml", line, ProblemSeverity.Error), (problem.Path, problem.Line, problem.Severity));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Empty(catalog.Synonyms.Spellings);
    }

    [Fact]
    public void ABrokenSaveKeepsTheLastGoodListAndSaysSo()
    {
        using var content = new TempContent();
        content.Write("synonyms.yml", "spellings:\n  - [haemophilia, hemophilia]\n");
        var builder = new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule);
        builder.Build();
        content.Write("synonyms.yml", "spellings:\n  - [haemophilia]\n");
        var change = builder.Update(["synonyms.yml"]);
        Assert.Equal("haemophilia", change.Catalog.Synonyms.SiteSpelling("hemophilia"));
        Assert.Contains(change.Catalog.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("last good version", StringComparison.Ordinal));
        Assert.False(change.SynonymsChanged);
    }

    [Fact]
    public void ANewSpellingRelinksOnlyTheExplainersListingATermWithThatWord()
    {
        using var content = new TempContent();
        content.Term("haemophilia", "Haemophilia", "A condition in which blood does not clot well.")
            .Term("gene", "Gene", "One instruction in DNA.")
            .Write("explainers/bleeding.md", "---\ntitle: Bleeding\nsummary: S.\ncategory: C\nkeyTerms: [haemophilia]\n---\n\nAbout hemophilia.\n")
            .Write("explainers/genes.md", "---\ntitle: Genes\nsummary: S.\ncategory: C\nkeyTerms: [gene]\n---\n\nAbout a gene.\n");
        var builder = new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule);
        var first = builder.Build();
        Assert.Contains(first.Catalog.Problems, p => p.Path == "explainers/bleeding.md" && p.Message.Contains("never appears", StringComparison.Ordinal));

        content.Write("synonyms.yml", "spellings:\n  - [haemophilia, hemophilia]\n");
        var change = builder.Update(["synonyms.yml"]);
        Assert.True(change.SynonymsChanged);
        Assert.Equal(["bleeding"], change.ChangedExplainers.Select(c => c.Explainer.Slug));
        Assert.DoesNotContain(change.Catalog.Problems, p => p.Message.Contains("never appears", StringComparison.Ordinal));
        Assert.Equal(builder.Catalog.Find("bleeding")!.BodyHtml, ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule).Find("bleeding")!.BodyHtml);
    }
}
