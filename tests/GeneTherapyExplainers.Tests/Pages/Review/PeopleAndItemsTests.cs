using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>Adding people, editing related items, and the workspace menu.</summary>
public sealed class PeopleAndItemsTests(ReviewerSiteFixture fixture) : IClassFixture<ReviewerSiteFixture>
{
    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        return session;
    }

    [Fact]
    public async Task AReviewerAddsAPersonWithMistakesShownBesideTheFieldsAndTheProfileIsPublicAtOnce()
    {
        using var session = await SignedInReviewerAsync();
        const string url = "/review/people/new";
        var (_, form) = await session.GetAsync(url);
        Assert.NotNull(form.QuerySelector("main form input[name=__RequestVerificationToken]"));

        var (_, noName) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "" });
        Assert.Equal("Enter the name.", noName.Text("#Input_Name-error"));
        Assert.Equal("true", noName.Find("#Input_Name").GetAttribute("aria-invalid"));

        var (_, badKey) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Ana Núñez", ["Key"] = "Ana Nunez" });
        Assert.Contains("lower-case letters", badKey.Text("#Key-error"), StringComparison.Ordinal);

        var (_, taken) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.Name"] = "Someone", ["Key"] = "georgios-anagas" });
        Assert.Contains("is in the store already", taken.Text("#Key-error"), StringComparison.Ordinal);

        var (added, _) = await session.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Honorific"] = "Dr.",
            ["Input.Name"] = "Ana Núñez",
            ["Input.RoleTitles"] = "Clinical geneticist",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/review/people/ana-nunez?added=True", added.Headers.Location!.OriginalString);
        var (_, edit) = await session.GetAsync(added.Headers.Location.OriginalString);
        Assert.Contains("with the key ana-nunez", edit.Text(".notice"), StringComparison.Ordinal);

        var (profile, page) = await fixture.Site.GetPageAsync("/people/ana-nunez");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Dr. Ana Núñez", page.Text("h1"), StringComparison.Ordinal);
        var (_, people) = await session.GetAsync("/review/people");
        Assert.Contains(people.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/review/people/new");
    }

    [Fact]
    public async Task AddingAPersonWithoutTheAntiforgeryTokenIsRefused()
    {
        using var session = await SignedInReviewerAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Forged Person" });
        var response = await session.Client.PostAsync(new Uri("/review/people/new", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (missing, _) = await fixture.Site.GetPageAsync("/people/forged-person");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheWorkspaceMenuHasRelatedItemsAndThePageSaysWhoIsSignedIn()
    {
        using var session = await SignedInReviewerAsync();
        foreach (var url in new[] { "/review", "/review/people", "/review/related", "/review/audit" })
        {
            var (_, page) = await session.GetAsync(url);
            var menu = page.Find("nav[aria-label='Review workspace']");
            Assert.Contains(menu.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/review/related" && a.TextContent == "Interviews and articles");
            Assert.Equal(url, menu.QuerySelector("a[aria-current=page]")!.GetAttribute("href"));
            Assert.Equal($"Signed in as {ReviewerSiteFixture.Reviewer}", page.Text(".signed-in"));
            Assert.Equal("Sign out", page.Text("header form[method=post] button"));
        }
    }

    [Fact]
    public async Task TheKindDropDownShowsWordsAReviewerUses()
    {
        using var session = await SignedInReviewerAsync();
        var (_, page) = await session.GetAsync("/review/related/new");
        Assert.Equal(["Video interview", "Article", "Analysis"], page.QuerySelectorAll("#Input_Kind option").Select(o => o.TextContent));
    }

    [Fact]
    public async Task SavingAnItemSaysItWasSaved()
    {
        using var session = await SignedInReviewerAsync();
        const string url = "/review/related/feng-shank3-interview";
        var (saved, _) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.Summary"] = "A conversation about SHANK3 research." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await session.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.StartsWith("Saved.", page.Text(".notice"), StringComparison.Ordinal);
        Assert.Equal("A conversation about SHANK3 research.", page.Find("#Input_Summary").TextContent.Trim());
    }
}
