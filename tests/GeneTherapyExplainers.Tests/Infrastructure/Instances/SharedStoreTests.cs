using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Infrastructure.Instances;

/// <summary>Two instances of the site on one PostgreSQL database, as behind a load balancer.</summary>
public sealed class SharedStoreTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyStoreMigrateAndSeedItOnceAndBothServe()
    {
        var settings = store.NewSiteSettings();
        using var first = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var second = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var gate = new Barrier(2);
        await Task.WhenAll(
            Task.Run(() => { gate.SignalAndWait(); _ = first.Server; }),
            Task.Run(() => { gate.SignalAndWait(); _ = second.Server; }));

        var reports = new[] { first, second }.Select(s => s.Services.GetRequiredService<StoreStartupReport>()).ToList();
        await using var db = store.NewContext(settings["ConnectionStrings:Editorial"]);
        var all = db.Database.GetMigrations().ToList();
        Assert.Single(reports, r => r.AppliedMigrations.SequenceEqual(all));
        Assert.Single(reports, r => r.AppliedMigrations.Count == 0);
        Assert.Single(reports, r => r.SeedRecordsAdded > 0);
        Assert.Single(reports, r => r.SeedRecordsAdded == 0);
        Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        Assert.Equal(await db.People.Select(p => p.Key).Distinct().CountAsync(), await db.People.CountAsync());
        foreach (var site in new[] { first, second })
        {
            var (response, page) = await site.GetPageAsync("/people/georgios-anagas");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Georgios Anagas", page.Text("h1"));
        }
    }

    [Fact]
    public async Task AnAccountLockedThroughOneInstanceIsLockedOnTheOther()
    {
        var settings = store.NewSiteSettings();
        settings["Accounts:MaxFailedSignInsPerAccount"] = "5"; // one client may fail five times before it is paused
        using var first = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var second = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        await first.AddUserAsync("locked@example.org", "Reviewer", Session.Password);
        using var one = first.NewSession();
        using var other = second.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await (i % 2 == 0 ? one : other).SubmitAsync("/account/sign-in", Credentials("locked@example.org", "a wrong password here"));
        }

        foreach (var session in new[] { one, other })
        {
            var (response, doc) = await session.SubmitAsync("/account/sign-in", Credentials("locked@example.org", Session.Password));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("locked", doc.Text("#sign-in-error"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReviewRecordedThroughOneInstanceWithAFormFromTheOtherShowsOnTheOtherWithinASecond()
    {
        var settings = store.NewSiteSettings();
        using var first = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var second = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        await first.AddUserAsync("both@example.org", "Reviewer", Session.Password, "georgios-anagas");
        _ = second.Server;
        await Task.WhenAll(
            first.Services.GetRequiredService<PostgresChangeFeed>().Listening,
            second.Services.GetRequiredService<PostgresChangeFeed>().Listening).WaitAsync(TimeSpan.FromSeconds(10));
        const string Page = "/explainers/monoclonal-antibodies";
        const string Form = "/review/explainers/monoclonal-antibodies";
        var before = (await first.GetPageAsync(Page)).Document.Text(".review-line"); // cached on the first instance

        var cookies = new CookieContainer();
        using var onFirst = first.NewSession(cookies);
        using var onSecond = second.NewSession(cookies);
        Assert.Equal(HttpStatusCode.Redirect, (await onFirst.SignInAsync("both@example.org")).StatusCode);
        var (_, formPage) = await onFirst.GetAsync(Form);
        var today = TestClock.Today;
        var (saved, _) = await onSecond.SubmitAsync(formPage.Find("main form"), Form, new Dictionary<string, string>
        {
            ["Input.Kind"] = "0",
            ["Input.ReviewedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Notes"] = "Recorded through the second instance.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var shown = await Eventually.Until(
            async () => (await first.GetPageAsync(Page)).Document.QuerySelector(".review-history")?.TextContent ?? "",
            text => text.Contains("Recorded through the second instance.", StringComparison.Ordinal),
            TimeSpan.FromSeconds(2));
        Assert.DoesNotContain("Recorded through the second instance.", before, StringComparison.Ordinal);
        var line = System.Text.RegularExpressions.Regex.Replace((await first.GetPageAsync(Page)).Document.Text(".review-line"), @"\s+", " ");
        Assert.StartsWith($"Last reviewed {today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)} by Georgios Anagas", line, StringComparison.Ordinal);
        Assert.NotEmpty(shown);
    }
}
