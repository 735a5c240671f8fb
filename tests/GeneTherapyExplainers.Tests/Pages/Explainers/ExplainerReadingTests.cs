using System.Xml.Linq;
using AngleSharp.Dom;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Explainers;

/// <summary>A long explainer read on a phone, in dark mode and on paper: the article comes first.</summary>
public class ExplainerReadingTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    private const string Long = "/explainers/gene-therapy-explained";

    [Fact]
    public async Task KeyPointsComeFirstThenContentsFoldedAwayThenOneQuietVideoLineThenTheBody()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var fold = doc.Find("details.toc-fold");
        Assert.False(fold.HasAttribute("open"));
        Assert.StartsWith("On this page", fold.QuerySelector("summary")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            doc.QuerySelectorAll("nav.toc a").Select(a => a.GetAttribute("href")),
            fold.QuerySelectorAll("nav a").Select(a => a.GetAttribute("href")));

        var video = doc.Find(".video-placeholder");
        Assert.Equal("p", video.LocalName);
        Assert.Null(doc.GetElementById("video-title"));
        Assert.DoesNotContain(doc.QuerySelectorAll("h2, h3"), h => h.TextContent.Contains("Video", StringComparison.Ordinal));

        IElement[] order = [doc.Find(".key-points"), fold, video, doc.Find(".body")];
        for (var i = 1; i < order.Length; i++)
        {
            Assert.True(order[i - 1].CompareDocumentPosition(order[i]).HasFlag(DocumentPositions.Following), $"{order[i - 1].ClassName} before {order[i].ClassName}");
        }
    }

    [Fact]
    public async Task EveryInfographicTakesItsColoursFromTheReadersScheme()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        Assert.NotNull(doc.QuerySelector(".infographic img[src$='.svg']"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Content, "media"), "*.svg"))
        {
            var svg = XDocument.Load(file);
            XNamespace ns = "http://www.w3.org/2000/svg";
            var style = svg.Descendants(ns + "style").Single().Value;
            Assert.Contains("prefers-color-scheme:dark", style.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
            // Every painted shape is drawn from the scheme's colours: nothing keeps a fixed fill or stroke without a class.
            var painted = svg.Descendants().Where(e => e.Name.LocalName is "rect" or "path" or "line" or "circle" or "ellipse" or "polygon");
            Assert.All(painted, e => Assert.False(string.IsNullOrEmpty((string?)e.Attribute("class")), $"{Path.GetFileName(file)}: <{e.Name.LocalName}> has no class"));
        }
    }

    [Fact]
    public async Task ThePrintStylesheetIsLinkedForPrintOnly()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        Assert.Contains(doc.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("media") == "print" && l.GetAttribute("href")!.StartsWith("/css/print.css", StringComparison.Ordinal));
    }
}
