using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>Races and odd values in the review workspace: each gets a message next to its field, and nothing is lost.</summary>
public abstract class ReviewFormIntegrityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : ReviewerSiteFixture
{
    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        return session;
    }

    private async Task<T> InStoreAsync<T>(Func<EditorialDbContext, Task<T>> query)
    {
        await using var scope = fixture.Site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EditorialDbContext>());
    }

    [Fact]
    public async Task TwentyParallelAddsOfTheSameItemNeverAnswer500()
    {
        using var session = await SignedInReviewerAsync();
        const string url = "/review/related/new";
        var (_, page) = await session.GetAsync(url);
        var form = page.Find("main form");
        const string title = "The same talk added twenty times at once";
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => session.SubmitAsync(form, url, new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Kind"] = "0",
        })));

        Assert.DoesNotContain(answers, a => a.Response.StatusCode == HttpStatusCode.InternalServerError);
        Assert.All(answers, a => Assert.True(
            a.Response.StatusCode == HttpStatusCode.Redirect
            || (a.Response.StatusCode == HttpStatusCode.OK && a.Document.Text("#Input_Title-error").Contains("at the same moment", StringComparison.Ordinal)
                && a.Document.Find("#Input_Title").GetAttribute("value") == title),
            $"{a.Response.StatusCode}: {a.Document.QuerySelector("#Input_Title-error")?.TextContent}"));
        var saved = await InStoreAsync(db => db.RelatedItems.CountAsync(r => r.Title == title));
        Assert.Equal(answers.Count(a => a.Response.StatusCode == HttpStatusCode.Redirect), saved);
    }

    [Fact]
    public async Task AGuestKeyThatDoesNotExistIsRefusedBesideTheFieldAndDetachesNoOne()
    {
        using var session = await SignedInReviewerAsync();
        const string url = "/review/related/kolevzon-shank3-interview";
        var (response, doc) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.GuestKey"] = "no-such-person" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose the guest from the list", doc.Text("#Input_GuestKey-error"), StringComparison.Ordinal);
        Assert.Equal("true", doc.Find("#Input_GuestKey").GetAttribute("aria-invalid"));
        var guests = await InStoreAsync(db => db.RelatedItemPeople
            .Where(p => p.RelatedItem!.Key == "kolevzon-shank3-interview" && p.Role == RelatedItemRole.Guest)
            .Select(p => p.Person!.Key).ToListAsync());
        Assert.Equal(["alexander-kolevzon"], guests);
    }

    [Theory]
    [InlineData("/review/related/feng-shank3-interview", "Input.Summary")]
    [InlineData("/review/people/alexander-kolevzon", "Input.Bio")]
    public async Task AnUnreadableVersionIsRefusedWithAMessageAndTheTextIsKept(string url, string field)
    {
        using var session = await SignedInReviewerAsync();
        const string text = "Text written before the version was lost.";
        var (response, doc) = await session.SubmitAsync(url, new Dictionary<string, string> { ["Input.Version"] = "not-a-version", [field] = text });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("could not tell which version", doc.Text("#conflict"), StringComparison.Ordinal);
        Assert.Contains(text, doc.Text(".your-version"), StringComparison.Ordinal);
        var (_, again) = await session.GetAsync(url);
        Assert.DoesNotContain(text, again.Find("main form").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/review/people/guoping-feng", "Input.Bio")]
    [InlineData("/review/people/guoping-feng", "Input.Name")]
    [InlineData("/review/related/feng-shank3-interview", "Input.Summary")]
    [InlineData("/review/related/feng-shank3-interview", "Input.Title")]
    [InlineData("/review/explainers/mrna-technology", "Input.Notes")]
    [InlineData("/review/explainers/mrna-technology", "Input.SourcesChecked")]
    public async Task ANulByteIsShownBesideItsFieldAndTheTextStaysInTheForm(string url, string field)
    {
        using var session = await SignedInReviewerAsync();
        var fields = new Dictionary<string, string> { [field] = "Before the byte\0after the byte" };
        if (url.StartsWith("/review/explainers/", StringComparison.Ordinal))
        {
            fields["Input.Kind"] = "2";
            fields["Input.ReviewedOn"] = TestClock.TodayIso;
        }

        var (response, doc) = await session.SubmitAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = field.Replace('.', '_');
        Assert.Contains("invisible control character", doc.Text($"#{id}-error"), StringComparison.Ordinal);
        var kept = doc.Find($"#{id}");
        var value = kept.TagName == "TEXTAREA" ? kept.TextContent : kept.GetAttribute("value");
        Assert.Contains("Before the byte", value, StringComparison.Ordinal);
        Assert.Contains("after the byte", value, StringComparison.Ordinal);
    }
}

public sealed class ReviewFormIntegrityTests(ReviewerSiteFixture fixture) : ReviewFormIntegrityTests<ReviewerSiteFixture>(fixture);

public sealed class PostgresReviewFormIntegrityTests(PostgresReviewerSiteFixture fixture) : ReviewFormIntegrityTests<PostgresReviewerSiteFixture>(fixture);
