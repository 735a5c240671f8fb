using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Glossary;

public class GlossaryPageTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    [Fact]
    public async Task GlossaryIsAnAToZWithAnchorsForEveryLetter()
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/glossary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var letters = doc.QuerySelectorAll("nav.az a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#letter-V", letters);
        Assert.All(letters, href => Assert.NotNull(doc.GetElementById(href![1..])));
        Assert.Equal(GeneTherapyExplainers.Content.Loading.ContentLoader.Load(RepositoryPaths.Content).Glossary.Count, doc.QuerySelectorAll("dl.glossary dt").Length);
        var headings = doc.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(headings.Order(StringComparer.Ordinal), headings);
    }

    [Fact]
    public async Task ATermPageExplainsTheTermAndListsTheExplainersThatUseIt()
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/glossary/aav");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("AAV", doc.Text("h1"));
        Assert.Contains("adeno-associated virus", doc.Text(".aliases"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(doc.Text(".definition")));
        Assert.NotEmpty(doc.Text(".term-page .body"));
        var usedIn = doc.QuerySelectorAll("#used-in + ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/explainers/gene-therapy-explained", usedIn);
    }

    [Fact]
    public async Task EveryMarkedTermOnEveryExplainerLeadsToAGlossaryPage()
    {
        var (_, index) = await fixture.Site.GetPageAsync("/explainers");
        foreach (var explainer in index.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!))
        {
            var (_, doc) = await fixture.Site.GetPageAsync(explainer);
            foreach (var term in doc.QuerySelectorAll(".term-popover a, .key-terms a").Select(a => a.GetAttribute("href")!).Distinct())
            {
                var (response, _) = await fixture.Site.GetPageAsync(term);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{term} on {explainer} answered {response.StatusCode}");
            }
        }
    }
}
