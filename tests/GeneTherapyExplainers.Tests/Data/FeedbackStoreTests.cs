using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using GeneTherapyExplainers.Web.Pages.Feedback;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Data;

/// <summary>Reader feedback in the store, on each provider: times in UTC compared in the database, and one handling at a time.</summary>
public abstract class FeedbackStoreTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    private async Task<string> NewStoreAsync(params ReaderFeedback[] entries)
    {
        var connection = store.NewDatabase();
        await using var db = store.NewContext(connection);
        await StoreMigrations.MigrateAsync(db);
        db.ReaderFeedback.AddRange(entries);
        await db.SaveChangesAsync();
        return connection;
    }

    private static ReaderFeedback Answer(string key, bool helpful, DateTime at) =>
        new() { Page = FeedbackPage.Explainers, PageKey = key, Helpful = helpful, ReceivedAt = at };

    [Fact]
    public async Task AnswersAreCountedOverThePeriodInTheDatabaseAndComeBackAsUtc()
    {
        var connection = await NewStoreAsync(
            Answer("a", true, Now.AddDays(-1)),
            Answer("a", false, Now.AddDays(-29).AddMinutes(1)),
            Answer("a", true, Now.AddDays(-31)),
            Answer("b", false, Now.AddHours(-2)),
            Answer("b", false, Now.AddHours(-1)),
            Answer("b", false, Now.AddMinutes(-1)));
        await using var db = store.NewContext(connection);
        var summaries = await new FeedbackWorkspace(db).SummariesAsync(Now.AddDays(-30));

        var a = summaries[(FeedbackPage.Explainers, "a")];
        Assert.Equal((1, 1), (a.Yes, a.No));
        var b = summaries[(FeedbackPage.Explainers, "b")];
        Assert.Equal((0, 3, 3), (b.Yes, b.No, b.NoRun));
        Assert.Equal(["b"], FeedbackWorkspace.ReviewRequested(summaries.Values, 3).Select(s => s.Key));
        Assert.All(await db.ReaderFeedback.ToListAsync(), f => Assert.Equal(DateTimeKind.Utc, f.ReceivedAt.Kind));
    }

    [Fact]
    public async Task WhenTwoReviewersHandleOneReportAtOnceTheSecondSaveIsRefused()
    {
        var connection = await NewStoreAsync(new ReaderFeedback { Page = FeedbackPage.Glossary, PageKey = "aav", IsReport = true, Comment = "Wrong.", ReceivedAt = Now });
        await using var first = store.NewContext(connection);
        await using var second = store.NewContext(connection);
        var mine = await first.ReaderFeedback.SingleAsync();
        var theirs = await second.ReaderFeedback.SingleAsync();
        (mine.HandledAt, mine.HandledBy, mine.HandledNote) = (Now, "a@example.org", "Fixed.");
        await first.SaveChangesAsync();
        (theirs.HandledAt, theirs.HandledBy, theirs.HandledNote) = (Now.AddSeconds(1), "b@example.org", "Also fixed.");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = store.NewContext(connection);
        Assert.Equal("a@example.org", (await check.ReaderFeedback.SingleAsync()).HandledBy);
    }
}

public sealed class SqliteFeedbackStoreTests(SqliteStore store) : FeedbackStoreTests<SqliteStore>(store);

public sealed class PostgresFeedbackStoreTests(PostgresStore store) : FeedbackStoreTests<PostgresStore>(store);
