using System.Text.RegularExpressions;
using AngleSharp.Dom;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GeneTherapyExplainers.Tests.Pages.About;

/// <summary>
/// Every sentence the site says about its own reviews, on every page a reader can reach, checked against the data:
/// a site with no review at all, and one with some reviewed, one of them overdue.
/// </summary>
public sealed partial class SelfClaimsTests
{
    /// <summary>After the seeded review of gene-therapy-explained (28 June 2026, quarterly) fell due on 28 September.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] SitePages = ["/", "/about", "/contact", "/accessibility", "/privacy", "/editorial-standards", "/explainers", "/glossary"];

    [Fact]
    public async Task WithNoReviewedExplainerNoPageSaysThatExplainersAreChecked()
    {
        using var content = new TempContent(withTestContent: true);
        var seed = Path.Combine(content.Root, "seed", "store.yml");
        var text = File.ReadAllText(seed);
        File.WriteAllText(seed, text[..text.IndexOf("\nreviews:", StringComparison.Ordinal)] + "\n");
        using var site = new SiteFactory(content.Root) { Clock = new FakeTimeProvider(Today) };
        var published = ContentLoader.Load(content.Root).Published;

        foreach (var (url, doc) in await PagesAsync(site, published.Select(e => "/explainers/" + e.Slug)))
        {
            var claims = Affirmations(doc, url);
            Assert.True(claims.Count == 0, string.Join('\n', claims));
            Assert.Null(doc.QuerySelector("[data-count=reviewed]"));
        }

        // The reviewers named in front matter have not reviewed yet, and the page says so; its data names no reviewer.
        var (_, named) = await site.GetPageAsync("/explainers/gene-therapy-explained");
        Assert.Equal(2, named.QuerySelectorAll(".byline .pending").Length);
        using var data = System.Text.Json.JsonDocument.Parse(named.Find("script[type='application/ld+json']").TextContent);
        Assert.True(!data.RootElement.TryGetProperty("reviewedBy", out var by) || by.ValueKind == System.Text.Json.JsonValueKind.Null);

        var (_, home) = await site.GetPageAsync("/");
        Assert.StartsWith("None of our", home.Text(".review-coverage"), StringComparison.Ordinal);
        Assert.Equal(published.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), home.Text(".review-coverage [data-count=published]"));
        foreach (var explainer in published)
        {
            var (_, doc) = await site.GetPageAsync("/explainers/" + explainer.Slug);
            Assert.StartsWith("No reviewer has checked this page yet.", doc.Text(".review-notice"), StringComparison.Ordinal);
            Assert.Contains("doctor or care team", doc.Text(".review-notice"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task WithSomeReviewedEveryCountMatchesTheDataAndOverduePagesSaySo()
    {
        using var content = new TempContent(withTestContent: true);
        using var site = new SiteFactory(content.Root) { Clock = new FakeTimeProvider(Today) };
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            db.ReviewRecords.Add(new()
            {
                ExplainerSlug = "monoclonal-antibodies", Kind = ReviewKind.Medical, ReviewedOn = DateOnly.FromDateTime(Today.UtcDateTime),
                Reviewer = db.People.Single(p => p.Key == "achi-anagas"), RecordedAt = Today, RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        });
        var published = ContentLoader.Load(content.Root).Published;
        var (reviewed, overdue) = (new[] { "gene-therapy-explained", "monoclonal-antibodies" }, new[] { "gene-therapy-explained" });

        foreach (var (url, doc) in await PagesAsync(site, published.Select(e => "/explainers/" + e.Slug)))
        {
            var claims = Affirmations(doc, url);
            Assert.True(claims.Count == 0, string.Join('\n', claims));
            foreach (var coverage in doc.QuerySelectorAll(".review-coverage"))
            {
                Assert.Equal(reviewed.Length, Count(coverage, "reviewed"));
                Assert.Equal(published.Count, Count(coverage, "published"));
                Assert.Equal(overdue.Length, Count(coverage, "overdue"));
                Assert.Equal(published.Count - reviewed.Length, Count(coverage, "not-reviewed"));
                var names = coverage.QuerySelectorAll("a[href^='/people/']").Select(a => a.TextContent).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(["Achi Anagas", "Georgios Anagas"], names);
                Assert.DoesNotMatch(@"[a-z]\.[A-Z0-9]", Words(coverage.TextContent));
            }
        }

        // The medical review is on record, the technical one is not.
        var (_, named) = await site.GetPageAsync("/explainers/gene-therapy-explained");
        Assert.Equal(["Technical review by Achi Anagas (not done yet)"], named.QuerySelectorAll(".byline > span").Where(s => s.QuerySelector(".pending") is not null).Select(s => Words(s.TextContent)));

        var (_, standards) = await site.GetPageAsync("/editorial-standards");
        Assert.Equal(overdue.Select(s => "/explainers/" + s), standards.QuerySelectorAll(".overdue-list a").Select(a => a.GetAttribute("href")));
        foreach (var explainer in published)
        {
            var (_, doc) = await site.GetPageAsync("/explainers/" + explainer.Slug);
            var notice = doc.QuerySelector(".review-notice")?.TextContent.Trim();
            if (overdue.Contains(explainer.Slug))
            {
                Assert.StartsWith("This page is overdue for review. It was last checked on 28 June 2026, and its next check was due on 28 September 2026.", Words(notice!), StringComparison.Ordinal);
            }
            else if (reviewed.Contains(explainer.Slug))
            {
                Assert.Null(notice);
            }
            else
            {
                Assert.StartsWith("No reviewer has checked this page yet.", notice, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WithEveryExplainerReviewedAndUpToDateThePagesSaySoAndNoPageCarriesANotice()
    {
        using var content = new TempContent(withTestContent: true);
        using var site = new SiteFactory(content.Root) { Clock = new FakeTimeProvider(Today) };
        var published = ContentLoader.Load(content.Root).Published;
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            var reviewer = db.People.Single(p => p.Key == "georgios-anagas");
            foreach (var explainer in published)
            {
                db.ReviewRecords.Add(new()
                {
                    ExplainerSlug = explainer.Slug, Kind = ReviewKind.Medical, ReviewedOn = DateOnly.FromDateTime(Today.UtcDateTime).AddDays(-7),
                    Reviewer = reviewer, RecordedAt = Today, RecordedBy = "test",
                });
            }

            await db.SaveChangesAsync();
        });

        var (_, home) = await site.GetPageAsync("/");
        Assert.Equal($"All {published.Count} of our explainers have been checked by a named reviewer.", Words(home.Find(".review-coverage p").TextContent));
        Assert.Null(home.QuerySelector("[data-count=overdue]"));
        foreach (var explainer in published)
        {
            var (_, doc) = await site.GetPageAsync("/explainers/" + explainer.Slug);
            Assert.Null(doc.QuerySelector(".review-notice"));
        }
    }

    private static async Task<List<(string Url, IDocument Document)>> PagesAsync(SiteFactory site, IEnumerable<string> explainers)
    {
        var pages = new List<(string, IDocument)>();
        foreach (var url in SitePages.Concat(explainers))
        {
            var (response, doc) = await site.GetPageAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
            pages.Add((url, doc));
        }

        return pages;
    }

    private static int Count(IElement coverage, string name) =>
        int.Parse(coverage.QuerySelector($"[data-count={name}]")?.TextContent ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Sentences in the site's own voice (not an explainer's text, a summary or a definition) that say, without any
    /// condition or negation, that pages are checked or reviewed.
    /// </summary>
    private static List<string> Affirmations(IDocument doc, string url)
    {
        foreach (var borrowed in doc.QuerySelectorAll(".body, .key-points, .key-terms, .summary, .related, .sources, .infographic, .bio, .card p:not(.meta), main dl dd"))
        {
            borrowed.Remove();
        }

        // An explainer's description is its summary, the explainer's own words; every other page describes the site.
        var description = url.StartsWith("/explainers/", StringComparison.Ordinal) ? "" : doc.QuerySelector("meta[name=description]")?.GetAttribute("content");
        var text = Words($"{description} {doc.QuerySelector("main")?.TextContent} {doc.QuerySelector("footer")?.TextContent}");
        return [.. Sentence().Split(text)
            .Where(s => ReviewWord().IsMatch(s) && !Hedge().IsMatch(s))
            .Select(s => $"{url}: {s}")];
    }

    private static string Words(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(checked|reviewed|verified)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReviewWord();

    /// <summary>What makes a sentence about checking true whatever the data: it is counted, conditional or negative.</summary>
    [GeneratedRegex(@"\b(not|no|none|nobody|never|until|when|whether|once|if|how|overdue|due)\b|\d", RegexOptions.IgnoreCase)]
    private static partial Regex Hedge();
}
