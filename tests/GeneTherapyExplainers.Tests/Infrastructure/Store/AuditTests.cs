using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

/// <summary>
/// The audit trail is written by an interceptor, not by the store's own context: every context opened through
/// <see cref="StoreProviders"/> (the site's, the commands', the tests') carries it.
/// </summary>
public sealed class AuditTests(SqliteStore store) : IClassFixture<SqliteStore>
{
    private async Task<EditorialDbContext> NewStoreAsync()
    {
        var db = store.NewContext(store.NewDatabase());
        await StoreMigrations.MigrateAsync(db);
        return db;
    }

    [Fact]
    public async Task ASaveThroughAContextOpenedByStoreProvidersWritesWhoChangedWhatAndWhen()
    {
        await using var db = await NewStoreAsync();
        db.Actor = "jane@example.org";
        var person = db.People.Add(new Person { Key = "jane-doe", Name = "Jane Doe" }).Entity;
        await db.SaveChangesAsync();
        person.Name = "Jane Q. Doe";
        db.SaveChanges();

        var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Added jane-doe", "Changed jane-doe"], entries.Select(e => $"{e.Action} {e.EntityKey}"));
        Assert.All(entries, e => Assert.Equal("jane@example.org", e.Actor));
        Assert.All(entries, e => Assert.Equal(TestClock.Today, DateOnly.FromDateTime(e.At.UtcDateTime)));
        Assert.Equal("Name: “Jane Doe” → “Jane Q. Doe”", entries[1].Details);
    }

    [Fact]
    public async Task AReviewRecordCannotBeChangedOnceSaved()
    {
        await using var db = await NewStoreAsync();
        var review = db.ReviewRecords.Add(new ReviewRecord { ExplainerSlug = "x", ReviewedOn = TestClock.Today, RecordedBy = "test", RecordedAt = TestClock.Now }).Entity;
        await db.SaveChangesAsync();

        review.Notes = "rewritten";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("corrects an earlier one", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AContextThatDoesNotRecordAuditWritesNoEntries()
    {
        await using var db = await NewStoreAsync();
        db.RecordsAudit = false;
        db.People.Add(new Person { Key = "copied", Name = "Copied Person" });
        await db.SaveChangesAsync();

        Assert.Empty(await db.AuditEntries.ToListAsync());
    }
}
