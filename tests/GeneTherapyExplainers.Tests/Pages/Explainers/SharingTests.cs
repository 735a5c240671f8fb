using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Explainers;

public class SharingTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    private static readonly string[] PublicPages =
        ["/", "/explainers", "/explainers/gene-therapy-explained", "/explainers/what-is-gene-therapy", "/glossary", "/glossary/aav", "/people/georgios-anagas", "/editorial-standards"];

    private async Task<JsonElement> JsonLdAsync(string url)
    {
        var (_, doc) = await fixture.Site.GetPageAsync(url);
        var script = doc.Find("script[type='application/ld+json']");
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task AnExplainerIsAMedicalWebPageWithItsPeopleAndDates()
    {
        var ld = await JsonLdAsync("/explainers/gene-therapy-explained");
        Assert.Equal("MedicalWebPage", ld.GetProperty("@type").GetString());
        Assert.Equal("Gene Therapy Explained: Treating Disease at Its Source", ld.GetProperty("headline").GetString());
        Assert.StartsWith("A test page on how a new gene", ld.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Person", ld.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Ioannis Anagnostopoulos", ld.GetProperty("author").GetProperty("name").GetString());
        Assert.EndsWith("/people/ioannis-anagnostopoulos", ld.GetProperty("author").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("Georgios Anagas", ld.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("2026-06-28", ld.GetProperty("lastReviewed").GetString());

        // No publication date in the front matter: the page existed by its first review, so it is never dated later.
        Assert.Equal("2026-06-28", ld.GetProperty("datePublished").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", ld.GetProperty("dateModified").GetString()!);
        Assert.True(string.CompareOrdinal(ld.GetProperty("dateModified").GetString(), "2026-06-28") >= 0);
        Assert.Equal("Gene Therapy Explainers", ld.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal("Patient", ld.GetProperty("audience").GetProperty("audienceType").GetString());
        Assert.Equal("MedicalTherapy", ld.GetProperty("about").GetProperty("@type").GetString());
        Assert.EndsWith("/editorial-standards", ld.GetProperty("publishingPrinciples").GetString(), StringComparison.Ordinal);
        var mentions = ld.GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("AAV", mentions);
        Assert.All(ld.GetProperty("mentions").EnumerateArray(), m => Assert.Equal("DefinedTerm", m.GetProperty("@type").GetString()));
    }

    [Fact]
    public async Task TheGlossaryIsADefinedTermSetAndProfilesAreProfilePages()
    {
        var set = await JsonLdAsync("/glossary");
        Assert.Equal("DefinedTermSet", set.GetProperty("@type").GetString());
        Assert.Equal(GeneTherapyExplainers.Content.Loading.ContentLoader.Load(RepositoryPaths.Content).Glossary.Count, set.GetProperty("hasDefinedTerm").GetArrayLength());
        var term = await JsonLdAsync("/glossary/vector");
        Assert.Equal(("DefinedTerm", "Vector"), (term.GetProperty("@type").GetString(), term.GetProperty("name").GetString()));
        var profile = await JsonLdAsync("/people/guoping-feng");
        Assert.Equal("ProfilePage", profile.GetProperty("@type").GetString());
        Assert.Equal("Guoping Feng", profile.GetProperty("mainEntity").GetProperty("name").GetString());
        Assert.Equal("Dr.", profile.GetProperty("mainEntity").GetProperty("honorificPrefix").GetString());
    }

    [Fact]
    public async Task EveryPublicPageHasCanonicalDescriptionSharingTagsLanguageAndOneH1()
    {
        foreach (var url in PublicPages)
        {
            var (response, doc) = await fixture.Site.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
            Assert.Single(doc.QuerySelectorAll("h1"));
            Assert.Equal("http://localhost" + (url == "/" ? "/" : url), doc.Find("link[rel=canonical]").GetAttribute("href"));
            Assert.False(string.IsNullOrWhiteSpace(doc.Find("meta[name=description]").GetAttribute("content")), url);
            foreach (var tag in new[] { "meta[property='og:title']", "meta[property='og:description']", "meta[property='og:url']", "meta[property='og:type']", "meta[name='twitter:card']", "meta[name='twitter:title']" })
            {
                Assert.False(string.IsNullOrWhiteSpace(doc.Find(tag).GetAttribute("content")), $"{tag} on {url}");
            }
        }
    }

    [Fact]
    public async Task TheFeedIsWellFormedAtomListingExactlyThePublishedExplainers()
    {
        using var client = fixture.Site.CreateClient();
        var response = await client.GetAsync(new Uri("/feed.atom", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var ids = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "id")!.Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Published().Select(s => "http://localhost/explainers/" + s).Order(StringComparer.Ordinal), ids);
        Assert.All(feed.Root.Elements(atom + "entry"), e =>
        {
            var published = DateTimeOffset.Parse(e.Element(atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            var updated = DateTimeOffset.Parse(e.Element(atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(published <= updated, $"{e.Element(atom + "id")!.Value} is published after it was updated");
        });
    }

    [Fact]
    public async Task TheSitemapIsWellFormedWithLastmodAndTheRobotsFilePointsToIt()
    {
        using var client = fixture.Site.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = sitemap.Root!.Elements(sm + "url").ToDictionary(u => u.Element(sm + "loc")!.Value, u => u.Element(sm + "lastmod")?.Value);
        var explainerUrls = urls.Keys.Where(u => u.Contains("/explainers/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Published().Select(s => "http://localhost/explainers/" + s).Order(StringComparer.Ordinal), explainerUrls);
        Assert.All(explainerUrls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", urls[u]!));
        Assert.DoesNotContain(urls.Keys, u => u.Contains("/review", StringComparison.Ordinal) || u.Contains("/editors", StringComparison.Ordinal));
        var robots = await client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /review", robots, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Published() =>
        GeneTherapyExplainers.Content.Loading.ContentLoader.Load(RepositoryPaths.Content).Published.Select(e => e.Slug);
}

public class DraftFeedTests
{
    [Fact]
    public async Task DraftsAreInNoFeedOrSitemap()
    {
        using var content = new TempContent(withTestContent: true);
        content.Write("explainers/secret.md", "---\ntitle: Secret\nsummary: S.\ncategory: Tests\ndraft: true\n---\n\nText.\n");
        using var site = new SiteFactory(content.Root);
        using var client = site.CreateClient();
        Assert.DoesNotContain("/explainers/secret", await client.GetStringAsync(new Uri("/feed.atom", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("/explainers/secret", await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
    }
}
