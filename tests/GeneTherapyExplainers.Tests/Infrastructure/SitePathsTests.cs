using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>Every address <see cref="SitePaths"/> builds is one a page answers: public ones at once, private ones after sign-in.</summary>
public class SitePathsTests(TestSiteFixture fixture) : IClassFixture<TestSiteFixture>
{
    private const string Slug = "gene-therapy-explained";

    [Fact]
    public async Task EveryPublicPathIsAnsweredByItsPage()
    {
        string[] paths =
        [
            SitePaths.Explainers, SitePaths.Explainer(Slug), SitePaths.ExplainerHistory(Slug), SitePaths.ExplainerReviews(Slug),
            SitePaths.Category("advanced-therapy"), SitePaths.Glossary, SitePaths.Term("aav"), SitePaths.TermUsedIn("aav", 1),
            SitePaths.GlossaryEntry("aav"), SitePaths.Person("georgios-anagas"), SitePaths.PersonExplainers("georgios-anagas", 1),
            SitePaths.Sitemap(1), SitePaths.Feed, SitePaths.Search,
        ];

        foreach (var path in paths)
        {
            var (response, _) = await fixture.Site.GetPageAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryPrivatePathLeadsToSignIn()
    {
        string[] paths =
        [
            SitePaths.Preview(Slug), SitePaths.ReviewExplainer(Slug), SitePaths.ReviewChangesSince(Slug, 1), SitePaths.ReviewRelated(Slug),
            SitePaths.ReviewFeedback(), SitePaths.ReviewFeedback("explainers/" + Slug), SitePaths.ReviewFeedback("explainers/" + Slug, handled: true), SitePaths.ReviewFeedback(handled: true), SitePaths.ReviewFeedbackItem(1),
            SitePaths.ReviewItem("feng-shank3-interview"), SitePaths.NewReviewItem(), SitePaths.NewReviewItem(Slug),
            SitePaths.ReviewPerson("georgios-anagas"), SitePaths.ReviewDashboard, SitePaths.Account,
        ];
        using var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode}");
            var location = response.Headers.Location!;
            Assert.StartsWith("/account/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APageNumberAfterTheFirstIsAddedToTheQuery()
    {
        Assert.Equal("/explainers/x/history?page=2", SitePaths.ExplainerHistory("x", 2));
        Assert.Equal("/explainers?category=big-topic&page=3", SitePaths.Category("big-topic", 3));
        Assert.Equal("/glossary/aav?page=2#used-in", SitePaths.TermUsedIn("aav", 2));
    }

    [Fact]
    public void AMistakeReportIsTheFeedbackFormAskedForAReportAndAnImageIsUnderTheMediaFolder()
    {
        // The form itself is requested (over HTTPS, which its antiforgery cookie needs) by ReaderFeedbackTests.
        Assert.Equal("/feedback/explainers/x?report=true", SitePaths.FeedbackForm("explainers/x", report: true));
        Assert.Equal("/media/x.svg", SitePaths.Media("x.svg"));
    }
}
