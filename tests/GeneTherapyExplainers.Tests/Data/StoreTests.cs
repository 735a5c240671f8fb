using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Data;

/// <summary>Seeding, restarts and front-matter links, on both providers.</summary>
public abstract class StoreTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private const string Long = "/explainers/gene-therapy-explained";

    private static async Task<string> SnapshotAsync(SiteFactory site)
    {
        var text = "";
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            var people = await db.People.OrderBy(p => p.Key).Select(p => $"{p.Key}|{p.Name}|{p.Bio}|{p.Version}").ToListAsync();
            var items = await db.RelatedItems.OrderBy(r => r.Key).Select(r => $"{r.Key}|{r.Title}|{r.Url}|{r.Version}").ToListAsync();
            var reviews = await db.ReviewRecords.OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.ExplainerSlug}|{r.ReviewedOn}").ToListAsync();
            var links = await db.ExplainerRelated.OrderBy(l => l.ExplainerSlug).ThenBy(l => l.RelatedItemId).Select(l => $"{l.ExplainerSlug}|{l.RelatedItemId}").ToListAsync();
            var contributors = await db.ExplainerContributors.OrderBy(c => c.ExplainerSlug).Select(c => $"{c.ExplainerSlug}|{c.Role}|{c.PersonId}").ToListAsync();
            text = string.Join("\n", people.Concat(items).Concat(reviews).Concat(links).Concat(contributors));
        });
        return text;
    }

    [Fact]
    public async Task SeedingTwiceChangesNothing()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Store = store.NewSiteSettings() };
        _ = site.Server;
        var before = await SnapshotAsync(site);
        var added = -1;
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            added = await StoreSeeder.SeedAsync(db, RepositoryPaths.Content, TestClock.New());
            await ExplainerLinkSync.SyncAsync(db, services.GetRequiredService<GeneTherapyExplainers.Web.Infrastructure.ContentCatalogProvider>().Current.All, new DateOnly(2026, 11, 22));
        });
        Assert.Equal(0, added);
        Assert.Equal(before, await SnapshotAsync(site));
        Assert.Contains("georgios-anagas", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedRecordSurvivesARestart()
    {
        string dataRoot;
        var shared = store.NewSiteSettings();
        using (var first = new SiteFactory(RepositoryPaths.Content) { Store = shared, KeepData = true })
        {
            dataRoot = first.DataRoot;
            await first.WithScopeAsync(async services =>
            {
                var db = services.GetRequiredService<EditorialDbContext>();
                var person = await db.People.SingleAsync(p => p.Key == "georgios-anagas");
                person.Bio = "A bio changed on the site.";
                var item = await db.RelatedItems.SingleAsync(r => r.Key == "feng-shank3-interview");
                item.Url = "https://video.example.org/feng";
                var link = await db.ExplainerRelated.SingleAsync(l => l.ExplainerSlug == "gene-therapy-explained" && l.RelatedItem!.Key == "kolevzon-shank3-interview");
                link.DetachedAt = TestClock.Now;
                await db.SaveChangesAsync();
            });
        }

        using var second = new SiteFactory(RepositoryPaths.Content, dataRoot: dataRoot) { Store = shared };
        var (_, profile) = await second.GetPageAsync("/people/georgios-anagas");
        Assert.Equal("A bio changed on the site.", profile.Text(".bio"));
        var (_, page) = await second.GetPageAsync(Long);
        var cards = page.QuerySelectorAll(".related-item");
        var feng = Assert.Single(cards);
        Assert.Equal("https://video.example.org/feng", feng.QuerySelector("a[href^='https://video']")!.GetAttribute("href"));
        Assert.Contains("Watch the interview", feng.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPersonOrRelatedKeyIsReportedWithFileAndLineAndThePageStillRenders()
    {
        using var content = new TempContent(withTestContent: true);
        content.Write("explainers/orphan.md", "---\ntitle: Orphan\nsummary: S.\ncategory: C\nauthor: nobody-at-all\nrelated: [feng-shank3-interview, no-such-interview]\n---\n\nText.\n");
        using var site = new SiteFactory(content.Root) { Store = store.NewSiteSettings() };
        var (response, page) = await site.GetPageAsync("/explainers/orphan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(page.QuerySelector(".byline"));
        Assert.Single(page.QuerySelectorAll(".related-item"));
        var problems = site.Services.GetRequiredService<StoreProblems>().Current;
        Assert.Contains(problems, p => p.Path == "explainers/orphan.md" && p.Line == 5 && p.Message.Contains("'nobody-at-all'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "explainers/orphan.md" && p.Line == 6 && p.Message.Contains("'no-such-interview'", StringComparison.Ordinal));
    }
}

public sealed class StoreTests(SqliteStore store) : StoreTests<SqliteStore>(store);

public sealed class PostgresStoreTests(PostgresStore store) : StoreTests<PostgresStore>(store);
