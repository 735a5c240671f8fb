using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Data;

/// <summary>Every fact seeded from the source pages appears where the page anatomy puts it.</summary>
public class SeededFactsTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    private const string Long = "/explainers/gene-therapy-explained";

    [Fact]
    public async Task BylineNamesTheAuthorAndReviewersWithLinksToTheirProfiles()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var links = doc.QuerySelectorAll(".byline a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(
            [("Ioannis Anagnostopoulos", "/people/ioannis-anagnostopoulos"), ("Georgios Anagas", "/people/georgios-anagas"), ("Achi Anagas", "/people/achi-anagas")],
            links);
        Assert.True(doc.Find(".byline").CompareDocumentPosition(doc.Find(".key-points")).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task ReviewLineSaysWhenAndByWhomAndWhenTheNextReviewIsDue()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var line = doc.Find(".review-line");
        Assert.StartsWith("Last reviewed 28 June 2026 by Georgios Anagas", System.Text.RegularExpressions.Regex.Replace(line.TextContent.Trim(), @"\s+", " "), StringComparison.Ordinal);
        var times = line.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime")).ToList();
        Assert.Equal(["2026-06-28", "2026-09-28"], times);
    }

    [Fact]
    public async Task AnExplainerWithNoReviewSaysNotYetReviewed()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/explainers/what-is-gene-therapy");
        Assert.Equal("Not yet reviewed", doc.Text(".review-line"));
        Assert.Null(doc.QuerySelector(".byline"));
        Assert.Contains("not been reviewed yet", doc.Text(".review-history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReviewHistoryListsTheSeededReview()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var row = Assert.Single(doc.QuerySelectorAll(".review-history tbody tr"));
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("28 June 2026", cells[0]);
        Assert.StartsWith("Medical review", cells[1], StringComparison.Ordinal);
        Assert.Equal("Georgios Anagas", cells[2]);
    }

    [Fact]
    public async Task ContributorCardsShowRoleCredentialsAndBio()
    {
        var (_, doc) = await fixture.Site.GetPageAsync(Long);
        var cards = doc.QuerySelectorAll(".contributor").ToDictionary(c => c.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal("Research and writing", cards["Ioannis Anagnostopoulos"].QuerySelector(".role")!.TextContent);
        Assert.Contains("B.Sc. Agricultural Sciences", cards["Ioannis Anagnostopoulos"].QuerySelector(".credentials")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Clinical research analyst", cards["Ioannis Anagnostopoulos"].QuerySelector(".titles")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Medical review", cards["Georgios Anagas"].QuerySelector(".role")!.TextContent);
        Assert.Equal("Physiotherapy student", cards["Georgios Anagas"].QuerySelector(".credentials")!.TextContent);
        Assert.Equal("Technical review", cards["Achi Anagas"].QuerySelector(".role")!.TextContent);
        Assert.Contains("Platform and data infrastructure lead", cards["Achi Anagas"].QuerySelector(".titles")!.TextContent, StringComparison.Ordinal);
        Assert.All(cards.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector(".bio")?.TextContent)));
    }

    [Fact]
    public async Task RelatedCardsShowTitleGuestAffiliationSummaryAndSourceButNoLinkUntilOneIsKnown()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/explainers/what-is-gene-therapy");
        var cards = doc.QuerySelectorAll(".related-item").ToList();
        Assert.Equal(3, cards.Count);
        var feng = cards[0];
        Assert.Equal("Dr. Guoping Feng (MIT) on SHANK3 Gene Therapy, Brain Disorders, and What’s Coming Next", feng.QuerySelector("h3")!.TextContent);
        Assert.Contains("Dr. Guoping Feng (MIT, McGovern Institute, Yang Tan Collective, Broad Institute)", feng.QuerySelector(".guest")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("GENEration Hope", feng.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dr. Alexander Kolevzon (Mount Sinai)", cards[1].QuerySelector(".guest")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("What AI Drug Discovery Could Mean for Rare Disease Families", cards[2].QuerySelector("h3")!.TextContent);
        Assert.Contains("Source: GENEration Hope editorial analysis", cards[2].TextContent, StringComparison.Ordinal);
        Assert.All(cards, c => Assert.Empty(c.QuerySelectorAll("a[href^='http']")));
    }

    [Theory]
    [InlineData("ioannis-anagnostopoulos", "Ioannis Anagnostopoulos", "Gene Therapy Explained")]
    [InlineData("georgios-anagas", "Georgios Anagas", "Gene Therapy Explained")]
    [InlineData("achi-anagas", "Achi Anagas", "Gene Therapy Explained")]
    [InlineData("efi-kara", "Efi Kara", null)]
    [InlineData("ron-kleiman", "Ron Kleiman", null)]
    [InlineData("guoping-feng", "Dr. Guoping Feng", null)]
    [InlineData("alexander-kolevzon", "Dr. Alexander Kolevzon", null)]
    public async Task EverySeededPersonHasAProfilePage(string key, string name, string? explainer)
    {
        var (response, doc) = await fixture.Site.GetPageAsync($"/people/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, doc.Text("h1"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Text(".roles")));
        if (explainer is not null)
        {
            Assert.Contains(explainer, doc.Text(".contributions"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheHostProfileListsBothInterviews()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/people/ron-kleiman");
        var items = doc.QuerySelectorAll(".appearances li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Contains("(host)", i, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownPersonIsA404()
    {
        var (response, _) = await fixture.Site.GetPageAsync("/people/no-one");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
