using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>Review records are append-only, so a form posted again (a retry after a lost answer) must record once.</summary>
public abstract class IdempotentReviewTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ReviewerSiteFixture
{
    private const string Url = "/review/explainers/what-is-gene-therapy";

    private static string Today => TestClock.TodayIso;

    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        return session;
    }

    private async Task<int> RecordsWithNotesAsync(string notes)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        return await db.ReviewRecords.CountAsync(r => r.Notes == notes);
    }

    private static Dictionary<string, string> Review(string notes) => new()
    {
        ["Input.Kind"] = "1",
        ["Input.ReviewedOn"] = Today,
        ["Input.Notes"] = notes,
    };

    [Fact]
    public async Task TheSameFormPostedAgainAndAtOnceRecordsOneReview()
    {
        using var session = await SignedInReviewerAsync();
        var (_, page) = await session.GetAsync(Url);
        var form = page.Find("main form");
        const string notes = "Posted, the answer lost, and posted again.";

        var first = await session.SubmitAsync(form, Url, Review(notes));
        var retried = await session.SubmitAsync(form, Url, Review(notes));
        var together = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => session.SubmitAsync(form, Url, Review(notes))));

        Assert.All(together.Prepend(retried).Prepend(first), answer =>
        {
            Assert.Equal(HttpStatusCode.Redirect, answer.Response.StatusCode);
            Assert.Contains("recorded=True", answer.Response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(1, await RecordsWithNotesAsync(notes));
    }

    [Fact]
    public async Task AFormPostedAgainWithOtherValuesRecordsNothingSilentlyAndKeepsTheText()
    {
        using var session = await SignedInReviewerAsync();
        var (_, page) = await session.GetAsync(Url);
        var form = page.Find("main form");
        await session.SubmitAsync(form, Url, Review("The first entry from this form."));

        const string changed = "Changed after sending, then sent with the same form.";
        var (response, again) = await session.SubmitAsync(form, Url, Review(changed));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("used already", again.Text(".alert[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(changed, again.Find("#Input_Notes").TextContent.Trim());
        Assert.Equal(0, await RecordsWithNotesAsync(changed));

        var (recorded, _) = await session.SubmitAsync(again.Find("main form"), Url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(1, await RecordsWithNotesAsync(changed));
    }

    [Fact]
    public async Task AFormWithoutItsKeyRecordsNothingAndSaysWhy()
    {
        using var session = await SignedInReviewerAsync();
        const string notes = "Sent by a form that lost its key.";
        var fields = Review(notes);
        fields["Input.SubmissionId"] = "";

        var (response, doc) = await session.SubmitAsync(Url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("one-time key", doc.Text(".alert[role=alert]"), StringComparison.Ordinal);
        Assert.Equal(notes, doc.Find("#Input_Notes").TextContent.Trim());
        Assert.True(Guid.TryParse(doc.Find("input[name='Input.SubmissionId']").GetAttribute("value"), out _));
        Assert.Equal(0, await RecordsWithNotesAsync(notes));
    }
}

public sealed class IdempotentReviewTests(ReviewerSiteFixture fixture) : IdempotentReviewTests<ReviewerSiteFixture>(fixture);

public sealed class PostgresIdempotentReviewTests(PostgresReviewerSiteFixture fixture) : IdempotentReviewTests<PostgresReviewerSiteFixture>(fixture);
