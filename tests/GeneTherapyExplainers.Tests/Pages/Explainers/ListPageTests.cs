using System.Net;
using System.Xml.Linq;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Content;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Feeds;
using GeneTherapyExplainers.Web.Pages.Search;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Explainers;

public sealed class ManyExplainersFixture : IDisposable
{
    public const int Count = 75;

    public ManyExplainersFixture()
    {
        Content.Term("vector", "vector", "A carrier that takes a gene into a cell.");
        for (var i = 1; i <= Count; i++)
        {
            Content.Write($"explainers/page-{i:000}.md",
                $"---\ntitle: Page {i:000}\nsummary: A short page.\ncategory: Big topic\nkeyTerms: [vector]\nsources:\n  - title: A source\n    publisher: NHS\n    url: https://www.nhs.uk/\n---\n\nA vector carries a gene.\n");
        }

        Content.Write("explainers/small.md", "---\ntitle: Small one\nsummary: Alone.\ncategory: Small topic\n---\n\nWords.\n");
        Site = new SiteFactory(Content.Root) { Settings = { ["Sitemap:UrlsPerFile"] = "20" } };
    }

    public TempContent Content { get; } = new();

    public SiteFactory Site { get; }

    public void Dispose()
    {
        Site.Dispose();
        Content.Dispose();
    }
}

/// <summary>Every list stays small however many explainers there are, and pages through the rest correctly.</summary>
public class ListPageTests(ManyExplainersFixture fixture) : IClassFixture<ManyExplainersFixture>
{
    private static List<string> Titles(AngleSharp.Dom.IDocument doc) => [.. doc.QuerySelectorAll(".card h3").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task TheIndexShowsAFewOfEachTopicAndLinksToTheRest()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/explainers");
        Assert.Equal(GeneTherapyExplainers.Web.Pages.Explainers.IndexModel.PerTopic + 1, doc.QuerySelectorAll(".card").Length);
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/explainers?category=big-topic" && a.TextContent.Contains($"All {ManyExplainersFixture.Count}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ATopicIsPagedAndEveryExplainerIsOnExactlyOnePage()
    {
        var seen = new List<string>();
        string? next = "/explainers?category=big-topic";
        while (next is not null)
        {
            var (response, doc) = await fixture.Site.GetPageAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.InRange(doc.QuerySelectorAll(".card").Length, 1, GeneTherapyExplainers.Web.Pages.Explainers.IndexModel.PerPage);
            seen.AddRange(Titles(doc));
            next = doc.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.Equal(Enumerable.Range(1, ManyExplainersFixture.Count).Select(i => $"Page {i:000}"), seen);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.GetPageAsync("/explainers?category=big-topic&page=4")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.GetPageAsync("/explainers?category=big-topic&page=0")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Site.GetPageAsync("/explainers?category=no-such-topic")).Response.StatusCode);
    }

    [Fact]
    public async Task HomeGlossaryPeopleAndFeedStayBounded()
    {
        var (_, home) = await fixture.Site.GetPageAsync("/");
        Assert.Equal(GeneTherapyExplainers.Web.Pages.IndexModel.Shown, home.QuerySelectorAll(".card").Length);
        // All are as short, so by title; and a link to all the rest that counts them.
        Assert.Equal(Enumerable.Range(1, GeneTherapyExplainers.Web.Pages.IndexModel.Shown).Select(i => $"Page {i:000}"), Titles(home));
        Assert.Contains(home.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/explainers" && a.TextContent == $"See all {ManyExplainersFixture.Count + 1} explainers by topic");

        var (_, term) = await fixture.Site.GetPageAsync("/glossary/vector");
        Assert.Equal(GeneTherapyExplainers.Web.Pages.Glossary.TermModel.PerPage, term.QuerySelectorAll("#used-in + ul li").Length);
        var (_, last) = await fixture.Site.GetPageAsync("/glossary/vector?page=4");
        Assert.Equal(ManyExplainersFixture.Count - (3 * GeneTherapyExplainers.Web.Pages.Glossary.TermModel.PerPage), last.QuerySelectorAll("#used-in + ul li").Length);

        using var client = fixture.Site.CreateClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/feed.atom", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(Feeds.FeedEntries, feed.Root!.Elements(atom + "entry").Count());
    }

    [Fact]
    public async Task PastTheLimitTheSitemapIsAnIndexWhosePartsListEveryPageOnce()
    {
        using var client = fixture.Site.CreateClient();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var index = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        var locations = new List<string>();
        foreach (var part in index.Root.Elements(sm + "sitemap").Select(s => new Uri(s.Element(sm + "loc")!.Value).PathAndQuery))
        {
            var urls = XDocument.Parse(await client.GetStringAsync(new Uri(part, UriKind.Relative))).Root!.Elements(sm + "url").ToList();
            Assert.InRange(urls.Count, 1, 20);
            locations.AddRange(urls.Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath));
        }

        var catalog = fixture.Site.Services.GetRequiredService<ContentCatalogProvider>().Current;
        Assert.Equal(4 + catalog.Published.Count + catalog.Glossary.Count, locations.Count);
        Assert.Equal(locations.Count, locations.Distinct().Count());
        Assert.Contains("/explainers/page-075", locations);
    }
}

/// <summary>The search index follows the catalog change by change, and finds what a fresh index finds.</summary>
public class SearchFollowsChangesTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    public void AfterAnySequenceOfChangesSearchFindsWhatAFreshIndexFinds(int seed)
    {
        using var content = new TempContent();
        var random = new Random(seed);
        for (var i = 0; i < 6; i++)
        {
            ContentChanges.Apply(content, random);
        }

        using var running = new SiteFactory(content.Root);
        var provider = running.Services.GetRequiredService<ContentCatalogProvider>();
        for (var step = 0; step < 25; step++)
        {
            provider.Update(ContentChanges.Apply(content, random));
        }

        // Files still broken are mended (a fresh start has no last good version of them), then a fresh index is built.
        while (provider.Current.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).Distinct().ToList() is { Count: > 0 } broken)
        {
            foreach (var path in broken)
            {
                var key = Path.GetFileNameWithoutExtension(path);
                content.Write(path, path.StartsWith("glossary/", StringComparison.Ordinal)
                    ? $"---\nterm: mended{key}\ndefinition: Mended.\n---\n\nMended text.\n"
                    : $"---\ntitle: Mended {key}\nsummary: S.\ncategory: C0\n---\n\nMended text of {key}.\n");
            }

            provider.Update(broken);
        }

        var current = provider.Current;
        using var scratch = new SearchIndex(new CatalogBuilder(content.Root, TestContentOptions.WithoutSourceRule).Build(), () => current);
        var incremental = running.Services.GetRequiredService<SearchIndex>();
        string[] queries = ["page", "text", "wordt0", "wordt3", "shared carrier", "meaning", "about", "mended"];
        Assert.NotEmpty(Found(incremental, "text"));
        foreach (var query in queries)
        {
            Assert.Equal(Found(scratch, query), Found(incremental, query));
        }
    }

    private static List<string> Found(SearchIndex index, string query) =>
        [.. index.Search(query, 100).Select(h => $"{h.Url} {h.Title} {h.SnippetHtml}").Order(StringComparer.Ordinal)];
}
