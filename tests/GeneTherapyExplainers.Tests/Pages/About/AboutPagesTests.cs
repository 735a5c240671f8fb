using System.Net;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.About;

/// <summary>The pages about the site itself, the footer that leads to them, and the favicon.</summary>
public class AboutPagesTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    public static TheoryData<string> FooterPages => new() { "/", "/explainers/gene-therapy-explained", "/glossary/aav", "/people/efi-kara", "/about", "/nowhere" };

    [Theory]
    [MemberData(nameof(FooterPages))]
    public async Task EveryFooterLinksToAboutContactAccessibilityAndPrivacyAndEachAnswers(string url)
    {
        var (_, doc) = await fixture.Site.GetPageAsync(url);
        var links = doc.QuerySelectorAll("footer a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var page in new[] { "/about", "/contact", "/accessibility", "/privacy", "/editorial-standards" })
        {
            Assert.Contains(page, links);
            var (response, target) = await fixture.Site.GetPageAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(target.QuerySelectorAll("h1"));
        }

        Assert.Equal("/favicon.ico", doc.Find("link[rel=icon]").GetAttribute("href"));
    }

    [Fact]
    public async Task TheFaviconIsARealIconFile()
    {
        using var client = fixture.Site.CreateClient();
        var response = await client.GetAsync(new Uri("/favicon.ico", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("icon", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // ICONDIR: reserved 0, type 1 (icon), then at least one image whose data lies inside the file.
        Assert.Equal([0, 0, 1, 0], bytes[..4]);
        var images = BitConverter.ToUInt16(bytes, 4);
        Assert.InRange(images, 1, 8);
        for (var i = 0; i < images; i++)
        {
            var size = BitConverter.ToInt32(bytes, 6 + (16 * i) + 8);
            var offset = BitConverter.ToInt32(bytes, 6 + (16 * i) + 12);
            Assert.InRange(offset + size, 1, bytes.Length);
        }
    }

    [Fact]
    public async Task ContactNamesTheFeedbackFormAndInventsNoAddressOrNumber()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/contact");
        var main = doc.Find("main");
        Assert.Empty(main.QuerySelectorAll("a[href^='mailto:'], a[href^='tel:']"));
        Assert.DoesNotMatch(new Regex(@"[\w.+-]+@[\w-]+\.\w+|\+?\d[\d ]{7,}"), main.TextContent);
        Assert.Contains("Report a mistake", main.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot reply", doc.Text("#reply"), StringComparison.Ordinal);
        var links = main.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/explainers", links);
        Assert.Contains("/privacy", links);
    }

    [Fact]
    public async Task TheAccessibilityStatementNamesItsTargetHowItIsTestedItsLimitsAndHowToReport()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/accessibility");
        var headings = doc.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["The standard we aim for", "What you can do on this site", "How we test it", "Known limitations", "Report a problem"], headings);
        Assert.Contains("WCAG) version 2.2 at level AA", doc.Text("main"), StringComparison.Ordinal);
        var testing = string.Join(" ", doc.QuerySelectorAll("#testing ~ ul li").Select(li => li.TextContent));
        Assert.Contains("axe-core", testing, StringComparison.Ordinal);
        Assert.Contains("keyboard", testing, StringComparison.Ordinal);
        Assert.Contains("320 pixels", testing, StringComparison.Ordinal);
        Assert.Contains(doc.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/contact");
    }

    [Fact]
    public async Task AboutListsThePeopleNamedOnExplainersWithWhatTheyDoAndNoOneElse()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/about");
        var people = doc.QuerySelectorAll(".people-list li").ToDictionary(li => li.QuerySelector("a")!.GetAttribute("href")!, li => li.TextContent);
        Assert.Equal(["/people/achi-anagas", "/people/georgios-anagas", "/people/ioannis-anagnostopoulos"], people.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("research and writing", people["/people/ioannis-anagnostopoulos"], StringComparison.Ordinal);
        Assert.Contains("medical review", people["/people/georgios-anagas"], StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector(".review-coverage"));
    }

    [Fact]
    public async Task APersonPageLabelsRolesQualificationsAndOrganisations()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/people/ioannis-anagnostopoulos");
        var facts = doc.QuerySelectorAll(".person-facts dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!.TextContent);
        Assert.Equal(["Roles", "Qualifications", "Organisation"], facts.Keys);
        Assert.Equal("ClinicalMetric", facts["Organisation"]);
        Assert.StartsWith("B.Sc. Agricultural Sciences", facts["Qualifications"], StringComparison.Ordinal);
        Assert.DoesNotContain(doc.QuerySelectorAll(".profile > p"), p => p.TextContent.Trim() == "ClinicalMetric");
    }

    [Fact]
    public async Task AnInterviewWithNoLinkSaysWhereItWasPublished()
    {
        var (_, doc) = await fixture.Site.GetPageAsync("/explainers/what-is-gene-therapy");
        var cards = doc.QuerySelectorAll(".related-item").ToList();
        Assert.Equal("Published in GENEration Hope, hosted by Ron Kleiman. We have no link to this interview yet: search for its title in GENEration Hope.", cards[0].QuerySelector(".no-link")!.TextContent);
        Assert.Contains("its source, GENEration Hope editorial analysis", cards[2].QuerySelector(".no-link")!.TextContent, StringComparison.Ordinal);
        var (_, host) = await fixture.Site.GetPageAsync("/people/ron-kleiman");
        Assert.All(host.QuerySelectorAll(".appearances li"), li => Assert.Contains("Published in GENEration Hope", li.QuerySelector(".no-link")!.TextContent, StringComparison.Ordinal));
    }
}
