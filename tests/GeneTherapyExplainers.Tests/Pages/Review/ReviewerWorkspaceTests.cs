using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

public abstract class ReviewerWorkspaceTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ReviewerSiteFixture
{
    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        var response = await session.SignInAsync(ReviewerSiteFixture.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    [Fact]
    public async Task SignInSucceedsAndOpensTheDashboardWithALockedDownCookie()
    {
        using var session = fixture.Site.NewSession();
        var response = await session.SignInAsync(ReviewerSiteFixture.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/review", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-gte-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        var (dashboard, doc) = await session.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Equal("Review dashboard", doc.Text("h1"));
        Assert.Equal("no-store", dashboard.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task AnUnknownEmailAndAWrongPasswordGetTheSameMessage()
    {
        using var session = fixture.Site.NewSession();
        var (_, unknown) = await session.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "whatever-it-may-be" });
        var (_, wrong) = await session.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = ReviewerSiteFixture.Editor, ["Input.Password"] = "not the right one at all" });
        Assert.Equal(unknown.Text("#sign-in-error"), wrong.Text("#sign-in-error"));
        Assert.Contains("do not match", unknown.Text("#sign-in-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyFieldIsShownBesideTheField()
    {
        using var session = fixture.Site.NewSession();
        var (response, doc) = await session.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter your email address.", doc.Text("#Input_Email-error"));
        Assert.Equal("true", doc.Find("#Input_Email").GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        using var session = fixture.Site.NewSession();
        foreach (var url in new[] { "/review", "/review/explainers/gene-therapy-explained", "/review/people/georgios-anagas", "/review/audit" })
        {
            var (response, _) = await session.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("https://localhost/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ASignedInAccountWithoutTheReviewerRoleGets403()
    {
        using var session = fixture.Site.NewSession();
        await session.SignInAsync(ReviewerSiteFixture.Editor);
        var (response, doc) = await session.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You cannot open this page", doc.Text("h1"));
    }

    [Fact]
    public async Task APostWithoutAnAntiforgeryTokenIsRefused()
    {
        using var session = await SignedInReviewerAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Kind"] = "0", ["Input.ReviewedOn"] = "2026-11-01" });
        var response = await session.Client.PostAsync(new Uri("/review/explainers/gene-therapy-explained", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        Assert.False(await db.ReviewRecords.AnyAsync(r => r.ReviewedOn == new DateOnly(2026, 11, 1)));
    }

    [Fact]
    public async Task ARecordedReviewAppearsOnThePublicPageAtOnce()
    {
        using var session = await SignedInReviewerAsync();
        var today = TestClock.Today;
        await fixture.Site.GetPageAsync("/explainers/monoclonal-antibodies"); // read once, as a patient would, before the review
        await fixture.Site.GetPageAsync("/explainers");
        var (response, _) = await session.SubmitAsync("/review/explainers/monoclonal-antibodies", new Dictionary<string, string>
        {
            ["Input.Kind"] = "0",
            ["Input.ReviewedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Notes"] = "Checked against the NCI page.",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await fixture.Site.GetPageAsync("/explainers/monoclonal-antibodies");
        var line = System.Text.RegularExpressions.Regex.Replace(page.Text(".review-line"), @"\s+", " ");
        Assert.StartsWith($"Last reviewed {today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} by Georgios Anagas", line, StringComparison.Ordinal);
        Assert.Contains("Checked against the NCI page.", page.Text(".review-history"), StringComparison.Ordinal);
        var (_, list) = await fixture.Site.GetPageAsync("/explainers");
        var card = list.QuerySelectorAll(".card").Single(c => c.QuerySelector("a")!.GetAttribute("href") == "/explainers/monoclonal-antibodies");
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), card.QuerySelector(".meta time")?.GetAttribute("datetime"));
    }

    [Theory]
    [InlineData("2999-01-01", "cannot be in the future")]
    [InlineData("2020-01-01", "cannot be before 28 June 2026")]
    [InlineData("", "Enter the date of the review.")]
    public async Task AnInvalidDateIsShownBesideTheFieldAndNothingIsRecorded(string date, string message)
    {
        using var session = await SignedInReviewerAsync();
        var (response, doc) = await session.SubmitAsync("/review/explainers/gene-therapy-explained", new Dictionary<string, string>
        {
            ["Input.Kind"] = "1",
            ["Input.ReviewedOn"] = date,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, doc.Text("#Input_ReviewedOn-error"), StringComparison.Ordinal);
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        Assert.False(await db.ReviewRecords.AnyAsync(r => r.Kind == GeneTherapyExplainers.Web.Data.Entities.ReviewKind.Technical));
    }

    [Fact]
    public async Task AMistakeIsCorrectedByANewEntryThatSaysSo()
    {
        using var session = await SignedInReviewerAsync();
        var (_, form) = await session.GetAsync("/review/explainers/what-is-gene-therapy");
        var today = TestClock.TodayIso;
        await session.SubmitAsync("/review/explainers/what-is-gene-therapy", new Dictionary<string, string> { ["Input.Kind"] = "2", ["Input.ReviewedOn"] = today, ["Input.Notes"] = "First entry." });
        var (_, page) = await session.GetAsync("/review/explainers/what-is-gene-therapy");
        var earlier = page.Find("#Input_CorrectsId option[value]:not([value=''])").GetAttribute("value")!;
        var (_, missingNote) = await session.SubmitAsync("/review/explainers/what-is-gene-therapy", new Dictionary<string, string> { ["Input.Kind"] = "2", ["Input.ReviewedOn"] = today, ["Input.CorrectsId"] = earlier, ["Input.Notes"] = "" });
        Assert.Contains("what the earlier entry got wrong", missingNote.Text("#Input_Notes-error"), StringComparison.Ordinal);
        await session.SubmitAsync("/review/explainers/what-is-gene-therapy", new Dictionary<string, string> { ["Input.Kind"] = "0", ["Input.ReviewedOn"] = today, ["Input.CorrectsId"] = earlier, ["Input.Notes"] = "The first entry named the wrong kind." });
        var (_, publicPage) = await fixture.Site.GetPageAsync("/explainers/what-is-gene-therapy");
        var rows = publicPage.QuerySelectorAll(".review-history tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Contains("Corrects the entry dated", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Corrected by the entry dated", rows[1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(form);
    }

    [Fact]
    public async Task TwoReviewersEditingThePersonAtOnceNeverOverwriteEachOther()
    {
        using var first = await SignedInReviewerAsync();
        using var second = await SignedInReviewerAsync();
        const string url = "/review/people/achi-anagas";
        await fixture.Site.GetPageAsync("/explainers/gene-therapy-explained"); // both public pages read before the edit
        await fixture.Site.GetPageAsync("/people/achi-anagas");
        var (_, firstForm) = await first.GetAsync(url);
        var (_, secondForm) = await second.GetAsync(url);
        var (saved, _) = await first.SubmitAsync(firstForm.Find("main form"), url, new Dictionary<string, string> { ["Input.Bio"] = "Saved by the first reviewer." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (refused, doc) = await second.SubmitAsync(secondForm.Find("main form"), url, new Dictionary<string, string> { ["Input.Bio"] = "Saved by the second reviewer." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else saved this record", doc.Text("#conflict"), StringComparison.Ordinal);
        Assert.Equal("Saved by the first reviewer.", doc.Find("#Input_Bio").TextContent.Trim());
        Assert.Contains("Saved by the second reviewer.", doc.Text(".your-version"), StringComparison.Ordinal);
        var (_, profile) = await fixture.Site.GetPageAsync("/people/achi-anagas");
        Assert.Equal("Saved by the first reviewer.", profile.Text(".bio"));
        var (_, explainer) = await fixture.Site.GetPageAsync("/explainers/gene-therapy-explained");
        Assert.Contains(explainer.QuerySelectorAll(".contributor .bio"), bio => bio.TextContent == "Saved by the first reviewer.");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,hi")]
    [InlineData("ftp://example.org/x")]
    [InlineData("not a url")]
    public async Task ALinkThatIsNotHttpOrHttpsIsRefused(string url)
    {
        using var session = await SignedInReviewerAsync();
        var (response, doc) = await session.SubmitAsync("/review/related/feng-shank3-interview", new Dictionary<string, string> { ["Input.Url"] = url });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("starts with https://", doc.Text("#Input_Url-error"), StringComparison.Ordinal);
        var (_, page) = await fixture.Site.GetPageAsync("/explainers/what-is-gene-therapy");
        Assert.DoesNotContain(page.QuerySelectorAll(".related-item a"), a => a.GetAttribute("href")!.Contains(':', StringComparison.Ordinal) && !a.GetAttribute("href")!.StartsWith("http", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReviewerAddsALinkNewItemAndDetachesOneAndTheAuditTrailSaysWho()
    {
        using var session = await SignedInReviewerAsync();
        await fixture.Site.GetPageAsync("/explainers/mrna-technology");
        var (added, _) = await session.SubmitAsync("/review/related/new?explainer=mrna-technology", new Dictionary<string, string>
        {
            ["Input.Title"] = "A new talk about mRNA",
            ["Input.Kind"] = "0",
            ["Input.Url"] = "https://video.example.org/mrna",
            ["Input.GuestKey"] = "guoping-feng",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (_, page) = await fixture.Site.GetPageAsync("/explainers/mrna-technology");
        var card = Assert.Single(page.QuerySelectorAll(".related-item"));
        Assert.Equal("https://video.example.org/mrna", card.QuerySelector("a[href^='https://video']")!.GetAttribute("href"));

        var (_, manage) = await session.GetAsync("/review/explainers/mrna-technology/related");
        var detach = manage.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains("Detach", StringComparison.Ordinal));
        await session.SubmitAsync(detach, "/review/explainers/mrna-technology/related", new Dictionary<string, string>());
        var (_, after) = await fixture.Site.GetPageAsync("/explainers/mrna-technology");
        Assert.Empty(after.QuerySelectorAll(".related-item"));

        var (_, audit) = await session.GetAsync("/review/audit");
        var rows = audit.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(ReviewerSiteFixture.Reviewer, StringComparison.Ordinal) && r.Contains("Added the interview or article “A new talk about mRNA”.", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(ReviewerSiteFixture.Reviewer, StringComparison.Ordinal) && r.Contains("Detached “A new talk about mRNA” from “", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigningOutEndsTheSessionEvenForACopiedCookie()
    {
        using var session = await SignedInReviewerAsync();
        var cookies = fixture.Site.Server.BaseAddress;
        Assert.NotNull(cookies);
        var (ok, _) = await session.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var sessionCookie = ok.RequestMessage!.Headers.GetValues("Cookie").Single();
        var (signedOut, _) = await session.SubmitAsync("/review", new Dictionary<string, string>(), "header form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/review");
        replay.Headers.Add("Cookie", sessionCookie);
        using var raw = fixture.Site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var response = await raw.SendAsync(replay);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardPutsTheMostUrgentFirstAndFiltersOverdue()
    {
        using var session = await SignedInReviewerAsync();
        var (_, all) = await session.GetAsync("/review");
        var statuses = all.QuerySelectorAll("tbody tr td.status").Select(td => td.TextContent).ToList();
        Assert.True(statuses.Count >= 4);
        var order = new[] { "Overdue", "Never reviewed", "Due within 30 days", "Up to date" };
        Assert.Equal(statuses.OrderBy(s => Array.IndexOf(order, s)), statuses);
        var (_, overdue) = await session.GetAsync("/review?status=overdue");
        Assert.All(overdue.QuerySelectorAll("tbody tr td.status"), td => Assert.Equal("Overdue", td.TextContent));
        Assert.Contains("Gene Therapy Explained", overdue.Text("tbody"), StringComparison.Ordinal);
    }
}

public sealed class ReviewerWorkspaceTests(ReviewerSiteFixture fixture) : ReviewerWorkspaceTests<ReviewerSiteFixture>(fixture);

public sealed class PostgresReviewerWorkspaceTests(PostgresReviewerSiteFixture fixture) : ReviewerWorkspaceTests<PostgresReviewerSiteFixture>(fixture);
