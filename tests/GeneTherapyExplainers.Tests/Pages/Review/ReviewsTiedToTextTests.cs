using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>A review is tied to the text it was made of: an edit afterwards shows on the page, the dashboard and as a diff.</summary>
public sealed partial class ReviewsTiedToTextTests : IDisposable
{
    private const string Slug = "reviewed-text";
    private const string Path = "explainers/reviewed-text.md";
    private const string OldSentence = "The treatment is given once.";
    private const string NewSentence = "The treatment is usually given once, through a drip.";
    private static readonly DateOnly ReviewedOn = new(2026, 2, 1);
    private static readonly DateTime FirstSaved = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly TempContent content = new(withTestContent: true);
    private readonly SiteFactory site;

    public ReviewsTiedToTextTests()
    {
        content.Write(Path, Explainer(OldSentence, changeNote: null));
        File.SetLastWriteTimeUtc(System.IO.Path.Combine(content.Root, Path), FirstSaved);
        site = new SiteFactory(content.Root) { Settings = { ["Accounts:SignInPermitLimit"] = "10000" } };
    }

    public void Dispose()
    {
        site.Dispose();
        content.Dispose();
    }

    [Fact]
    public async Task AnEditAfterAReviewShowsOnThePublicPageTheDashboardAndAsADiffOfExactlyTheEditedSentence()
    {
        using var reviewer = await SignedInReviewerAsync();
        await RecordReviewAsync(reviewer);
        var (_, before) = await site.GetPageAsync($"/explainers/{Slug}");
        Assert.Null(before.QuerySelector(".changed-note"));
        Assert.DoesNotContain("Changed since review", DashboardRow(await DashboardAsync(reviewer)), StringComparison.Ordinal);

        Edit(NewSentence, changeNote: null);
        var page = await Eventually.Until(async () => (await site.GetPageAsync($"/explainers/{Slug}")).Document, d => d.QuerySelector(".changed-note") is not null);

        var saved = File.GetLastWriteTimeUtc(System.IO.Path.Combine(content.Root, Path));
        var note = page.Find(".changed-note");
        Assert.StartsWith("This page has changed since its last review.", Squash(note.TextContent), StringComparison.Ordinal);
        Assert.Equal(saved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), note.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.StartsWith($"Last reviewed {ReviewedOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}", Squash(page.Text(".review-line")), StringComparison.Ordinal);
        Assert.Contains("Changed since review", DashboardRow(await DashboardAsync(reviewer)), StringComparison.Ordinal);

        var (_, review) = await reviewer.GetAsync($"/review/explainers/{Slug}");
        Assert.Contains("changed since review", review.Text(".review-line"), StringComparison.Ordinal);
        Assert.Equal("What changed since review", review.Text("#changes"));
        Assert.Equal([OldSentence], Marked(review, ".diff del"));
        Assert.Equal([NewSentence], Marked(review, ".diff ins"));
        var line = Assert.Single(review.QuerySelectorAll(".diff li.diff-changed"));
        Assert.Equal("removed: ", line.QuerySelector("del .visually-hidden")!.TextContent);
        Assert.Equal("added: ", line.QuerySelector("ins .visually-hidden")!.TextContent);
    }

    [Fact]
    public async Task TheReviewKeepsTheFingerprintAndOneCopyOfTheTextItWasMadeOf()
    {
        using var reviewer = await SignedInReviewerAsync();
        await RecordReviewAsync(reviewer);
        await RecordReviewAsync(reviewer, kind: "2");

        var text = File.ReadAllText(System.IO.Path.Combine(content.Root, Path));
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var reviews = await db.ReviewRecords.Where(r => r.ExplainerSlug == Slug).ToListAsync();
        Assert.Equal(2, reviews.Count);
        Assert.All(reviews, r => Assert.Equal(ContentText.Fingerprint(text), r.ContentFingerprint));
        var kept = Assert.Single(await db.ReviewedTexts.ToListAsync());
        Assert.Equal(text, kept.Text);
    }

    [Fact]
    public async Task AReviewFormOpenedBeforeTheFileChangedRecordsNothingAndSaysWhy()
    {
        using var reviewer = await SignedInReviewerAsync();
        var url = $"/review/explainers/{Slug}";
        var (_, opened) = await reviewer.GetAsync(url);
        var form = opened.Find("main form");
        var catalog = site.Services.GetRequiredService<ContentCatalogProvider>();
        var shown = catalog.Current.Find(Slug)!.Fingerprint;

        Edit(NewSentence, changeNote: null);
        await Eventually.Until(() => Task.FromResult(catalog.Current.Find(Slug)!.Fingerprint), f => f != shown);
        var (response, answer) = await reviewer.SubmitAsync(form, url, Review("0", ReviewedOn));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed after you opened this form", answer.Text(".alert"), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EditorialDbContext>().ReviewRecords.AnyAsync(r => r.ExplainerSlug == Slug));
    }

    [Fact]
    public async Task DateModifiedIsTheLastChangeOfTheTextAndLastReviewedTheReviewDate()
    {
        using var reviewer = await SignedInReviewerAsync();
        await RecordReviewAsync(reviewer);
        var (_, reviewed) = await site.GetPageAsync($"/explainers/{Slug}");
        var ld = JsonLd(reviewed);
        Assert.Equal("2026-02-01", ld.GetProperty("lastReviewed").GetString());
        Assert.Equal("2026-03-01", ld.GetProperty("dateModified").GetString());

        Edit(NewSentence, changeNote: null);
        var changed = await Eventually.Until(async () => JsonLd((await site.GetPageAsync($"/explainers/{Slug}")).Document), j => j.GetProperty("dateModified").GetString() != "2026-03-01");
        var saved = File.GetLastWriteTimeUtc(System.IO.Path.Combine(content.Root, Path));
        Assert.Equal(saved.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), changed.GetProperty("dateModified").GetString());
        Assert.Equal("2026-02-01", changed.GetProperty("lastReviewed").GetString());
    }

    [Fact]
    public async Task ThePageHistoryListsTheChangeWithItsNoteAndEachReviewNewestFirst()
    {
        using var reviewer = await SignedInReviewerAsync();
        await RecordReviewAsync(reviewer);
        var (_, article) = await site.GetPageAsync($"/explainers/{Slug}");
        Assert.Equal($"/explainers/{Slug}/history", article.Find(".page-history-link a").GetAttribute("href"));
        var (_, kept) = await site.GetPageAsync($"/explainers/{Slug}/history"); // kept by the page cache until a change evicts it
        Assert.Equal(2, kept.QuerySelectorAll("tbody tr").Length);

        Edit(NewSentence, changeNote: "Says how the treatment is given.");
        var history = await Eventually.Until(
            async () => (await site.GetPageAsync($"/explainers/{Slug}/history")).Document,
            d => d.QuerySelectorAll("tbody tr.change").Length == 2);

        var saved = File.GetLastWriteTimeUtc(System.IO.Path.Combine(content.Root, Path)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = history.QuerySelectorAll("tbody tr").Select(r => (
            Date: r.QuerySelector("time")!.GetAttribute("datetime"),
            What: Squash(r.Children[1].TextContent),
            Details: Squash(r.Children[2].TextContent))).ToList();
        Assert.Equal(
            [
                (saved, "The text changed", "Says how the treatment is given."),
                ("2026-03-01", "First version on this site", ""),
                ("2026-02-01", "Medical review by Georgios Anagas", ""),
            ],
            rows);
        Assert.Equal("Page history", history.Text("h1"));
    }

    [Fact]
    public async Task ThePageHistoryIsShownAPageAtATime()
    {
        await site.GetPageAsync($"/explainers/{Slug}");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
            var first = await db.ContentVersions.SingleAsync(v => v.ExplainerSlug == Slug);
            db.ContentVersions.AddRange(Enumerable.Range(2, 60).Select(n => new GeneTherapyExplainers.Web.Data.Entities.ContentVersion
            {
                ExplainerSlug = Slug, Number = n, Fingerprint = new string('0', 64), ChangedAt = first.ChangedAt.AddDays(n), RecordedAt = first.RecordedAt,
            }));
            await db.SaveChangesAsync();
        }

        var (_, one) = await site.GetPageAsync($"/explainers/{Slug}/history");
        var (_, two) = await site.GetPageAsync($"/explainers/{Slug}/history?page=2");
        var (three, _) = await site.GetPageAsync($"/explainers/{Slug}/history?page=3");
        Assert.Equal(50, one.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(11, two.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, three.StatusCode);
        Assert.Equal("First version on this site", Squash(two.QuerySelectorAll("tbody tr")[^1].Children[1].TextContent));
        Assert.Equal($"/explainers/{Slug}/history?page=2", one.Find(".pager a[rel=next]").GetAttribute("href"));
    }

    private static string Explainer(string sentence, string? changeNote) => $"""
        ---
        title: Reviewed Text
        summary: A page whose reviews are tied to its text.
        category: Testing
        published: 2026-01-05
        {(changeNote is null ? "" : "changeNote: " + changeNote)}
        ---

        ## What happens

        Gene therapy adds a working copy of a gene. {sentence} Doctors then check on you for many years.

        ## Afterwards

        Most people go home after a few days.
        """;

    private void Edit(string sentence, string? changeNote) => content.Write(Path, Explainer(sentence, changeNote));

    private async Task<Session> SignedInReviewerAsync()
    {
        await site.AddUserAsync("reviewer@example.org", "Reviewer", Session.Password, "georgios-anagas");
        var session = site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("reviewer@example.org")).StatusCode);
        return session;
    }

    private static async Task RecordReviewAsync(Session reviewer, string kind = "0")
    {
        var (response, page) = await reviewer.SubmitAsync($"/review/explainers/{Slug}", Review(kind, ReviewedOn));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector(".alert")?.TextContent ?? response.StatusCode.ToString());
    }

    private static Dictionary<string, string> Review(string kind, DateOnly on) => new()
    {
        ["Input.Kind"] = kind,
        ["Input.ReviewedOn"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static async Task<IDocument> DashboardAsync(Session reviewer) => (await reviewer.GetAsync("/review")).Document;

    private static string DashboardRow(IDocument dashboard) =>
        dashboard.QuerySelectorAll(".dashboard tbody tr").Single(r => r.QuerySelector($"a[href='/review/explainers/{Slug}']") is not null).TextContent;

    /// <summary>The text of each marked piece, without its label for screen readers.</summary>
    private static List<string> Marked(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Replace(e.QuerySelector(".visually-hidden")?.TextContent ?? "", "", StringComparison.Ordinal).Trim())];

    private static JsonElement JsonLd(IDocument page) => JsonDocument.Parse(page.Find("script[type='application/ld+json']").TextContent).RootElement;

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
