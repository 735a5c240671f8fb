using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Commands;

/// <summary>Moving a store from SQLite to PostgreSQL with <c>store copy</c>: every row, and a site that carries on.</summary>
public sealed class StoreCopyTests(SqliteStore sqlite, PostgresStore postgres) : IClassFixture<SqliteStore>, IClassFixture<PostgresStore>
{
    private static readonly string Today = TestClock.TodayIso;

    private static async Task<(int Code, string Output, string Error)> CopyAsync(string from, string to)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await StoreCommand.RunAsync(["store", "copy", "--from", from, "--to", to], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Every row of the tables a copy must keep, as text, in key order.</summary>
    private static async Task<string> EverythingAsync(EditorialDbContext db) => string.Join("\n",
        (await db.People.OrderBy(p => p.Id).ToListAsync()).Select(p => $"person {p.Id} {p.Key} {p.Name} {string.Join("|", p.RoleTitles)} {p.Bio} {p.Version}")
        .Concat((await db.RelatedItems.OrderBy(r => r.Id).ToListAsync()).Select(r => $"item {r.Id} {r.Key} {r.Kind} {r.Url} {r.Version}"))
        .Concat((await db.ExplainerRelated.OrderBy(l => l.ExplainerSlug).ThenBy(l => l.RelatedItemId).ToListAsync()).Select(l => $"link {l.ExplainerSlug} {l.RelatedItemId} {l.Position} {l.DetachedAt?.ToUnixTimeMilliseconds()}"))
        .Concat((await db.ReviewRecords.OrderBy(r => r.Id).ToListAsync()).Select(r => $"review {r.Id} {r.ExplainerSlug} {r.Kind} {r.ReviewedOn} {r.ReviewerId} {r.Notes} {r.CorrectsId} {r.RecordedAt.ToUnixTimeMilliseconds()} {r.RecordedBy}"))
        .Concat((await db.ExplainerSchedules.OrderBy(s => s.ExplainerSlug).ToListAsync()).Select(s => $"schedule {s.ExplainerSlug} {s.CadenceMonths} {s.FirstSeenOn}"))
        .Concat((await db.Users.OrderBy(u => u.Id).ToListAsync()).Select(u => $"user {u.Id} {u.Email} {u.PasswordHash} {u.SecurityStamp} {u.PersonId} {u.AccessFailedCount}"))
        .Concat((await db.UserRoles.OrderBy(r => r.UserId).ToListAsync()).Select(r => $"user-role {r.UserId} {r.RoleId}"))
        .Concat((await db.Roles.OrderBy(r => r.Id).ToListAsync()).Select(r => $"role {r.Id} {r.Name}"))
        .Concat((await db.AuditEntries.OrderBy(a => a.Id).ToListAsync()).Select(a => $"audit {a.Id} {a.At.ToUnixTimeMilliseconds()} {a.Actor} {a.EntityType} {a.EntityKey} {a.Action} {a.Details}"))
        .Concat((await db.DataProtectionKeys.OrderBy(k => k.Id).ToListAsync()).Select(k => $"key {k.Id} {k.FriendlyName} {k.Xml}"))
        .Concat((await db.ReaderFeedback.OrderBy(f => f.Id).ToListAsync()).Select(f => $"feedback {f.Id} {f.Page} {f.PageKey} {f.Helpful} {f.IsReport} {f.Comment} {f.ReceivedAt.Ticks / 10} {f.HandledAt?.Ticks / 10} {f.HandledBy} {f.HandledNote} {f.HandledReviewId}"))
        .Concat((await db.DigestDeliveries.OrderBy(d => d.Id).ToListAsync()).Select(d => $"digest {d.Id} {d.UserId} {d.PeriodStart.Ticks / 10} {d.ClaimedAt.Ticks / 10} {d.SentAt?.Ticks / 10} {d.Channel}")));

    [Fact]
    public async Task EveryRowMovesFromSqliteToPostgreSqlAndTheSiteCarriesOnThere()
    {
        var from = sqlite.NewDatabase();
        var cookies = new CookieContainer();
        using (var before = new SiteFactory(RepositoryPaths.Content) { Settings = sqlite.SiteSettings(from) })
        {
            await before.AddUserAsync("mover@example.org", "Reviewer", Session.Password, "georgios-anagas");
            using var session = before.NewSession(cookies);
            await session.SignInAsync("mover@example.org");
            await session.SubmitAsync("/review/explainers/gene-therapy-explained", new Dictionary<string, string> { ["Input.Kind"] = "1", ["Input.ReviewedOn"] = Today, ["Input.Notes"] = "Before the move." });
            await session.SubmitAsync("/review/people/achi-anagas", new Dictionary<string, string> { ["Input.Bio"] = "Changed before the move." });
            using var reader = before.NewSession();
            await reader.SubmitAsync("/feedback/explainers/gene-therapy-explained", new Dictionary<string, string> { ["Input.Helpful"] = "no", ["Input.Report"] = "true", ["Input.Comment"] = "A report before the move." });
            await session.SubmitAsync("/review/feedback/1", new Dictionary<string, string> { ["Input.Note"] = "Handled before the move." });
            using var notify = new StringWriter();
            await new NotifyCommand(before.Services, notify, notify).RunAsync(["notify"]);
        }

        var to = postgres.NewDatabase();
        var (code, output, error) = await CopyAsync(from, to);
        Assert.True(code == 0, error);
        Assert.Contains("ReviewRecords", output, StringComparison.Ordinal);
        await using (var source = sqlite.NewContext(from))
        await using (var target = postgres.NewContext(to))
        {
            var everything = await EverythingAsync(source);
            Assert.Contains("Before the move.", everything, StringComparison.Ordinal);
            Assert.Contains("audit ", everything, StringComparison.Ordinal);
            Assert.Contains("key ", everything, StringComparison.Ordinal);
            Assert.Contains("Handled before the move.", everything, StringComparison.Ordinal);
            Assert.Contains("digest ", everything, StringComparison.Ordinal);
            Assert.Equal(everything, await EverythingAsync(target));
        }

        using var after = new SiteFactory(RepositoryPaths.Content) { Settings = postgres.SiteSettings(to) };
        using var again = after.NewSession(cookies);
        var (dashboard, _) = await again.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode); // the session from before the move is still good
        var (saved, _) = await again.SubmitAsync("/review/explainers/gene-therapy-explained", new Dictionary<string, string> { ["Input.Kind"] = "0", ["Input.ReviewedOn"] = Today, ["Input.Notes"] = "After the move." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode); // new rows get new ids after the copied ones
        var (_, page) = await after.GetPageAsync("/explainers/gene-therapy-explained");
        Assert.Contains("Before the move.", page.Text(".review-history"), StringComparison.Ordinal);
        Assert.Contains("After the move.", page.Text(".review-history"), StringComparison.Ordinal);
        using var fresh = after.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.SignInAsync("mover@example.org")).StatusCode);
    }

    [Fact]
    public async Task ACopyIntoAStoreThatHasRowsIsRefused()
    {
        var from = sqlite.NewDatabase();
        var to = postgres.NewDatabase();
        await using (var source = sqlite.NewContext(from))
        {
            await StoreMigrations.MigrateAsync(source);
            source.People.Add(new() { Key = "jane-doe", Name = "Jane Doe" });
            await source.SaveChangesAsync();
        }

        Assert.Equal(0, (await CopyAsync(from, to)).Code);
        var (code, _, error) = await CopyAsync(from, to);
        Assert.Equal(1, code);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutBothConnectionStringsTheCommandSaysHowToUseIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, await StoreCommand.RunAsync(["store", "copy", "--from", "Data Source=x.db"], output, error));
        Assert.Contains("store copy needs --to CONNECTION", error.ToString(), StringComparison.Ordinal);
    }
}
