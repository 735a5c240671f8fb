using System.Diagnostics;
using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Pages.Review.Reminders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace GeneTherapyExplainers.Tests.Pages.Review.Reminders;

/// <summary>
/// Three explainers on a fixed day (Monday 7 December 2026, 09:00 UTC, just after the weekly period began at 08:00):
/// one overdue, one due in eight days, one reviewed last week with a new mistake report.
/// </summary>
public sealed class DigestWorld : IDisposable
{
    public const string Reviewer = "georgios@example.org";
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public DigestWorld()
    {
        foreach (var (slug, title) in new[] { ("overdue-page", "Overdue Page"), ("due-soon-page", "Due Soon Page"), ("fresh-page", "Fresh Page") })
        {
            Content.Write($"explainers/{slug}.md", $"---\ntitle: {title}\nsummary: A page.\ncategory: Tests\npublished: 2026-01-05\n---\n\n## Words\n\nPlain words about genes.\n");
        }
    }

    public TempContent Content { get; } = new();

    public SiteFactory Site(FakeTimeProvider clock, Dictionary<string, string> settings)
    {
        var site = new SiteFactory(Content.Root) { Clock = clock, Settings = settings };
        settings.TryAdd("Site:PublicUrl", "https://genetherapy.example.org");
        settings.TryAdd("Accounts:SignInPermitLimit", "10000");
        return site;
    }

    /// <summary>The reviews and the reader reports that make the three explainers what they are.</summary>
    public static async Task SeedAsync(SiteFactory site)
    {
        await site.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            foreach (var (slug, on) in new[] { ("overdue-page", new DateOnly(2026, 8, 1)), ("due-soon-page", new DateOnly(2026, 9, 15)), ("fresh-page", new DateOnly(2026, 12, 1)) })
            {
                db.ReviewRecords.Add(new ReviewRecord { ExplainerSlug = slug, Kind = ReviewKind.Medical, ReviewedOn = on, RecordedBy = "test", RecordedAt = new DateTimeOffset(on.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
            }

            db.ReaderFeedback.Add(new ReaderFeedback { Page = FeedbackPage.Explainers, PageKey = "fresh-page", IsReport = true, Comment = "A private remark the digest never quotes.", ReceivedAt = new DateTime(2026, 12, 6, 20, 0, 0, DateTimeKind.Utc) });
            db.ReaderFeedback.Add(new ReaderFeedback { Page = FeedbackPage.Explainers, PageKey = "overdue-page", Comment = "An old comment.", ReceivedAt = new DateTime(2026, 11, 1, 20, 0, 0, DateTimeKind.Utc) });
            await db.SaveChangesAsync();
        });
    }

    public void Dispose() => Content.Dispose();
}

public class ReviewDigestTests(PostgresStore postgres) : IClassFixture<PostgresStore>
{
    private static string Body(MimeMessage message) => message.TextBody ?? "";

    /// <summary>The lines of one section of the digest: from its heading to the next blank line.</summary>
    private static List<string> Section(string body, string heading) =>
        [.. body.Split('\n').SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0)];

    [Fact]
    public async Task TheDigestReachesARealSmtpServerWithTheRightExplainersOncePerPeriod()
    {
        using var world = new DigestWorld();
        using var smtp = new InProcessSmtpServer();
        var clock = new FakeTimeProvider(DigestWorld.Monday);
        var settings = smtp.Settings();
        settings["Digest:Enabled"] = "false";
        using var site = world.Site(clock, settings);
        await site.AddUserAsync(DigestWorld.Reviewer, "Reviewer", Session.Password);
        await site.AddUserAsync("editor@example.org", "Editor", Session.Password);
        await DigestWorld.SeedAsync(site);
        var run = site.Services.GetRequiredService<DigestRun>();

        // However many runs at once, one message.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => run.RunAsync()));
        Assert.Single(results.SelectMany(r => r), r => r.Outcome == DigestOutcome.Sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(DigestWorld.Reviewer, message.To.Mailboxes.Single().Address);
        Assert.Equal("reviews@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("Review digest for 7 December 2026: 1 overdue, 1 due soon, 1 new from readers", message.Subject);
        var body = Body(message);
        Assert.Equal(["  - Overdue Page: was due 1 November 2026", "    https://genetherapy.example.org/review/explainers/overdue-page"], Section(body, "Overdue"));
        Assert.Equal(["  - Due Soon Page: due 15 December 2026", "    https://genetherapy.example.org/review/explainers/due-soon-page"], Section(body, "Due in the next 14 days"));
        Assert.Equal(["  - Fresh Page: 1 mistake report, 0 comments", "    https://genetherapy.example.org/review/feedback?about=explainers/fresh-page"], Section(body, "New from readers since 30 November 2026"));
        Assert.DoesNotContain("private remark", body, StringComparison.Ordinal);
        Assert.Contains("https://genetherapy.example.org/account", body, StringComparison.Ordinal);

        // Later in the same week: nothing more. The next week: the next digest.
        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(DigestOutcome.AlreadySent, Assert.Single(await run.RunAsync()).Outcome);
        Assert.Single(smtp.Messages);
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(DigestOutcome.Sent, Assert.Single(await run.RunAsync()).Outcome);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, await Count(site, db => db.AuditEntries.CountAsync(a => a.EntityType == "Digest" && a.Action == "Sent by e-mail")));
    }

    [Fact]
    public async Task TheScheduleSendsEachPeriodsDigestOnceWithoutTheCommand()
    {
        using var world = new DigestWorld();
        using var smtp = new InProcessSmtpServer();
        var clock = new FakeTimeProvider(DigestWorld.Monday);
        var settings = smtp.Settings();
        settings["Digest:CheckEvery"] = "00:15:00";
        using var site = world.Site(clock, settings);
        await site.AddUserAsync(DigestWorld.Reviewer, "Reviewer", Session.Password);
        await DigestWorld.SeedAsync(site);

        // The site looks every 15 minutes on its clock: moving the clock makes it look.
        await Eventually.Until(() => { clock.Advance(TimeSpan.FromMinutes(15)); return Task.FromResult(smtp.Messages.Count); }, n => n >= 1);
        clock.Advance(TimeSpan.FromDays(7));
        await Eventually.Until(() => { clock.Advance(TimeSpan.FromMinutes(15)); return Task.FromResult(smtp.Messages.Count); }, n => n >= 2);
        var sent = await Eventually.Until(() => Count(site, db => db.DigestDeliveries.CountAsync(d => d.SentAt != null)), n => n == 2);
        Assert.Equal(2, sent);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(2, smtp.Messages.Select(m => m.Subject).Distinct().Count());
    }

    [Fact]
    public async Task TwoInstancesOnOnePostgreSqlStoreSendOneDigestAPeriod()
    {
        using var world = new DigestWorld();
        using var smtp = new InProcessSmtpServer();
        var database = postgres.NewDatabase();
        Dictionary<string, string> Settings()
        {
            var s = smtp.Settings();
            foreach (var (k, v) in postgres.SiteSettings(database))
            {
                s[k] = v;
            }

            s["Digest:Enabled"] = "false";
            return s;
        }

        using var first = world.Site(new FakeTimeProvider(DigestWorld.Monday), Settings());
        using var second = world.Site(new FakeTimeProvider(DigestWorld.Monday), Settings());
        _ = second.Services;
        await first.AddUserAsync(DigestWorld.Reviewer, "Reviewer", Session.Password);
        await first.AddUserAsync("achi@example.org", "Reviewer", Session.Password);
        await DigestWorld.SeedAsync(first);

        var runs = new[] { first, second, first, second, second, first }.Select(s => s.Services.GetRequiredService<DigestRun>().RunAsync());
        var outcomes = (await Task.WhenAll(runs)).SelectMany(r => r).ToList();
        Assert.Equal(2, outcomes.Count(o => o.Outcome == DigestOutcome.Sent));
        Assert.Equal(["achi@example.org", DigestWorld.Reviewer], smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal));
        // Losing the race is no error: the instance that lost simply finds the digest claimed.
        foreach (var site in new[] { first, second })
        {
            Assert.DoesNotContain(LogFiles.Entries(LogFiles.Folder(site)), e => e.Property("@l") is "Error" or "Fatal");
        }
    }

    [Fact]
    public async Task AReviewerWhoTurnsTheDigestOffOnTheirAccountPageGetsNone()
    {
        using var world = new DigestWorld();
        using var smtp = new InProcessSmtpServer();
        var settings = smtp.Settings();
        settings["Digest:Enabled"] = "false";
        using var site = world.Site(new FakeTimeProvider(DigestWorld.Monday), settings);
        await site.AddUserAsync(DigestWorld.Reviewer, "Reviewer", Session.Password);
        await site.AddUserAsync("achi@example.org", "Reviewer", Session.Password);
        await DigestWorld.SeedAsync(site);

        using var session = site.NewSession();
        await session.SignInAsync(DigestWorld.Reviewer);
        var (_, page) = await session.GetAsync("/account");
        Assert.True(page.Find("#ReceiveDigest").HasAttribute("checked"));
        var (saved, _) = await session.SubmitAsync("/account", new Dictionary<string, string> { ["ReceiveDigest"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await session.GetAsync("/account?saved=true");
        Assert.False(after.Find("#ReceiveDigest").HasAttribute("checked"));
        Assert.NotNull(after.QuerySelector("#saved[autofocus]"));

        var results = await site.Services.GetRequiredService<DigestRun>().RunAsync();
        Assert.Equal(["achi@example.org"], results.Select(r => r.Email));
        Assert.Equal(["achi@example.org"], smtp.Messages.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Equal(1, await Count(site, db => db.AuditEntries.CountAsync(a => a.Actor == DigestWorld.Reviewer && a.Action == "Digest turned off")));
    }

    [Fact]
    public async Task WithNoSmtpServerTheNotifyCommandPrintsTheDigestAndTheLogKeepsIt()
    {
        using var world = new DigestWorld();
        using var site = world.Site(new FakeTimeProvider(DigestWorld.Monday), new() { ["Digest:Enabled"] = "false" });
        await site.AddUserAsync(DigestWorld.Reviewer, "Reviewer", Session.Password);
        await DigestWorld.SeedAsync(site);

        var (previewCode, preview, _) = await NotifyAsync(site, "notify", "--preview");
        Assert.Equal(0, previewCode);
        Assert.Contains($"--- Preview for {DigestWorld.Reviewer} (not sent) ---", preview, StringComparison.Ordinal);
        Assert.Equal(0, await Count(site, db => db.DigestDeliveries.CountAsync()));

        var (code, output, _) = await NotifyAsync(site, "notify");
        Assert.Equal(0, code);
        Assert.Contains("(no SMTP server configured: written to the log)", output, StringComparison.Ordinal);
        Assert.Contains("  - Overdue Page: was due 1 November 2026", output, StringComparison.Ordinal);
        var logged = await Eventually.Until(
            () => Task.FromResult(LogFiles.Entries(LogFiles.Folder(site)).Where(e => e.Property("@mt")?.StartsWith("Review digest for {Email}", StringComparison.Ordinal) == true).ToList()),
            l => l.Count > 0);
        Assert.Contains("Due Soon Page: due 15 December 2026", logged[0].Property("Digest"), StringComparison.Ordinal);

        var (again, secondOutput, _) = await NotifyAsync(site, "notify");
        Assert.Equal(0, again);
        Assert.Contains("already had the digest for the period starting 2026-12-07 08:00 UTC", secondOutput, StringComparison.Ordinal);

        var (bad, _, error) = await NotifyAsync(site, "notify", "--loud");
        Assert.Equal(1, bad);
        Assert.Contains("notify --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyHelpSaysWhatTheCommandDoesWithoutOpeningTheStore()
    {
        var web = typeof(NotifyCommand).Assembly.Location;
        using var process = Process.Start(new ProcessStartInfo("dotnet", [web, "notify", "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("notify --preview", output, StringComparison.Ordinal);
        Assert.Contains("With Smtp:Host set it goes by e-mail", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> NotifyAsync(SiteFactory site, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new NotifyCommand(site.Services, output, error).RunAsync(args);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<T> Count<T>(SiteFactory site, Func<EditorialDbContext, Task<T>> query)
    {
        using var scope = site.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<EditorialDbContext>());
    }
}
