using System.Data.Common;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Data;

/// <summary>The generated migrations of each provider: complete, applied cleanly, and guarding the review history.</summary>
public abstract class MigrationTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    /// <summary>A context that is never opened: enough for everything about the model and the migrations.</summary>
    private EditorialDbContext Unopened() => StoreProviders.CreateContext(store.Provider,
        store.Provider == StoreProvider.Sqlite ? "Data Source=unopened.db" : "Host=unopened.invalid;Database=unopened");

    [Fact]
    public void TheModelHasNoChangeThatLacksAMigration()
    {
        using var db = Unopened();
        Assert.False(db.Database.HasPendingModelChanges(), $"Add a migration for {store.Provider}: see docs/operating.md.");
    }

    [Fact]
    public void EveryMigrationBelongsToThisProvidersOwnSet()
    {
        using var db = Unopened();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.EndsWith("_InitialSchema", migrations[0], StringComparison.Ordinal);
        var folder = store.Provider == StoreProvider.Sqlite ? ".Migrations.Sqlite" : ".Migrations.PostgreSQL";
        var types = typeof(EditorialDbContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration)))
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute), false)
                .Cast<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>().Single().ContextType == db.GetType())
            .ToList();
        Assert.Equal(migrations.Count, types.Count);
        Assert.All(types, t => Assert.EndsWith(folder, t.Namespace, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEmptyDatabaseMigratesAndThenRefusesToChangeOrDeleteAReview()
    {
        await using var db = store.NewContext(store.NewDatabase());
        await StoreMigrations.MigrateAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var person = new Person { Key = "jane-doe", Name = "Jane Doe", RoleTitles = ["Writer"] };
        db.People.Add(person);
        db.ReviewRecords.Add(new() { ExplainerSlug = "x", ReviewedOn = new DateOnly(2026, 1, 1), RecordedBy = "test", Reviewer = person, RecordedAt = TestClock.Now });
        await db.SaveChangesAsync();

        db.ChangeTracker.Clear();
        var update = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"ReviewRecords\" SET \"Notes\" = 'rewritten'"));
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"ReviewRecords\""));
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("x", (await db.ReviewRecords.SingleAsync()).ExplainerSlug);
        Assert.Equal(["Writer"], (await db.People.SingleAsync()).RoleTitles);
    }

    [Fact]
    public async Task ARecordSavedWithAnOutdatedVersionIsRefused()
    {
        var connection = store.NewDatabase();
        await using (var setup = store.NewContext(connection))
        {
            await StoreMigrations.MigrateAsync(setup);
            setup.People.Add(new Person { Key = "jane-doe", Name = "Jane Doe" });
            await setup.SaveChangesAsync();
        }

        await using var first = store.NewContext(connection);
        await using var second = store.NewContext(connection);
        var mine = await first.People.SingleAsync();
        var theirs = await second.People.SingleAsync();
        mine.Bio = "First.";
        mine.Version = Guid.NewGuid();
        await first.SaveChangesAsync();
        theirs.Bio = "Second.";
        theirs.Version = Guid.NewGuid();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }
}

public sealed class SqliteMigrationTests(SqliteStore store) : MigrationTests<SqliteStore>(store);

public sealed class PostgresMigrationTests(PostgresStore store) : MigrationTests<PostgresStore>(store);
