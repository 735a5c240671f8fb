using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Explainers;

public class ExplainerPageTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    private const string Long = "/explainers/gene-therapy-explained";

    [Fact]
    public async Task ExplainerShowsBreadcrumbCategoryAndReadingTime()
    {
        var (response, doc) = await fixture.Site.GetPageAsync(Long);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var crumbs = doc.QuerySelectorAll("nav.breadcrumb a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "/explainers", Long], crumbs);
        Assert.Equal("Advanced Therapy", doc.Text(".category"));
        Assert.Matches(@"^\d+ min read$", doc.Text(".reading-time"));
    }

    [Fact]
    public async Task ExplainerShowsOneTitleAndItsSummary()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var h1 = Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("Gene Therapy Explained: Treating Disease at Its Source", h1.TextContent);
        Assert.StartsWith("A test page on how a new gene is carried into cells", doc.Text("p.summary"), StringComparison.Ordinal);
        Assert.Equal(doc.Text("p.summary"), doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task KeyPointsComeBeforeTheBody()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var keyPoints = doc.Find(".key-points");
        Assert.True(doc.QuerySelectorAll(".key-points li").Length >= 3);
        Assert.True(keyPoints.CompareDocumentPosition(doc.Find(".body")).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task OnThisPageLinksToEveryBodyHeading()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var headingIds = doc.QuerySelectorAll(".body h2").Select(h => "#" + h.Id).ToList();
        var tocLinks = doc.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#the-delivery-problem", headingIds);
        Assert.All(headingIds, id => Assert.Contains(id, tocLinks));
        Assert.All(tocLinks, href => Assert.NotNull(doc.GetElementById(href![1..])));
    }

    [Fact]
    public async Task AnExplainerWithoutVideoShowsTheComingSoonPlaceholder()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        Assert.Contains("Video coming soon", doc.Text(".video-placeholder"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfographicHasAltTextAndALongerDescription()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var img = doc.Find(".infographic img");
        Assert.Equal("/media/gene-therapy-routes.svg", img.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        Assert.Contains("Ex vivo", doc.Text(".infographic details.long-description"), StringComparison.Ordinal);
        using var client = fixture.Site.CreateClient();
        var image = await client.GetAsync(new Uri("/media/gene-therapy-routes.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task KeyTermsAreMarkedInTheBodyAndListedInTheBox()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var marked = doc.QuerySelectorAll(".body .term-popover a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/glossary/vector", marked);
        Assert.Equal(marked.Count, marked.Distinct().Count());
        var vector = doc.Find(".body button.term[popovertarget='def-vector']");
        Assert.Contains("carrier", doc.GetElementById(vector.GetAttribute("popovertarget")!)!.TextContent, StringComparison.Ordinal);
        var boxTerms = doc.QuerySelectorAll(".key-terms dt a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/glossary/aav", boxTerms);
        Assert.Equal(boxTerms.Count, doc.QuerySelectorAll(".key-terms dd").Length);
    }

    [Fact]
    public async Task EveryIdOnEveryExplainerIsUniqueAndEveryDefinitionButtonOpensAPopoverOfThatPage()
    {
        var (_, index) = await fixture.Site.GetPageAsync("/explainers");
        foreach (var explainer in index.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!))
        {
            var (_, doc) = await fixture.Site.GetPageAsync(explainer);
            var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
            Assert.True(ids.Count == ids.Distinct().Count(), $"{explainer} repeats ids: {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))}");
            foreach (var button in doc.QuerySelectorAll("button[popovertarget]"))
            {
                var popover = doc.GetElementById(button.GetAttribute("popovertarget")!);
                Assert.True(popover?.HasAttribute("popover") == true, $"{explainer}: {button.TextContent} opens nothing");
                Assert.False(string.IsNullOrWhiteSpace(button.TextContent));
            }
        }
    }

    [Fact]
    public async Task SourcesDisclaimerAndSeriesNavigationAreShown()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        Assert.True(doc.QuerySelectorAll(".sources li a[href^='https://']").Length >= 3);
        Assert.Contains("not medical advice", doc.Text(".disclaimer"), StringComparison.Ordinal);
        Assert.Equal("/explainers/monoclonal-antibodies", doc.Find(".series-nav a[rel=prev]").GetAttribute("href"));
        Assert.Equal("/explainers/mrna-technology", doc.Find(".series-nav a[rel=next]").GetAttribute("href"));
        Assert.Contains("Monoclonal Antibodies", doc.Text(".series-nav a[rel=prev]"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndexGroupsExplainersByCategoryWithSummaryAndReadingTime()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/explainers");
        var categories = doc.QuerySelectorAll("main section h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Advanced Therapy", categories);
        Assert.Contains("Gene therapy basics", categories);
        var card = doc.QuerySelectorAll(".card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == "/explainers/what-is-gene-therapy");
        Assert.Contains("min read", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("group of treatments", card.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/explainers?category=advanced-therapy")]
    [InlineData("/explainers")]
    public async Task EveryListSaysWhenEachExplainerWasLastReviewed(string url)
    {
        var (_, doc) = await fixture.Site.GetPageAsync(url);
        var (_, home) = await fixture.Site.GetPageAsync("/");
        Assert.All(home.QuerySelectorAll(".card .meta").Concat(doc.QuerySelectorAll(".card .meta")),
            m => Assert.Matches("(Last reviewed|Not yet reviewed)", m.TextContent));
        AngleSharp.Dom.IElement Meta(string slug) =>
            doc.QuerySelectorAll(".card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == "/explainers/" + slug).QuerySelector(".meta")!;
        string Words(AngleSharp.Dom.IElement e) => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim();
        // Its quarterly review fell due on 28 September 2026: from then on the card says it is overdue.
        var overdue = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime) > new DateOnly(2026, 9, 28);
        Assert.EndsWith("Last reviewed 28 June 2026" + (overdue ? " · review overdue" : ""), Words(Meta("gene-therapy-explained")), StringComparison.Ordinal);
        Assert.Equal("2026-06-28", Meta("gene-therapy-explained").QuerySelector("time")!.GetAttribute("datetime"));
        if (url == "/explainers")
        {
            Assert.EndsWith("Not yet reviewed", Words(Meta("what-is-gene-therapy")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HomeLeadsToTheExplainersAndTheGlossary()
    {
        var (response, doc) = await fixture.Site.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/explainers", links);
        Assert.Contains("/glossary", links);

        // The short introductions first; the test content has fewer explainers than the home page shows, so all of them,
        // and a link to the index that counts none (ListPageTests has more than fit, and the count).
        var titles = doc.QuerySelectorAll(".card-list .card h3").Select(h => h.TextContent.Trim()).ToList();
        var published = GeneTherapyExplainers.Content.Loading.ContentLoader.Load(RepositoryPaths.Content).Published;
        Assert.InRange(published.Count, 2, GeneTherapyExplainers.Web.Pages.IndexModel.Shown);
        var shortestFirst = published.OrderBy(e => e.ReadingMinutes).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase).Select(e => e.Title).ToList();
        Assert.Equal(shortestFirst, titles);
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/explainers" && a.TextContent == "See the explainers by topic");
    }

    [Theory]
    [InlineData("/explainers/no-such-page")]
    [InlineData("/glossary/no-such-term")]
    [InlineData("/nowhere")]
    [InlineData("/explainers/..%2f..%2fappsettings.json")]
    public async Task AnUnknownAddressIsA404InTheSiteLayout(string url)
    {
        var (response, doc) = await fixture.Site.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", doc.Text("h1"));
        Assert.NotNull(doc.QuerySelector("header.site-header"));
    }

    [Fact]
    public async Task EditorialStandardsNameTheThreeStagesAndTheQuarterlyCadence()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/editorial-standards");
        Assert.Equal(3, doc.QuerySelectorAll("ol.stages li").Length);
        Assert.Contains("every three months", doc.Text("main"), StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".disclaimer"));
    }

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        using var client = fixture.Site.CreateClient();
        foreach (var url in new[] { "/", Long, "/css/site.css", "/nowhere" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Server"));
        }
    }
}
