using System.Net;
using System.Text.RegularExpressions;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>What a recorded review shows the public, and what the review form says about it.</summary>
public sealed partial class PublicReviewTests(ReviewerSiteFixture fixture) : IClassFixture<ReviewerSiteFixture>
{
    private static string Today => TestClock.TodayIso;

    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        return session;
    }

    [Fact]
    public async Task TheFormSaysNotesAndSourcesArePublicAndThePublicHistoryShowsBoth()
    {
        using var session = await SignedInReviewerAsync();
        const string url = "/review/explainers/monoclonal-antibodies";
        var (_, form) = await session.GetAsync(url);
        var note = Squash(form.Text(".public-note"));
        Assert.Contains("the notes word for word and the sources checked", note, StringComparison.Ordinal);
        Assert.Contains("Georgios Anagas", note, StringComparison.Ordinal);
        Assert.Equal("Notes (public)", form.Find("label[for=Input_Notes]").TextContent);
        Assert.Equal("Sources checked (public)", form.Find("label[for=Input_SourcesChecked]").TextContent);

        var (recorded, _) = await session.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Kind"] = "0",
            ["Input.ReviewedOn"] = Today,
            ["Input.Notes"] = "Dosing section checked.",
            ["Input.SourcesChecked"] = "NCI monoclonal antibodies page",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var (_, page) = await fixture.Site.GetPageAsync("/explainers/monoclonal-antibodies");
        var row = page.Find(".review-history tbody tr");
        Assert.Contains("Dosing section checked.", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sources checked: NCI monoclonal antibodies page", row.QuerySelector(".sources-checked")!.TextContent);
    }

    [Fact]
    public async Task CorrectingTheOnlyMedicalReviewIntoAnEditorialOneLeavesThePageSayingNoMedicalReviewIsOnRecord()
    {
        const string slug = "gene-therapy-explained";
        var (_, before) = await fixture.Site.GetPageAsync($"/explainers/{slug}");
        Assert.StartsWith("Last reviewed 28 June 2026 by Georgios Anagas (medical review) ·", Squash(before.Text(".review-line")), StringComparison.Ordinal);
        Assert.Null(before.QuerySelector(".no-medical-review"));

        // Corrected by a reviewer whose account is linked to no person.
        const string other = "helper@example.org";
        await fixture.Site.AddUserAsync(other, "Reviewer", Session.Password);
        using var session = fixture.Site.NewSession();
        await session.SignInAsync(other);
        var (_, form) = await session.GetAsync($"/review/explainers/{slug}");
        Assert.Contains("your account is linked to no person", form.Text(".public-note"), StringComparison.Ordinal);
        var medical = form.Find("#Input_CorrectsId option[value]:not([value=''])").GetAttribute("value")!;
        var (corrected, _) = await session.SubmitAsync($"/review/explainers/{slug}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "2",
            ["Input.ReviewedOn"] = "2026-06-28",
            ["Input.CorrectsId"] = medical,
            ["Input.Notes"] = "This was an editorial read, not a medical review.",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);

        var (_, after) = await fixture.Site.GetPageAsync($"/explainers/{slug}");
        var line = Squash(after.Text(".review-line"));
        Assert.StartsWith("Last reviewed 28 June 2026 (editorial review) · No medical review on record ·", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Georgios", line, StringComparison.Ordinal);
    }

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
