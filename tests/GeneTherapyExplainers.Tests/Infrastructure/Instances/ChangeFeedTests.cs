using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeneTherapyExplainers.Tests.Infrastructure.Instances;

/// <summary>Store changes travel between instances on PostgreSQL with LISTEN/NOTIFY.</summary>
public sealed class ChangeFeedTests(PostgresStore store) : IClassFixture<PostgresStore>
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(2);

    private static async Task<(StoreChanges Changes, List<StoreChange> Applied)> ListeningAsync(SiteFactory site)
    {
        _ = site.Server;
        await site.Services.GetRequiredService<PostgresChangeFeed>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
        var changes = site.Services.GetRequiredService<StoreChanges>();
        var applied = new List<StoreChange>();
        changes.Applied += change =>
        {
            lock (applied)
            {
                applied.Add(change);
            }
        };
        return (changes, applied);
    }

    private static Task<string> TagsOf(List<StoreChange> applied)
    {
        lock (applied)
        {
            return Task.FromResult(string.Join(",", applied.Select(c => c.IsEverything ? "*" : string.Join("+", c.Tags))));
        }
    }

    [Fact]
    public async Task AChangePublishedOnOneInstanceIsAppliedOnTheOtherAndNotEchoedBack()
    {
        var settings = store.NewSiteSettings();
        using var first = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var second = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        var (one, onFirst) = await ListeningAsync(first);
        var (other, onSecond) = await ListeningAsync(second);

        one.Publish(StoreChange.Of(["person:jane-doe"]));
        await Eventually.Until(() => TagsOf(onSecond), t => t == "person:jane-doe", Second);
        // Notifications arrive in the order they were sent: once the reply is here, an echo would have been too.
        other.Publish(StoreChange.Of(["explainer:x"]));
        await Eventually.Until(() => TagsOf(onFirst), t => t == "person:jane-doe,explainer:x", Second);
        Assert.Equal("person:jane-doe,explainer:x", await TagsOf(onSecond));
    }

    [Fact]
    public async Task AfterALostConnectionTheFeedListensAgainAndEvictsEverything()
    {
        var settings = store.NewSiteSettings();
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        var (_, applied) = await ListeningAsync(site);
        var (_, before) = await site.GetPageAsync("/people/georgios-anagas");
        var bio = before.Text(".bio");

        // A change made around the site is not seen while the cache holds the page...
        await using (var db = new NpgsqlConnection(settings["ConnectionStrings:Editorial"]))
        {
            await db.OpenAsync();
            await using var update = new NpgsqlCommand("""UPDATE "People" SET "Bio" = 'Changed while the feed was down.' WHERE "Key" = 'georgios-anagas'""", db);
            await update.ExecuteNonQueryAsync();
        }

        Assert.Equal(bio, (await site.GetPageAsync("/people/georgios-anagas")).Document.Text(".bio"));

        // ...but losing the feed's connection drops everything, since NOTIFY would not replay what was missed.
        var feed = site.Services.GetRequiredService<PostgresChangeFeed>();
        await using (var admin = new NpgsqlConnection(PostgresStore.Admin))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = @db", admin);
            kill.Parameters.AddWithValue("name", PostgresChangeFeed.ApplicationName);
            kill.Parameters.AddWithValue("db", new NpgsqlConnectionStringBuilder(settings["ConnectionStrings:Editorial"]).Database!);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await Eventually.Until(() => TagsOf(applied), t => t.Split(',').Count(c => c == "*") >= 2, TimeSpan.FromSeconds(10));
        await feed.Listening.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Changed while the feed was down.", (await site.GetPageAsync("/people/georgios-anagas")).Document.Text(".bio"));
        using var client = site.CreateClient();
        Assert.Contains("store-changes: Healthy (listening)", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)), StringComparison.Ordinal);
    }
}
