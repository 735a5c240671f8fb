using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using GeneTherapyExplainers.Web.Pages.Feedback;

namespace GeneTherapyExplainers.Tests.Pages.Feedback;

public class FeedbackRetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FeedbackIsDeletedTheConfiguredTimeAfterItWasHandledAndWaitingReportsAreKept()
    {
        var clock = new FakeTimeProvider(Start);
        using var site = new SiteFactory(RepositoryPaths.Content)
        {
            Clock = clock,
            Settings = { ["Feedback:KeepFor"] = "30.00:00:00", ["Feedback:RetentionCheckEvery"] = "01:00:00", ["Digest:Enabled"] = "false" },
        };
        _ = site.Services; // start the site, and with it the retention job's first run
        var now = Start.UtcDateTime;
        ReaderFeedback Entry(string note, bool report, string? comment, DateTime received, DateTime? handled = null) => new()
        {
            Page = FeedbackPage.Explainers, PageKey = "mrna-technology", IsReport = report, Comment = comment, Helpful = comment is null ? true : null,
            ReceivedAt = received, HandledAt = handled, HandledBy = handled is null ? null : "georgios@example.org", HandledNote = handled is null ? null : note,
        };
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            db.ReaderFeedback.AddRange(
                Entry("handled long ago", true, "old report", now.AddDays(-90), now.AddDays(-31)),
                Entry("handled lately", true, "recent report", now.AddDays(-90), now.AddDays(-5)),
                Entry("waiting", true, "a report nobody handled yet", now.AddDays(-200)),
                Entry("old answer", false, null, now.AddDays(-31)),
                Entry("new answer", false, null, now.AddDays(-5)));
            await db.SaveChangesAsync();
        });

        async Task<List<string>> Left() => await WithDbAsync(site, db => db.ReaderFeedback.OrderBy(f => f.Id)
            .Select(f => f.Comment ?? "answer").ToListAsync());

        // The job runs every hour on the site's clock: moving the clock an hour at a time runs it, however soon it
        // started waiting.
        var audit = await Eventually.Until(
            () =>
            {
                clock.Advance(TimeSpan.FromHours(1));
                return WithDbAsync(site, db => db.AuditEntries.Where(a => a.Actor == "system:retention").ToListAsync());
            },
            a => a.Count > 0);
        Assert.Equal(["recent report", "a report nobody handled yet", "answer"], await Left());
        Assert.Equal("Removed", Assert.Single(audit).Action);
        Assert.StartsWith("2 entries deleted", audit[0].Details, StringComparison.Ordinal);

        // Nothing else is due until more time passes; then the lately handled report goes too.
        var retention = site.Services.GetRequiredService<FeedbackRetention>();
        Assert.Equal(0, await retention.RunOnceAsync());
        clock.Advance(TimeSpan.FromDays(26));
        Assert.Equal(["a report nobody handled yet"], await Eventually.Until(
            () =>
            {
                clock.Advance(TimeSpan.FromHours(1));
                return Left();
            },
            l => l.Count == 1));
    }

    private static async Task<T> WithDbAsync<T>(SiteFactory site, Func<EditorialDbContext, Task<T>> action)
    {
        using var scope = site.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<EditorialDbContext>());
    }
}
