using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>
/// A first start with a large content folder adds its rows in bulk; what it stores (links, schedules, text versions and
/// audit entries) is exactly what the same explainers synced a few at a time store, on both providers.
/// </summary>
public abstract class ExplainerLinkSyncTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private const int Count = 150;
    private static readonly DateOnly Today = new(2026, 11, 30);
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<Explainer> Explainers(TempContent content)
    {
        content.Write(StoreSeeder.SeedPath, File.ReadAllText(Path.Combine(RepositoryPaths.Content, StoreSeeder.SeedPath)));
        for (var i = 0; i < Count; i++)
        {
            // Every third has no technical reviewer, every fifth names a person the store does not know.
            var technical = i % 3 == 0 ? "" : "\n  technical: achi-anagas";
            var author = i % 5 == 0 ? "nobody-known" : "ioannis-anagnostopoulos";
            content.Write($"explainers/page-{i:D3}.md", $"""
                ---
                title: Page {i}
                summary: A page among many.
                category: Testing
                published: 2026-0{1 + (i % 9)}-15
                author: {author}
                reviewers:
                  medical: georgios-anagas{technical}
                related: [feng-shank3-interview]
                sources:
                  - {"{"} title: One, publisher: NHS, url: "https://www.nhs.uk/" {"}"}
                  - {"{"} title: Two, publisher: NICE, url: "https://www.nice.org.uk/" {"}"}
                  - {"{"} title: Three, publisher: MedlinePlus, url: "https://medlineplus.gov/" {"}"}
                ---

                Text number {i}.
                """);
        }

        var catalog = new CatalogBuilder(content.Root).Build().Catalog;
        Assert.Equal(Count, catalog.All.Count);
        return catalog.All;
    }

    private async Task<EditorialDbContext> SeededStoreAsync(string contentRoot)
    {
        var db = store.NewContext(store.NewDatabase());
        await StoreMigrations.MigrateAsync(db);
        await StoreSeeder.SeedAsync(db, contentRoot, TestClock.New());
        return db;
    }

    /// <summary>The rows as the database holds them (not as the context tracks them: PostgreSQL keeps times to the microsecond).</summary>
    private static async Task<List<string>> RowsAsync(EditorialDbContext db)
    {
        db.ChangeTracker.Clear();
        var people = await db.People.ToDictionaryAsync(p => p.Id, p => p.Key);
        var items = await db.RelatedItems.ToDictionaryAsync(r => r.Id, r => r.Key);
        return
        [
            .. (await db.ExplainerContributors.ToListAsync()).Select(c => $"contributor {c.ExplainerSlug} {c.Role} {people[c.PersonId]}"),
            .. (await db.ExplainerRelated.ToListAsync()).Select(l => $"related {l.ExplainerSlug} {items[l.RelatedItemId]} {l.Position} {l.DetachedAt}"),
            .. (await db.ExplainerSchedules.Where(s => s.ExplainerSlug.StartsWith("page-")).ToListAsync()).Select(s => $"schedule {s.ExplainerSlug} {s.CadenceMonths} {s.FirstSeenOn}"),
            .. (await db.ContentVersions.ToListAsync()).Select(v => $"version {v.ExplainerSlug} {v.Number} {v.Fingerprint} {v.ChangedAt:O} {v.RecordedAt:O} {v.ChangeNote}"),
            .. (await db.AuditEntries.Where(a => a.Actor == "system:content").ToListAsync()).Select(a => $"audit {a.EntityType} {a.Action} {a.EntityKey} {a.Details}"),
        ];
    }

    [Fact]
    public async Task AFirstSyncInBulkStoresWhatSmallSyncsStore()
    {
        using var content = new TempContent();
        var explainers = Explainers(content);
        var firstDate = (Explainer e) => e.Published ?? Today;

        await using var bulk = await SeededStoreAsync(content.Root);
        var problems = await ExplainerLinkSync.SyncAsync(bulk, explainers, Today, firstDate);
        Assert.Equal(Count, await ContentVersionLog.RecordAsync(bulk, explainers, Now));

        await using var small = await SeededStoreAsync(content.Root);
        var smallProblems = new List<ContentProblem>();
        foreach (var chunk in explainers.Chunk(20))
        {
            smallProblems.AddRange(await ExplainerLinkSync.SyncAsync(small, chunk, Today, firstDate));
            await ContentVersionLog.RecordAsync(small, chunk, Now);
        }

        var expected = (await RowsAsync(small)).Order(StringComparer.Ordinal).ToList();
        var actual = (await RowsAsync(bulk)).Order(StringComparer.Ordinal).ToList();
        // Contributors (two or three each, less the unknown authors), links and schedules all came in bulk.
        Assert.True(BulkInsert.Above < Count * 3, "the first sync must be large enough to take the bulk path");
        Assert.Equal(Count, actual.Count(r => r.StartsWith("schedule ", StringComparison.Ordinal)));
        Assert.Contains("contributor page-001 TechnicalReviewer achi-anagas", actual);
        Assert.Contains($"schedule page-001 3 {new DateOnly(2026, 2, 15)}", actual);
        Assert.Equal(expected, actual);
        Assert.Equal(smallProblems.Select(p => $"{p.Path}:{p.Line} {p.Message}"), problems.Select(p => $"{p.Path}:{p.Line} {p.Message}"));
        Assert.Equal(Count / 5, problems.Count);
    }

    [Fact]
    public async Task TheFirstSyncOfANewStoreStoresWhatSavingTheSameExplainersStores()
    {
        using var content = new TempContent();
        var explainers = Explainers(content).Take(20).ToList();
        var firstDate = (Explainer e) => e.Published ?? Today;

        await using var bulk = await SeededStoreAsync(content.Root);
        var problems = await ExplainerLinkSync.SyncAsync(bulk, explainers, Today, firstDate, newStore: true);
        Assert.Equal(explainers.Count, await ContentVersionLog.RecordAsync(bulk, explainers, Now, newStore: true));
        await using var saved = await SeededStoreAsync(content.Root);
        var savedProblems = await ExplainerLinkSync.SyncAsync(saved, explainers, Today, firstDate);
        await ContentVersionLog.RecordAsync(saved, explainers, Now);

        Assert.True(explainers.Count * 3 < BulkInsert.Above, "without the bulk flag these few would be saved");
        var expected = await RowsAsync(saved);
        var actual = await RowsAsync(bulk);
        Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(actual.Order(StringComparer.Ordinal)), $"""
            Only when saved: {string.Join("\n", expected.Except(actual))}
            Only in bulk: {string.Join("\n", actual.Except(expected))}
            """);
        Assert.Equal(savedProblems.Select(p => $"{p.Path}:{p.Line} {p.Message}"), problems.Select(p => $"{p.Path}:{p.Line} {p.Message}"));
    }
}

public sealed class SqliteExplainerLinkSyncTests(SqliteStore store) : ExplainerLinkSyncTests<SqliteStore>(store);

public sealed class PostgresExplainerLinkSyncTests(PostgresStore store) : ExplainerLinkSyncTests<PostgresStore>(store);
