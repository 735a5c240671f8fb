using System.Text.Json;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

/// <summary>A store made by this start is seeded in bulk, and holds exactly what seeding by saves stores.</summary>
public abstract class SeedingTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    [Fact]
    public async Task ANewStoreSeededInBulkHoldsWhatSeedingRowByRowStores()
    {
        var seed = await StoreSeeder.ReadAsync(RepositoryPaths.Content);
        Assert.NotNull(seed);
        Assert.NotEmpty(seed.People);
        Assert.Contains(seed.Related, r => r.Guests.Count > 0 || r.Host is not null);
        Assert.NotEmpty(seed.Reviews);

        var bulk = await SeededAsync(seed, storeIsNew: true);
        var saved = await SeededAsync(seed, storeIsNew: false);
        Assert.Equal(saved.Added, bulk.Added);
        Assert.True(saved.Rows.SequenceEqual(bulk.Rows), $"""
            Only when saved: {string.Join("\n", saved.Rows.Except(bulk.Rows))}
            Only in bulk: {string.Join("\n", bulk.Rows.Except(saved.Rows))}
            """);
    }

    private async Task<(int Added, List<string> Rows)> SeededAsync(StoreSeeder.SeedFile seed, bool storeIsNew)
    {
        var clock = new FakeTimeProvider(TestClock.Now);
        await using var db = store.NewContext(store.NewDatabase(), clock);
        await StoreMigrations.MigrateAsync(db);
        var added = storeIsNew ? await NewStoreSeed.SeedAsync(db, seed, clock) : await StoreSeeder.SeedAsync(db, seed, clock);
        return (added, await RowsAsync(db));
    }

    /// <summary>Every seeded row as text, people and items named by key rather than by the number the database gave them.</summary>
    private static async Task<List<string>> RowsAsync(EditorialDbContext db)
    {
        var people = await db.People.AsNoTracking().ToListAsync();
        var items = await db.RelatedItems.AsNoTracking().Include(r => r.People).ToListAsync();
        var key = people.ToDictionary(p => p.Id, p => p.Key);
        var item = items.ToDictionary(r => r.Id, r => r.Key);
        var rows = new List<string>();
        rows.AddRange(people.Select(p => Text("person", new { p.Key, p.Name, p.Honorific, p.RoleTitles, p.Credentials, p.Affiliations, p.Bio, p.SourcePage })));
        rows.AddRange(items.Select(r => Text("item", new
        {
            r.Key, r.Kind, r.Title, r.Series, r.Source, r.Summary, r.Url, r.SourcePage,
            People = r.People.Select(x => $"{x.Role} {key[x.PersonId]}").Order(StringComparer.Ordinal),
        })));
        rows.AddRange((await db.ExplainerSchedules.AsNoTracking().ToListAsync()).Select(s => Text("schedule", s)));
        rows.AddRange((await db.ReviewRecords.AsNoTracking().ToListAsync()).Select(r => Text("review", new
        {
            r.ExplainerSlug, r.Kind, r.ReviewedOn, Reviewer = r.ReviewerId is { } id ? key[id] : null, r.Notes, r.SourcesChecked,
            r.RecordedAt, r.RecordedBy, r.CorrectsId, r.SourcePage, r.SubmissionId, r.ContentFingerprint,
        })));
        // Audit keys name people and items by number: the same numbers, given in the same order, in both stores.
        rows.AddRange((await db.AuditEntries.AsNoTracking().ToListAsync()).Select(a => Text("audit", new { a.At, a.Actor, a.EntityType, a.EntityKey, a.Action, a.Details })));
        Assert.Equal(people.Count, key.Count);
        Assert.Equal(items.Count, item.Count);
        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static string Text(string kind, object row) => $"{kind} {JsonSerializer.Serialize(row)}";
}

public sealed class SqliteSeedingTests(SqliteStore store) : SeedingTests<SqliteStore>(store);

public sealed class PostgresSeedingTests(PostgresStore store) : SeedingTests<PostgresStore>(store);
