using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Infrastructure;

public sealed class EditorialCacheTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 22);
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly StoreChanges changes = new();
    private readonly EditorialCache cache;
    private int loads;

    public EditorialCacheTests()
    {
        cache = new EditorialCache(changes);
        connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    private SqliteEditorialDbContext NewContext() => new(new DbContextOptionsBuilder<SqliteEditorialDbContext>()
        .UseSqlite(connection)
        .AddInterceptors(new StoreChangeTags(changes))
        .Options) { Clock = TestClock.New() };

    private void SaveAPerson()
    {
        using var db = NewContext();
        db.People.Add(new Person { Key = "person-" + Guid.NewGuid().ToString("N"), Name = "A. Person" });
        db.SaveChanges();
    }

    private Task<ExplainerEditorial?> Load()
    {
        loads++;
        return Task.FromResult<ExplainerEditorial?>(new ExplainerEditorial(
            new Dictionary<ContributorRole, Person>(), [], new ReviewState(null, null, ReviewStatus.NeverReviewed), 3, []));
    }

    [Fact]
    public async Task AnExplainerIsReadFromTheStoreOnceUntilSomethingIsSaved()
    {
        await cache.GetAsync("long", Day, Load);
        await cache.GetAsync("long", Day, Load);
        Assert.Equal(1, loads);
        await cache.GetAsync("short", Day, Load);
        Assert.Equal(2, loads);

        SaveAPerson();
        await cache.GetAsync("long", Day, Load);
        await cache.GetAsync("short", Day, Load);
        Assert.Equal(4, loads);
        await cache.GetAsync("long", Day, Load);
        Assert.Equal(4, loads);
    }

    [Fact]
    public async Task ANewDayReadsAgainBecauseReviewStatusesMove()
    {
        await cache.GetAsync("long", Day, Load);
        await cache.GetAsync("long", Day.AddDays(1), Load);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task ASaveThatLandsWhileAPageIsReadIsNotMissed()
    {
        await cache.GetAsync("long", Day, () =>
        {
            SaveAPerson();
            return Load();
        });
        await cache.GetAsync("long", Day, Load);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task ACommittedTransactionCountsAsAChange()
    {
        await cache.GetAsync("long", Day, Load);
        using (var db = NewContext())
        {
            using var transaction = db.Database.BeginTransaction();
            db.Database.ExecuteSqlRaw("UPDATE ExplainerSchedules SET CadenceMonths = 6");
            transaction.Commit();
        }

        await cache.GetAsync("long", Day, Load);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task NothingIsKeptForAKeyThatFindsNothing()
    {
        Task<ExplainerEditorial?> Missing()
        {
            loads++;
            return Task.FromResult<ExplainerEditorial?>(null);
        }

        Assert.Null(await cache.GetAsync("person:no-such-person", Day, Missing));
        Assert.Null(await cache.GetAsync("person:no-such-person", Day, Missing));
        Assert.Equal(2, loads);
    }

    public void Dispose() => connection.Dispose();
}
