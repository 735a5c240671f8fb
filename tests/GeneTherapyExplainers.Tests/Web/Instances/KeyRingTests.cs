using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Web.Instances;

/// <summary>The keys behind sign-in cookies and antiforgery tokens live in the store, not in a home folder.</summary>
public abstract class KeyRingTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    [Fact]
    public async Task ASignedInReviewerAndAHalfFilledFormSurviveARestart()
    {
        var settings = store.NewSiteSettings();
        var cookies = new CookieContainer();
        AngleSharp.Dom.IElement form;
        using (var before = new SiteFactory(RepositoryPaths.Content) { Settings = settings })
        {
            await before.AddUserAsync("keys@example.org", "Reviewer", Session.Password, "georgios-anagas");
            using var session = before.NewSession(cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("keys@example.org")).StatusCode);
            var (_, page) = await session.GetAsync("/review/explainers/gene-therapy-explained");
            form = page.Find("main form");
            await before.WithScopeAsync(async services =>
                Assert.Equal(1, await services.GetRequiredService<EditorialDbContext>().DataProtectionKeys.CountAsync()));
        }

        using var after = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var again = after.NewSession(cookies);
        var (dashboard, _) = await again.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (saved, _) = await again.SubmitAsync(form, "/review/explainers/gene-therapy-explained",
            new Dictionary<string, string> { ["Input.Kind"] = "2", ["Input.ReviewedOn"] = today, ["Input.Notes"] = "Sent after a restart." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await after.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
            Assert.True(await db.ReviewRecords.AnyAsync(r => r.Notes == "Sent after a restart."));
        });
    }
}

public sealed class SqliteKeyRingTests(SqliteStore store) : KeyRingTests<SqliteStore>(store);

public sealed class PostgresKeyRingTests(PostgresStore store) : KeyRingTests<PostgresStore>(store);
