using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Tests.Pages.Search;

/// <summary>
/// Pages answer while the search index fills after a start; a search made meanwhile waits for it and finds what a
/// search made later finds, and the instance says it is not ready until the index is built.
/// </summary>
public class SearchIndexingTests
{
    [Fact]
    public async Task ASearchBeforeTheIndexIsBuiltWaitsForItAndReadySaysSoMeanwhile()
    {
        using var content = new TempContent(withTestContent: true);
        var reading = new TaskCompletionSource<ContentCatalogProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(Options.Create(new SiteOptions { ContentPath = content.Root }))
            .AddSingleton(Options.Create(new ContentOptions()))
            .AddSingleton<IWebHostEnvironment>(new Environment(content.Root))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<ContentCatalogProvider>()
            .AddSingleton<SearchIndex>()
            .AddSingleton<SearchIndexing>()
            .BuildServiceProvider();
        var indexing = services.GetRequiredService<SearchIndexing>();
        var health = new SearchHealthCheck(indexing);

        indexing.Start(reading.Task);
        var early = Task.Run(async () => (await indexing.Ready).Search("vectors"));

        Assert.False(early.IsCompleted);
        Assert.Equal(HealthStatus.Unhealthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);

        // The catalog is read; the index is built from it and the waiting search answers.
        var provider = services.GetRequiredService<ContentCatalogProvider>();
        reading.SetResult(provider);
        var hits = await early.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Contains(hits, h => h.Url.StartsWith("/explainers/", StringComparison.Ordinal));
        Assert.Equal(hits.Select(h => h.Url), (await indexing.Ready).Search("vectors").Select(h => h.Url));
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        // Its text by section went to the index and is not kept twice.
        Assert.All(provider.Initial.ChangedExplainers, c => Assert.Empty(c.Sections));
    }

    private sealed class Environment(string root) : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = root;
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ApplicationName { get; set; } = "GeneTherapyExplainers.Web";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = root;
        public string EnvironmentName { get; set; } = "Production";
    }
}
