using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Web.Instances;

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
}
