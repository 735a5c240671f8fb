using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Search;

public sealed class SearchSiteFixture : IDisposable
{
    private readonly TempContent content = new(withTestContent: true);

    public SearchSiteFixture()
    {
        content.Write("explainers/hidden-draft.md",
            "---\ntitle: Zanzibar draft\nsummary: Unpublished.\ncategory: Tests\ndraft: true\n---\n\nThe word quokkaphrase appears only here.\n");
        Site = new SiteFactory(content.Root);
    }

    public SiteFactory Site { get; }

    public TempContent Content => content;

    public void Dispose()
    {
        Site.Dispose();
        content.Dispose();
    }
}

public class SearchTests(SearchSiteFixture fixture) : IClassFixture<SearchSiteFixture>
{
    private async Task<List<(string Title, string Url, string Kind)>> SearchAsync(string query)
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. doc.QuerySelectorAll(".result").Select(r => (
            r.QuerySelector("h2 a")!.TextContent,
            r.QuerySelector("h2 a")!.GetAttribute("href")!,
            r.QuerySelector(".kind")!.TextContent))];
    }

    [Fact]
    public async Task ATitleMatchComesFirst()
    {
        var hits = await SearchAsync("monoclonal antibodies");
        Assert.StartsWith("/explainers/monoclonal-antibodies", hits[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrefixesFindWholeWords()
    {
        var hits = await SearchAsync("vect");
        Assert.Contains(hits, h => h.Url == "/glossary/vector");
    }

    [Fact]
    public async Task StemmingFindsOtherFormsOfAWord()
    {
        var hits = await SearchAsync("vectors");
        Assert.Contains(hits, h => h.Url == "/glossary/vector");
        Assert.Contains(await SearchAsync("editing"), h => h.Url == "/glossary/gene-editing");
    }

    [Fact]
    public async Task AGlossaryAliasFindsTheTermAndTheTermFindsItsAliases()
    {
        Assert.Equal("/glossary/aav", (await SearchAsync("adeno-associated virus"))[0].Url);
        var hits = await SearchAsync("AAV");
        Assert.Equal("/glossary/aav", hits[0].Url);
        Assert.Contains(hits, h => h.Url.StartsWith("/explainers/gene-therapy-explained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMatchInASectionLinksToThatSectionWithTheWordsHighlighted()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/search?q=" + Uri.EscapeDataString("blindness"));
        var result = doc.QuerySelectorAll(".result")
            .Single(r => r.QuerySelector("h2 a")!.GetAttribute("href")!.StartsWith("/explainers/gene-therapy-explained", StringComparison.Ordinal));
        Assert.Equal("/explainers/gene-therapy-explained#the-basic-idea", result.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("blindness", result.QuerySelector(".snippet mark")!.TextContent, ignoreCase: true);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"unclosed")]
    [InlineData("*")]
    [InlineData("gene*")]
    [InlineData("NEAR(gene vector")]
    [InlineData("gene OR")]
    [InlineData("AND NOT")]
    [InlineData("title:gene")]
    [InlineData("^gene")]
    [InlineData("gene -vector +cell")]
    [InlineData("🧬🧬🧬")]
    [InlineData("'); DROP TABLE pages; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("{}[]()\\/%_")]
    public async Task HostileQueriesAreTreatedAsWords(string query)
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Search", doc.Text("h1"));
        Assert.Empty(doc.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task AVeryLongQueryIsCutShortNotRefused()
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/search?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("gene", 3000))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(doc.QuerySelectorAll(".result"));
    }

    [Fact]
    public async Task NoResultsSuggestsGlossaryTermsAndTheIndex()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/search?q=vaccinology");
        var box = doc.Find(".no-results");
        Assert.Contains("Nothing matched", box.TextContent, StringComparison.Ordinal);
        Assert.Contains(box.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/glossary/vaccine");
        Assert.Contains(box.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/explainers");
    }

    [Fact]
    public async Task DraftsAreNeverFound()
    {
        Assert.Empty(await SearchAsync("quokkaphrase"));
        Assert.Empty(await SearchAsync("Zanzibar"));
    }

    [Fact]
    public async Task EverySearchBoxIsAPlainGetForm()
    {
        foreach (var url in new[] { "/", "/explainers/gene-therapy-explained", "/glossary" })
        {
            var (_, doc) = await fixture.Site.GetPageAsync(url);
            var form = doc.Find("header form[role=search]");
            Assert.Equal(("get", "/search"), (form.GetAttribute("method"), form.GetAttribute("action")));
            Assert.NotNull(doc.QuerySelector($"label[for='{form.QuerySelector("input")!.Id}']"));
        }
    }

    [Fact]
    public async Task AUsSpellingAndAnEverydayPhraseFindTheSitesWords()
    {
        Assert.Equal("/glossary/haemophilia", (await SearchAsync("hemophilia"))[0].Url);
        Assert.Contains(await SearchAsync("side effects"), h => h.Url == "/explainers/gene-therapy-explained#the-risks");
    }

    [Fact]
    public async Task AnEditedSynonymListIsUsedAtOnce()
    {
        Assert.Empty(await SearchAsync("quokkaword"));
        var path = Path.Combine(fixture.Content.Root, "synonyms.yml");
        fixture.Content.Write("synonyms.yml", File.ReadAllText(path).Replace("everyday:\n", "everyday:\n  quokkaword: [vector]\n", StringComparison.Ordinal));
        var hits = await Eventually.Until(() => SearchAsync("quokkaword"), h => h.Count > 0);
        Assert.Equal("/glossary/vector", hits[0].Url);
    }

    [Fact]
    public async Task AnEditedFileIsFoundAtOnce()
    {
        fixture.Content.Write("explainers/fresh-page.md", "---\ntitle: Fresh page\nsummary: New.\ncategory: Tests\n---\n\nThe rare word wombatology is here.\n");
        var hits = await Eventually.Until(() => SearchAsync("wombatology"), h => h.Count > 0);
        Assert.Equal("/explainers/fresh-page", Assert.Single(hits).Url);
    }
}
