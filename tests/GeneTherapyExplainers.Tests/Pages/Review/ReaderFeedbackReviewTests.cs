using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>What reviewers see of reader feedback and how they handle it. Each test has a site of its own, so counts are its own.</summary>
public class ReaderFeedbackReviewTests
{
    private const string Reviewer = "georgios@example.org";

    private static async Task<SiteFactory> SiteAsync()
    {
        var site = new SiteFactory(RepositoryPaths.Content)
        {
            Settings = { ["Accounts:SignInPermitLimit"] = "10000", ["Feedback:PermitLimit"] = "10000", ["Digest:Enabled"] = "false" },
        };
        await site.AddUserAsync(Reviewer, "Reviewer", Session.Password, "georgios-anagas");
        return site;
    }

    private static async Task<Session> ReviewerAsync(SiteFactory site)
    {
        var session = site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(Reviewer)).StatusCode);
        return session;
    }

    private static async Task SendAsync(SiteFactory site, string slug, string? helpful, string comment = "", bool report = false)
    {
        using var reader = site.NewSession();
        var (response, _) = await reader.SubmitAsync($"/feedback/explainers/{slug}", new Dictionary<string, string>
        {
            ["Input.Helpful"] = helpful ?? "",
            ["Input.Comment"] = comment,
            ["Input.Report"] = report ? "true" : "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<T> WithStoreAsync<T>(SiteFactory site, Func<EditorialDbContext, Task<T>> action)
    {
        using var scope = site.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<EditorialDbContext>());
    }

    private static string ReadersCell(AngleSharp.Dom.IDocument dashboard, string slug) =>
        dashboard.QuerySelectorAll("table.dashboard tbody tr")
            .Single(tr => tr.QuerySelector($"th a[href='/review/explainers/{slug}']") is not null)
            .QuerySelector("td.readers")!.TextContent.Trim();

    [Fact]
    public async Task TheDashboardCountsHowManyReadersFoundEachExplainerHelpfulOverThePeriodChosen()
    {
        using var site = await SiteAsync();
        await SendAsync(site, "mrna-technology", "yes");
        await SendAsync(site, "mrna-technology", "yes");
        await SendAsync(site, "mrna-technology", "no");
        await WithStoreAsync(site, db =>
        {
            db.ReaderFeedback.Add(new ReaderFeedback { Page = FeedbackPage.Explainers, PageKey = "mrna-technology", Helpful = true, ReceivedAt = TestClock.Now.UtcDateTime.AddDays(-60) });
            return db.SaveChangesAsync();
        });

        using var reviewer = await ReviewerAsync(site);
        var (_, month) = await reviewer.GetAsync("/review?days=30");
        Assert.Equal("2 of 3 found it helpful", ReadersCell(month, "mrna-technology"));
        Assert.Contains("over the last 30 days", month.Text("table.dashboard caption"), StringComparison.Ordinal);
        var (_, quarter) = await reviewer.GetAsync("/review?days=90");
        Assert.Equal("3 of 4 found it helpful", ReadersCell(quarter, "mrna-technology"));
        Assert.Equal("No answers", ReadersCell(quarter, "gene-therapy-explained"));
    }

    [Fact]
    public async Task AMistakeReportOrARunOfNoAsksForAReviewMostUrgentFirst()
    {
        using var site = await SiteAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await SendAsync(site, "mrna-technology", "no");
        }

        await SendAsync(site, "monoclonal-antibodies", "no");
        await SendAsync(site, "monoclonal-antibodies", "no");
        await SendAsync(site, "gene-therapy-explained", null, "The dose in the second table is wrong.", report: true);
        // A "yes" ends a run: three "no" then a "yes" asks for nothing.
        foreach (var answer in new[] { "no", "no", "no", "yes" })
        {
            await SendAsync(site, "what-is-gene-therapy", answer);
        }

        using var reviewer = await ReviewerAsync(site);
        var (_, dashboard) = await reviewer.GetAsync("/review");
        var requested = dashboard.QuerySelectorAll("table.requested tbody tr").Select(tr => tr.QuerySelector("th a")!.GetAttribute("href")).ToList();
        Assert.Equal(["/review/explainers/gene-therapy-explained", "/review/explainers/mrna-technology"], requested);
        var why = dashboard.QuerySelectorAll("table.requested tbody tr td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains("1 mistake report", why);
        Assert.Contains("3 “no” answers in a row", why);
        Assert.Contains("Review requested by readers", ReadersCellStatus(dashboard, "mrna-technology"));

        // A review answers the run of "no".
        var (recorded, _) = await reviewer.SubmitAsync("/review/explainers/mrna-technology", new Dictionary<string, string> { ["Input.Kind"] = "Medical", ["Input.Notes"] = "Rewrote the part readers found unclear." });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, after) = await reviewer.GetAsync("/review");
        Assert.Equal(["/review/explainers/gene-therapy-explained"], after.QuerySelectorAll("table.requested tbody tr th a").Select(a => a.GetAttribute("href")));
    }

    private static string ReadersCellStatus(AngleSharp.Dom.IDocument dashboard, string slug) =>
        dashboard.QuerySelectorAll("table.dashboard tbody tr")
            .Single(tr => tr.QuerySelector($"th a[href='/review/explainers/{slug}']") is not null)
            .QuerySelector("td.status")!.TextContent;

    [Fact]
    public async Task AReviewerHandlesAReportWithANoteAndItLeavesTheWaitingListWithEveryStepAudited()
    {
        using var site = await SiteAsync();
        await SendAsync(site, "gene-therapy-explained", "no", "Zolgensma is given once, not twice.", report: true);
        var id = await WithStoreAsync(site, db => db.ReaderFeedback.Select(f => f.Id).SingleAsync());

        using var reviewer = await ReviewerAsync(site);
        var (_, waiting) = await reviewer.GetAsync("/review/feedback");
        Assert.Equal("Zolgensma is given once, not twice.", waiting.Text($"#feedback-{id} .reader-text"));
        var (_, dashboard) = await reviewer.GetAsync("/review");
        Assert.NotNull(dashboard.QuerySelector($"#waiting ~ ul.feedback-list a[href='/review/feedback/{id}']"));

        var (handled, _) = await reviewer.SubmitAsync($"/review/feedback/{id}", new Dictionary<string, string> { ["Input.Note"] = "Checked the label: once. The page already says so; no change." });
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        Assert.Equal($"/review/feedback?handled={id}", handled.Headers.Location!.OriginalString);

        var (_, list) = await reviewer.GetAsync($"/review/feedback?handled={id}");
        Assert.NotNull(list.QuerySelector("#handled[autofocus]"));
        Assert.Null(list.QuerySelector($"#feedback-{id}"));
        var (_, done) = await reviewer.GetAsync("/review/feedback?show=handled");
        Assert.Contains("Checked the label: once.", done.Text($"#feedback-{id}"), StringComparison.Ordinal);
        Assert.Contains(Reviewer, done.Text($"#feedback-{id}"), StringComparison.Ordinal);
        var (_, after) = await reviewer.GetAsync("/review");
        Assert.Empty(after.QuerySelectorAll("table.requested tbody tr"));

        var audit = await WithStoreAsync(site, db => db.AuditEntries.Where(a => a.EntityType == nameof(ReaderFeedback)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Added", "Changed"], audit.Select(a => a.Action));
        Assert.Equal("reader", audit[0].Actor);
        Assert.Equal("/explainers/gene-therapy-explained report", audit[0].EntityKey);
        Assert.Equal(Reviewer, audit[1].Actor);
        Assert.Equal($"#{id} /explainers/gene-therapy-explained", audit[1].EntityKey);
        Assert.Contains("HandledNote: “” → “Checked the label: once.", audit[1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain(audit, a => (a.Details ?? "").Contains("Zolgensma", StringComparison.Ordinal));

        // Reopened, it waits again, and that is audited too.
        var (reopened, _) = await reviewer.SubmitAsync($"/review/feedback/{id}", new Dictionary<string, string>(), "main form");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var (_, again) = await reviewer.GetAsync("/review/feedback");
        Assert.NotNull(again.QuerySelector($"#feedback-{id}"));
        Assert.Equal(3, await WithStoreAsync(site, db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(ReaderFeedback))));
    }

    [Fact]
    public async Task HandlingCanNameTheReviewThatAnsweredItAndNeedsANoteOrAReview()
    {
        using var site = await SiteAsync();
        await SendAsync(site, "mrna-technology", null, "Say how long the protein lasts.", report: false);
        var id = await WithStoreAsync(site, db => db.ReaderFeedback.Select(f => f.Id).SingleAsync());
        using var reviewer = await ReviewerAsync(site);

        var (refused, page) = await reviewer.SubmitAsync($"/review/feedback/{id}", new Dictionary<string, string> { ["Input.Note"] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Write what you did about it, or choose the review that answered it.", page.Text("#Input_Note-error"));

        await reviewer.SubmitAsync("/review/explainers/mrna-technology", new Dictionary<string, string> { ["Input.Kind"] = "Editorial", ["Input.Notes"] = "Added how long the protein lasts." });
        var (_, form) = await reviewer.GetAsync($"/review/feedback/{id}");
        var review = form.QuerySelectorAll("#Input_ReviewId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var (handled, _) = await reviewer.SubmitAsync($"/review/feedback/{id}", new Dictionary<string, string> { ["Input.Note"] = "", ["Input.ReviewId"] = review });
        Assert.Equal(HttpStatusCode.Redirect, handled.StatusCode);
        var (_, done) = await reviewer.GetAsync($"/review/feedback/{id}");
        Assert.Contains("Answered by the editorial review of", done.Text("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyReviewersSeeReaderFeedback()
    {
        using var site = await SiteAsync();
        using var anonymous = site.NewSession();
        var (response, _) = await anonymous.GetAsync("/review/feedback");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
