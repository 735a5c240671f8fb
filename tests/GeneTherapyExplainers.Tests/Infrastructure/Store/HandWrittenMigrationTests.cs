using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

/// <summary>
/// SQLite stores made before the migrations were generated: by three hand-written migrations, whose SQL is kept in
/// Data/Fixtures/legacy-sqlite-schema.sql. The generated migrations take such a store over with every row intact.
/// </summary>
public sealed class HandWrittenMigrationTests(SqliteStore store) : IClassFixture<SqliteStore>
{
    private static readonly string LegacySql = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "GeneTherapyExplainers.Tests", "Data", "Fixtures", "legacy-sqlite-schema.sql"));

    /// <summary>A new store made by the first <paramref name="migrations"/> hand-written migrations, as the old site made it.</summary>
    private SqliteEditorialDbContext LegacyStore(int migrations = 3)
    {
        var parts = LegacySql.Split("BEGIN TRANSACTION;");
        var db = (SqliteEditorialDbContext)store.NewContext(store.NewDatabase());
        db.Database.ExecuteSqlRaw(string.Join("BEGIN TRANSACTION;", parts.Take(migrations + 1)));
        return db;
    }

    [Fact]
    public async Task AStoreFromTheHandWrittenMigrationsUpgradesWithEveryRowIntact()
    {
        await using var db = LegacyStore();
        db.Database.ExecuteSqlRaw("""
            INSERT INTO People (Key, Name, RoleTitles, Affiliations, Bio, Version) VALUES ('jane-doe', 'Jane Doe', '["Writer"]', '[]', 'Kept.', '00000000-0000-0000-0000-000000000001');
            INSERT INTO RelatedItems (Key, Kind, Title, Version) VALUES ('talk', 'VideoInterview', 'A talk', '00000000-0000-0000-0000-000000000002');
            INSERT INTO ExplainerRelated (ExplainerSlug, RelatedItemId, Position) VALUES ('x', 1, 0);
            INSERT INTO ExplainerSchedules (ExplainerSlug, CadenceMonths, FirstSeenOn) VALUES ('x', 3, '2026-06-28');
            INSERT INTO ReviewRecords (ExplainerSlug, Kind, ReviewedOn, ReviewerId, Notes, RecordedAt, RecordedBy) VALUES ('x', 'Medical', '2026-07-01', 1, 'Checked.', '2026-07-01 10:00:00+00:00', 'jane@example.org');
            INSERT INTO AspNetRoles (Id, Name, NormalizedName) VALUES ('r1', 'Reviewer', 'REVIEWER');
            INSERT INTO AspNetUsers (Id, PersonId, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('u1', 1, 'jane@example.org', 'JANE@EXAMPLE.ORG', 'jane@example.org', 'JANE@EXAMPLE.ORG', 1, 'hash', 'stamp', 0, 0, 1, 2);
            INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES ('u1', 'r1');
            INSERT INTO AuditEntries (At, Actor, EntityType, EntityKey, Action) VALUES ('2026-07-01 10:00:00+00:00', 'jane@example.org', 'ReviewRecord', 'x', 'Added');
            """);

        await StoreMigrations.MigrateAsync(db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        Assert.Subset(applied.ToHashSet(), StoreMigrations.HandWritten.Concat(db.Database.GetMigrations()).ToHashSet());
        var person = await db.People.SingleAsync();
        Assert.Equal(("jane-doe", "Kept.", new Guid("00000000-0000-0000-0000-000000000001")), (person.Key, person.Bio, person.Version));
        Assert.Equal(["Writer"], person.RoleTitles);
        Assert.Equal("A talk", (await db.ExplainerRelated.Include(l => l.RelatedItem).SingleAsync()).RelatedItem!.Title);
        Assert.Equal(new DateOnly(2026, 6, 28), (await db.ExplainerSchedules.SingleAsync()).FirstSeenOn);
        var review = await db.ReviewRecords.Include(r => r.Reviewer).SingleAsync();
        Assert.Equal(("Checked.", "Jane Doe"), (review.Notes, review.Reviewer!.Name));
        var user = await db.Users.SingleAsync();
        Assert.Equal(("jane@example.org", "hash", 2, 1), (user.Email, user.PasswordHash, user.AccessFailedCount, user.PersonId));
        Assert.Equal("r1", (await db.UserRoles.SingleAsync()).RoleId);
        Assert.Equal("Added", (await db.AuditEntries.SingleAsync()).Action);
        var delete = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM ReviewRecords"));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUpgradedStoreHasTheSameSchemaAsANewOne()
    {
        await using var legacy = LegacyStore();
        await StoreMigrations.MigrateAsync(legacy);
        await using var fresh = store.NewContext(store.NewDatabase());
        await StoreMigrations.MigrateAsync(fresh);
        await using var created = store.NewContext(store.NewDatabase());
        await created.Database.EnsureCreatedAsync();
        Assert.Equal(SqliteSchema.Of(fresh), SqliteSchema.Of(legacy));
        Assert.Equal(SqliteSchema.Of(created, withTriggers: false), SqliteSchema.Of(fresh, withTriggers: false));
    }

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        await using var db = LegacyStore();
        await StoreMigrations.MigrateAsync(db);
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        await StoreMigrations.MigrateAsync(db);
        Assert.Equal(applied, await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task AStoreThatStoppedPartWayThroughTheHandWrittenMigrationsIsRefusedWithAClearMessage()
    {
        await using var db = LegacyStore(migrations: 1);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StoreMigrations.MigrateAsync(db));
        Assert.Contains("stops at migration 20261122000100_PeopleAndRelatedItems", error.Message, StringComparison.Ordinal);
    }
}
