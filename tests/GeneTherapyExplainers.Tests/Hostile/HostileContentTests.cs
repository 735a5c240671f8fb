using System.Diagnostics;
using System.Net;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Hostile;

public class HostileContentTests
{
    [Fact]
    public void NoHostileFileTakesMoreThanASecondAndEachIsHandled()
    {
        var slow = new List<string>();
        foreach (var item in HostileCorpus.Items)
        {
            using var content = new TempContent();
            content.WriteBytes($"explainers/{item.Name}.md", item.Bytes);
            var watch = Stopwatch.StartNew();
            var catalog = ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
            watch.Stop();
            if (watch.Elapsed > TimeSpan.FromSeconds(1))
            {
                slow.Add($"{item.Name}: {watch.ElapsedMilliseconds} ms");
            }

            if (item.MayPublish)
            {
                Assert.Single(catalog.All);
            }
            else
            {
                Assert.Empty(catalog.All);
                Assert.Contains(catalog.Problems, p => p.Path == $"explainers/{item.Name}.md" && p.Severity == ProblemSeverity.Error);
            }
        }

        Assert.Empty(slow);
        TestSummary.Write($"Hostile content: {HostileCorpus.Items.Count} hostile Markdown files tried, each handled in under a second.");
    }

    [Fact]
    public async Task TheSiteStartsServesEveryGoodPageAndNoScriptReachesAnyPage()
    {
        using var content = new TempContent(withTestContent: true);
        foreach (var item in HostileCorpus.Items)
        {
            content.WriteBytes($"explainers/{item.Name}.md", item.Bytes);
        }

        content.Write("glossary/hostile-term.md", "---\nterm: \"<script>alert(1)</script>\"\ndefinition: \"<img src=x onerror=alert(1)>\"\n---\n\n[x](javascript:alert(1))\n");
        using var site = new SiteFactory(content.Root);
        var (_, index) = await site.GetPageAsync("/explainers");
        var pages = index.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/explainers/gene-therapy-explained", pages);
        foreach (var url in pages.Concat(["/", "/glossary", "/glossary/aav", "/search?q=script", "/search?q=alert", "/feed.atom", "/sitemap.xml"]))
        {
            var (response, doc) = await site.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var scripts = doc.QuerySelectorAll("script").Where(s => s.GetAttribute("type") != "application/ld+json").ToList();
            Assert.True(scripts.Count == 0, $"{url} has a script element");
            foreach (var element in doc.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{url}: <{element.TagName} {attribute.Name}>");
                    if (attribute.Name is "href" or "src" or "action" or "data" or "formaction")
                    {
                        Assert.False(GeneTherapyExplainers.Content.Markdown.UrlSafety.IsSafe(attribute.Value) is false && attribute.Value != GeneTherapyExplainers.Content.Markdown.UrlSafety.Blocked,
                            $"{url}: {attribute.Name}={attribute.Value}");
                    }
                }
            }

            Assert.Empty(doc.QuerySelectorAll("iframe, object, embed, style, base, meta[http-equiv]"));
        }

        var hostile = await site.GetPageAsync("/explainers/front-matter-script");
        Assert.Equal("<script>alert(1)</script>", hostile.Document.Text("h1"));
        var json = hostile.Document.Find("script[type='application/ld+json']").TextContent;
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("</script><script>alert(1)</script>", System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("description").GetString());

        var problems = site.Services.GetService(typeof(GeneTherapyExplainers.Web.Infrastructure.ContentCatalogProvider)) is GeneTherapyExplainers.Web.Infrastructure.ContentCatalogProvider provider
            ? provider.Current.Problems : [];
        foreach (var item in HostileCorpus.Items.Where(i => !i.MayPublish))
        {
            Assert.Contains(problems, p => p.Path == $"explainers/{item.Name}.md" && p.Severity == ProblemSeverity.Error);
        }
    }
}
