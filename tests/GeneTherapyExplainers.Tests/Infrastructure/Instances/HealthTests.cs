using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Infrastructure.Instances;

/// <summary>The endpoints a load balancer asks: is the process alive, and can it serve pages.</summary>
public abstract class HealthTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private static async Task<(HttpStatusCode Status, string[] Lines, HttpResponseMessage Response)> GetAsync(SiteFactory site, string path)
    {
        using var client = site.CreateClient();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (response.StatusCode, lines, response);
    }

    [Fact]
    public async Task ReadySaysTheCatalogIsLoadedAndTheStoreAnswers()
    {
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = store.NewSiteSettings() };
        var (status, lines, response) = await GetAsync(site, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("catalog: Healthy (", StringComparison.Ordinal) && l.Contains("published explainers", StringComparison.Ordinal));
        Assert.Contains("store: Healthy", lines);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheStoreIsLostReadyAnswers503AndLiveStillAnswers200()
    {
        var settings = store.NewSiteSettings();
        using var site = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(site, "/health/ready")).Status);
        store.Break(settings["ConnectionStrings:Editorial"]);

        var (ready, lines, _) = await GetAsync(site, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", lines[0]);
        Assert.Contains("store: Unhealthy", lines);
        var (live, liveLines, response) = await GetAsync(site, "/health/live");
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(["Healthy"], liveLines);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

public sealed class SqliteHealthTests(SqliteStore store) : HealthTests<SqliteStore>(store);

public sealed class PostgresHealthTests(PostgresStore store) : HealthTests<PostgresStore>(store);
