using System.Diagnostics;
using System.Globalization;
using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>
/// A new installation dates each explainer from its content (front matter, git history, file time), not from the
/// day the database was made, so a reviewer can record a review made before the site was installed.
/// </summary>
public class ContentHistoryTests
{
    private const string Slug = "mrna-technology"; // no published date in its front matter, no review in the seed data

    private static readonly string[] Author = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org"];

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Git(string folder, string date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in Author.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = $"{date}T12:00:00Z";
        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, git.StandardError.ReadToEnd());
    }

    private static async Task<(DateOnly? FirstSeen, HttpStatusCode Answer, string Hint)> RecordReviewAsync(TempContent content, DateOnly reviewedOn)
    {
        using var site = new SiteFactory(content.Root);
        await site.AddUserAsync(ReviewerSiteFixture.Reviewer, "Reviewer", Session.Password, "georgios-anagas");
        using var session = site.NewSession();
        await session.SignInAsync(ReviewerSiteFixture.Reviewer);
        var (_, form) = await session.GetAsync($"/review/explainers/{Slug}");
        var (response, _) = await session.SubmitAsync($"/review/explainers/{Slug}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "0",
            ["Input.ReviewedOn"] = Day(reviewedOn),
            ["Input.Notes"] = "Reviewed before the site was installed.",
        });
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EditorialDbContext>();
        var firstSeen = await db.ExplainerSchedules.Where(s => s.ExplainerSlug == Slug).Select(s => s.FirstSeenOn).SingleAsync();
        return (firstSeen, response.StatusCode, form.Text("#Input_ReviewedOn-hint"));
    }

    [Fact]
    public async Task OnAFreshDatabaseTheFirstDateIsTheDayGitFirstHadTheFile()
    {
        using var content = new TempContent(withTestContent: true);
        Git(content.Root, "2026-01-15", "init", "--quiet");
        Git(content.Root, "2026-01-15", "add", ".");
        Git(content.Root, "2026-01-15", "commit", "--quiet", "-m", "First explainers");

        var (firstSeen, answer, hint) = await RecordReviewAsync(content, new DateOnly(2026, 2, 1));

        Assert.Equal(new DateOnly(2026, 1, 15), firstSeen);
        Assert.Contains("not before 15 January 2026", hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answer);
    }

    [Fact]
    public async Task WithoutGitTheFirstDateIsTheFileTime()
    {
        using var content = new TempContent(withTestContent: true);
        File.SetLastWriteTimeUtc(Path.Combine(content.Root, "explainers", $"{Slug}.md"), new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc));

        var (firstSeen, answer, hint) = await RecordReviewAsync(content, new DateOnly(2026, 3, 10));

        Assert.Equal(new DateOnly(2026, 3, 1), firstSeen);
        Assert.Contains("not before 1 March 2026", hint, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, answer);
    }

    [Fact]
    public async Task APublishedDateInFrontMatterComesFirstAndNoDateIsAfterToday()
    {
        using var content = new TempContent(withTestContent: true);
        var path = Path.Combine(content.Root, "explainers", $"{Slug}.md");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("\ntitle:", "\npublished: 2026-04-02\ntitle:", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, TestClock.Now.UtcDateTime.AddDays(3));
        var history = new ContentHistory(Microsoft.Extensions.Logging.Abstractions.NullLogger<ContentHistory>.Instance);
        var today = TestClock.Today;
        var catalog = GeneTherapyExplainers.Content.Loading.ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);

        var firstDate = await history.FirstDatesAsync(content.Root, today);

        Assert.Equal(new DateOnly(2026, 4, 2), firstDate(catalog.Find(Slug)!));
        Assert.Equal(today, firstDate(catalog.Find("monoclonal-antibodies")! with { Modified = TestClock.Now.AddDays(3) }));
    }
}
