using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeneTherapyExplainers.Web.Pages.Search;

public static class SearchSetup
{
    /// <summary>The search index, which follows the content catalog, and its part of <c>/health/ready</c>.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchIndexing>();
        services.AddHealthChecks().AddCheck<SearchHealthCheck>("search", tags: [Health.ReadyTag]);
        return services;
    }

    /// <summary>Starts building the index in the background, as soon as the content catalog has been read.</summary>
    public static void StartSearchIndex(this WebApplication app) =>
        app.Services.GetRequiredService<SearchIndexing>().Start(app.ContentCatalogReadyAsync());
}

/// <summary>Ready once the search index holds the first catalog (it fills in the background after a start).</summary>
internal sealed class SearchHealthCheck(SearchIndexing search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(search.Ready.Status switch
        {
            TaskStatus.RanToCompletion => HealthCheckResult.Healthy("indexed"),
            TaskStatus.Faulted or TaskStatus.Canceled => HealthCheckResult.Unhealthy("the index could not be built"),
            _ => HealthCheckResult.Unhealthy("building the index"),
        });
}
