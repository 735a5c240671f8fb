using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Feedback;

public sealed class FeedbackSiteFixture : IAsyncLifetime, IDisposable
{
    public const string Reviewer = "georgios@example.org";

    // One in-process client is one client to the rate limit; the limit has a test of its own.
    public SiteFactory Site { get; } = new(RepositoryPaths.Content)
    {
        Settings = { ["Accounts:SignInPermitLimit"] = "10000", ["Feedback:PermitLimit"] = "10000", ["Digest:Enabled"] = "false" },
    };

    public async Task InitializeAsync() => await Site.AddUserAsync(Reviewer, "Reviewer", Session.Password, "georgios-anagas");

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Site.Dispose();

    /// <summary>Every feedback entry on one page, oldest first.</summary>
    public async Task<List<ReaderFeedback>> StoredAsync(FeedbackPage page, string key)
    {
        using var scope = Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        return await db.ReaderFeedback.AsNoTracking().Where(f => f.Page == page && f.PageKey == key).OrderBy(f => f.Id).ToListAsync();
    }
}

public class ReaderFeedbackTests(FeedbackSiteFixture fixture) : IClassFixture<FeedbackSiteFixture>
{
    private const string Explainer = "/explainers/gene-therapy-explained";
    private const string Form = "/feedback/explainers/gene-therapy-explained";

    private static Dictionary<string, string> Fields(string? helpful = null, string comment = "", bool report = false, string website = "") => new()
    {
        ["Input.Helpful"] = helpful ?? "",
        ["Input.Comment"] = comment,
        ["Input.Report"] = report ? "true" : "false",
        ["Input.Website"] = website,
    };

    [Theory]
    [InlineData(Explainer, "/feedback/explainers/gene-therapy-explained")]
    [InlineData("/glossary/aav", "/feedback/glossary/aav")]
    public async Task EveryExplainerAndTermEndsWithAPlainGetFormAndAReportLinkWithNoTokenAndNoCookie(string page, string form)
    {
        using var session = fixture.Site.NewSession();
        var (response, doc) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = doc.Find("section#feedback");
        var answer = section.QuerySelector("form")!;
        Assert.Equal("get", answer.GetAttribute("method"));
        Assert.Equal(form, answer.GetAttribute("action"));
        Assert.Equal(["yes", "no"], answer.QuerySelectorAll("button[name=helpful]").Select(b => b.GetAttribute("value")));
        Assert.NotNull(section.QuerySelector($"a[href='{form}?report=true']"));
        // The page stays whole in the page cache: no token, no form that posts, no cookie.
        Assert.Empty(doc.QuerySelectorAll("input[name=__RequestVerificationToken], form[method=post]"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task TheFeedbackPageHoldsAPostFormWithAntiforgeryAndAHiddenTrapAndSetsOnlyTheAntiforgeryCookie()
    {
        using var session = fixture.Site.NewSession();
        var (response, doc) = await session.GetAsync(Form + "?helpful=no");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = doc.Find("main form[method=post]");
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.True(doc.Find("#helpful-no").HasAttribute("checked"));
        Assert.False(doc.Find("#helpful-yes").HasAttribute("checked"));
        Assert.Equal("2000", doc.Find("textarea#Input_Comment").GetAttribute("maxlength"));
        var trap = doc.Find(".trap");
        Assert.Equal("true", trap.GetAttribute("aria-hidden"));
        Assert.Equal("-1", trap.QuerySelector("input[name='Input.Website']")!.GetAttribute("tabindex"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Single(cookies);
        Assert.StartsWith("__Host-gte-antiforgery=", cookies[0], StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("noindex, nofollow", doc.Find("meta[name=robots]").GetAttribute("content"));
        Assert.NotNull(doc.QuerySelector("main a[href='/privacy']"));
    }

    [Fact]
    public async Task ASentAnswerIsKeptAndTheReaderGoesBackToThePageWithAThankYouThatTakesFocus()
    {
        using var session = fixture.Site.NewSession();
        var comment = "The part on vectors lost me. " + Guid.NewGuid();
        var (response, _) = await session.SubmitAsync(Form + "?helpful=no", Fields("no", comment));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Explainer + "?thanks=1#feedback-thanks", response.Headers.Location!.OriginalString);

        var stored = (await fixture.StoredAsync(FeedbackPage.Explainers, "gene-therapy-explained")).Single(f => f.Comment == comment);
        Assert.False(stored.Helpful);
        Assert.False(stored.IsReport);
        Assert.Null(stored.HandledAt);

        var (page, doc) = await session.GetAsync(Explainer + "?thanks=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var thanks = doc.Find("#feedback-thanks");
        Assert.True(thanks.HasAttribute("autofocus"));
        Assert.Equal("-1", thanks.GetAttribute("tabindex"));
        Assert.Contains("Thank you", thanks.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("input[name=__RequestVerificationToken], form[method=post]"));
    }

    [Fact]
    public async Task AGlossaryTermTakesFeedbackToo()
    {
        using var session = fixture.Site.NewSession();
        var (response, _) = await session.SubmitAsync("/feedback/glossary/aav?report=true", Fields(comment: "The definition says AAV causes disease; it does not.", report: true));
        Assert.Equal("/glossary/aav?thanks=1#feedback-thanks", response.Headers.Location!.OriginalString);
        Assert.Contains(await fixture.StoredAsync(FeedbackPage.Glossary, "aav"), f => f.IsReport && f.Helpful is null);
    }

    [Fact]
    public async Task HostileTextIsKeptAsSentAndShownAsTextToTheReviewer()
    {
        const string hostile = "<script>document.title='owned'</script><img src=x onerror=\"alert(1)\"> & \"quotes\" 'too'\r\nline two";
        using var reader = fixture.Site.NewSession();
        await reader.SubmitAsync("/feedback/explainers/mrna-technology", Fields("no", hostile, report: true));
        var stored = (await fixture.StoredAsync(FeedbackPage.Explainers, "mrna-technology")).Last();
        Assert.Equal(hostile, stored.Comment);

        using var reviewer = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.SignInAsync(FeedbackSiteFixture.Reviewer)).StatusCode);
        foreach (var path in new[] { "/review", "/review/feedback", $"/review/feedback/{stored.Id}" })
        {
            var (response, doc) = await reviewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {doc.Body?.TextContent}");
            Assert.Contains(hostile, doc.QuerySelectorAll(".reader-text").Select(p => p.TextContent));
            Assert.Empty(doc.QuerySelectorAll("main script, main img[onerror]"));
        }
    }

    [Fact]
    public async Task ABotThatFillsTheHiddenFieldIsThankedAndNothingIsKept()
    {
        using var bot = fixture.Site.NewSession();
        var before = (await fixture.StoredAsync(FeedbackPage.Explainers, "what-is-gene-therapy")).Count;
        var (response, _) = await bot.SubmitAsync("/feedback/explainers/what-is-gene-therapy", Fields("yes", "Cheap pills at example.com", website: "https://spam.example"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/explainers/what-is-gene-therapy?thanks=1#feedback-thanks", response.Headers.Location!.OriginalString);
        Assert.Equal(before, (await fixture.StoredAsync(FeedbackPage.Explainers, "what-is-gene-therapy")).Count);
    }

    [Fact]
    public async Task AReportWithoutWordsAndTooLongATextAreRefusedBesideTheFieldWithTheTextKept()
    {
        using var session = fixture.Site.NewSession();
        var (_, noWords) = await session.SubmitAsync(Form + "?report=true", Fields(report: true));
        Assert.Equal("Say what is wrong, so that a reviewer can check it.", noWords.Text("#Input_Comment-error"));
        Assert.Equal("true", noWords.Find("#Input_Comment").GetAttribute("aria-invalid"));

        var tooLong = new string('a', 2001);
        var (response, longDoc) = await session.SubmitAsync(Form, Fields("no", tooLong));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2,000 characters or fewer. This text has 2,001.", longDoc.Text("#Input_Comment-error"), StringComparison.Ordinal);
        Assert.Equal(tooLong, longDoc.Find("#Input_Comment").TextContent.TrimStart('\n'));

        var (_, empty) = await session.SubmitAsync(Form, Fields());
        Assert.Equal("Choose yes or no, or write what was missing or wrong.", empty.Text("#Input_Helpful-error"));
        Assert.DoesNotContain(await fixture.StoredAsync(FeedbackPage.Explainers, "gene-therapy-explained"), f => f.Comment == tooLong);
    }

    [Fact]
    public async Task TheReaderIsSentBackToThePageWhateverTheFormSays()
    {
        using var session = fixture.Site.NewSession();
        var fields = Fields("yes");
        fields["ReturnUrl"] = "https://evil.example/";
        fields["returnUrl"] = "//evil.example/";
        var (response, _) = await session.SubmitAsync(Form + "?returnUrl=https%3A%2F%2Fevil.example", fields);
        Assert.Equal(Explainer + "?thanks=1#feedback-thanks", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/feedback/explainers/no-such-page")]
    [InlineData("/feedback/glossary/no-such-term")]
    [InlineData("/feedback/people/georgios-anagas")]
    public async Task APageThatIsNotPublishedHasNoFeedbackForm(string path)
    {
        using var session = fixture.Site.NewSession();
        var (response, _) = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AFormWithoutItsTokenIsRefused()
    {
        using var session = fixture.Site.NewSession();
        using var content = new FormUrlEncodedContent(Fields("yes"));
        var response = await session.Client.PostAsync(new Uri(Form, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ThePrivacyNoticeIsLinkedFromEveryFooter()
    {
        using var session = fixture.Site.NewSession();
        foreach (var path in new[] { "/", Explainer, "/glossary", "/glossary/aav", Form, "/privacy", "/account/sign-in", "/explainers/no-such-page" })
        {
            var (_, doc) = await session.GetAsync(path);
            Assert.NotNull(doc.QuerySelector("footer a[href='/privacy']"));
        }
    }
}

public class FeedbackLimitsTests
{
    [Fact]
    public async Task TheExplainerPageAndItsThankYouStayCachedWhileReadersSendFeedback()
    {
        const string page = "/explainers/gene-therapy-explained";
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = { ["Digest:Enabled"] = "false" } };
        using var session = site.NewSession();
        await session.GetAsync(page);
        await session.GetAsync(page + "?thanks=1");
        var cache = site.Services.GetRequiredService<GeneTherapyExplainers.Web.Infrastructure.PageCache>();
        Assert.NotNull(cache.Find("https://localhost" + page));
        Assert.NotNull(cache.Find("https://localhost" + page + "?thanks=1"));

        var (sent, _) = await session.SubmitAsync("/feedback" + page, new Dictionary<string, string> { ["Input.Helpful"] = "no", ["Input.Comment"] = "Too long." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // Feedback shows on no public page, so saving it evicts none; the form page itself is never kept.
        Assert.NotNull(cache.Find("https://localhost" + page));
        Assert.NotNull(cache.Find("https://localhost" + page + "?thanks=1"));
        Assert.Null(cache.Find("https://localhost/feedback" + page));
    }

    [Fact]
    public async Task ABurstFromOneClientDraws429WithRetryAfter()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = { ["Feedback:PermitLimit"] = "2", ["Feedback:Window"] = "00:10:00", ["Digest:Enabled"] = "false" } };
        using var session = site.NewSession();
        var statuses = new List<HttpStatusCode>();
        AngleSharp.Dom.IDocument? last = null;
        HttpResponseMessage? lastResponse = null;
        for (var i = 0; i < 3; i++)
        {
            (lastResponse, last) = await session.SubmitAsync("/feedback/explainers/gene-therapy-explained", new Dictionary<string, string> { ["Input.Helpful"] = "yes" });
            statuses.Add(lastResponse.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var wait = int.Parse(lastResponse!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 600);
        Assert.Equal("Too many attempts", last!.Text("h1"));
        // Reading is never limited.
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/feedback/explainers/gene-therapy-explained")).Response.StatusCode);
    }

    [Fact]
    public async Task ThePrivacyNoticeSaysHowLongFeedbackIsKeptAsConfigured()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = { ["Feedback:KeepFor"] = "45.00:00:00", ["Digest:Enabled"] = "false" } };
        var (response, doc) = await site.GetPageAsync("/privacy");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Privacy: what we keep", doc.Text("h1"));
        var howLong = doc.Find("#how-long").NextElementSibling!.TextContent;
        Assert.Contains("then for 45 days", howLong, StringComparison.Ordinal);
        Assert.Contains("network (IP) address", doc.Find("main").TextContent, StringComparison.Ordinal);
    }
}
