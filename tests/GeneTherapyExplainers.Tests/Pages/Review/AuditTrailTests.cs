using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Pages.Review;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Pages.Review;

/// <summary>The audit trail as a reviewer reads it: sentences, deleted explainers, filters and pages.</summary>
public sealed class AuditTrailTests(ReviewerSiteFixture fixture) : IClassFixture<ReviewerSiteFixture>
{
    private static readonly string Today = TestClock.TodayIso;

    private async Task<Session> SignedInReviewerAsync()
    {
        var session = fixture.Site.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(ReviewerSiteFixture.Reviewer)).StatusCode);
        return session;
    }

    private static List<string> Sentences(IDocument page) => [.. page.QuerySelectorAll("table.audit tbody tr td:nth-child(3)").Select(td => td.TextContent.Trim())];

    [Fact]
    public async Task EachEntryIsASentenceAndAReviewSaysWhatWasRecorded()
    {
        using var session = await SignedInReviewerAsync();
        await session.SubmitAsync("/review/explainers/monoclonal-antibodies", new Dictionary<string, string> { ["Input.Kind"] = "1", ["Input.ReviewedOn"] = Today, ["Input.Notes"] = "Dosing checked." });
        await session.SubmitAsync("/review/related/feng-shank3-interview", new Dictionary<string, string> { ["Input.HostKey"] = "achi-anagas" });

        var (_, page) = await session.GetAsync("/review/audit?account=" + ReviewerSiteFixture.Reviewer);
        var sentences = Sentences(page);
        var when = TestClock.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        Assert.Contains($"Recorded a technical review of “Monoclonal Antibodies”, dated {when} by Georgios Anagas.", sentences);
        Assert.Contains(sentences, s => s.StartsWith("Added Achi Anagas as the host of “", StringComparison.Ordinal));

        var (_, everything) = await session.GetAsync("/review/audit");
        Assert.All(Sentences(everything), s =>
        {
            Assert.DoesNotMatch(@"RelatedItemPerson|ExplainerContributor|ExplainerRelated|ReviewRecord|ExplainerSchedule|\bperson \d+\b(?! \(removed)", s);
            Assert.EndsWith(".", s, StringComparison.Ordinal);
        });
        var (_, contributors) = await session.GetAsync("/review/audit?explainer=gene-therapy-explained");
        Assert.Contains(Sentences(contributors), s => s.StartsWith("Named Georgios Anagas for the medical review of “Gene Therapy Explained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowsAboutADeletedExplainerSaySo()
    {
        await fixture.Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            db.AuditEntries.Add(new AuditEntry { At = TestClock.Now, Actor = "system:content", EntityType = nameof(ExplainerSchedule), EntityKey = "retired-explainer", Action = "Added" });
            await db.SaveChangesAsync();
        });
        using var session = await SignedInReviewerAsync();
        var (_, page) = await session.GetAsync("/review/audit?explainer=retired-explainer");
        Assert.Equal(["Started the review schedule of the explainer retired-explainer (deleted since)."], Sentences(page));
        Assert.Equal("retired-explainer (deleted)", page.Find("#Explainer option[selected]").TextContent);
    }

    [Fact]
    public async Task TheTrailFiltersByExplainerPersonAccountAndDays()
    {
        using var session = await SignedInReviewerAsync();
        await session.SubmitAsync("/review/explainers/gene-editing", new Dictionary<string, string> { ["Input.Kind"] = "2", ["Input.ReviewedOn"] = Today, ["Input.Notes"] = "Plain words checked." });

        var (_, byExplainer) = await session.GetAsync("/review/audit?explainer=gene-editing");
        Assert.NotEmpty(Sentences(byExplainer));
        Assert.All(Sentences(byExplainer), s => Assert.Contains("“Gene Editing", s, StringComparison.OrdinalIgnoreCase));

        var (_, byPerson) = await session.GetAsync("/review/audit?person=georgios-anagas");
        Assert.NotEmpty(Sentences(byPerson));
        Assert.All(Sentences(byPerson), s => Assert.Contains("Georgios Anagas", s, StringComparison.Ordinal));

        var (_, byAccount) = await session.GetAsync("/review/audit?account=" + ReviewerSiteFixture.Reviewer);
        Assert.All(byAccount.QuerySelectorAll("table.audit tbody tr"), row => Assert.True(
            row.Children[1].TextContent == ReviewerSiteFixture.Reviewer || row.Children[2].TextContent.Contains($"the account {ReviewerSiteFixture.Reviewer}", StringComparison.Ordinal),
            row.TextContent));

        var (_, today) = await session.GetAsync($"/review/audit?from={Today}&to={Today}&explainer=gene-editing");
        Assert.Contains(Sentences(today), s => s.StartsWith("Recorded an editorial review of “Gene", StringComparison.Ordinal));
        var tomorrow = TestClock.Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, future) = await session.GetAsync($"/review/audit?from={tomorrow}");
        Assert.Equal("No change matches.", future.Text(".audit-empty"));

        var (_, backwards) = await session.GetAsync($"/review/audit?from={Today}&to=2020-01-01");
        Assert.Equal("The last day cannot be before the first day.", backwards.Text("#To-error"));
        var (_, notADate) = await session.GetAsync("/review/audit?from=yesterday");
        Assert.Contains("as a date", notADate.Text("#From-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrailIsPagedWithABoundedPageSize()
    {
        const string busy = "busy@example.org";
        await fixture.Site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            db.AuditEntries.AddRange(Enumerable.Range(1, 60).Select(i => new AuditEntry { At = TestClock.Now, Actor = busy, EntityType = "Account", EntityKey = busy, Action = "Unlocked", Details = $"attempt {i}" }));
            await db.SaveChangesAsync();
        });
        using var session = await SignedInReviewerAsync();
        var (_, first) = await session.GetAsync("/review/audit?account=" + busy);
        Assert.Equal(AuditModel.PageSize, Sentences(first).Count);
        Assert.Equal("Unlocked the account busy@example.org (attempt 60).", Sentences(first)[0]);
        var next = first.Find(".pager a[rel=next]").GetAttribute("href")!;
        Assert.Contains("account=busy", next, StringComparison.Ordinal);
        var (_, second) = await session.GetAsync(next);
        Assert.Equal(10, Sentences(second).Count);
        Assert.Equal("Unlocked the account busy@example.org (attempt 1).", Sentences(second)[^1]);
        Assert.StartsWith("Page 2 of 2", second.Text(".pager p"), StringComparison.Ordinal);
        var (beyond, _) = await session.GetAsync("/review/audit?page=100000");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }
}
