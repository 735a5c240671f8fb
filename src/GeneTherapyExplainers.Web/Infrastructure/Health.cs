using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// For a load balancer: <c>/health/live</c> says the process answers (no check runs), <c>/health/ready</c> that it
/// can serve pages (the content catalog is loaded, the store answers, and each feature's own check tagged
/// <see cref="ReadyTag"/> passes, such as search's index being built). Unhealthy is 503.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<CatalogHealthCheck>("catalog", tags: [ReadyTag])
            .AddDbContextCheck<EditorialDbContext>("store", tags: [ReadyTag])
            .AddCheck<ChangeFeedHealthCheck>("store-changes", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, Options(_ => false));
        endpoints.MapHealthChecks(ReadyPath, Options(check => check.Tags.Contains(ReadyTag)));
        return endpoints;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        AllowCachingResponses = false,
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            var lines = report.Entries.Select(e => $"{e.Key}: {e.Value.Status}{(e.Value.Description is { } d ? " (" + d + ")" : "")}");
            return context.Response.WriteAsync(string.Join('\n', lines.Prepend(report.Status.ToString())) + "\n");
        },
    };
}

/// <summary>Ready once the catalog holds at least one published explainer.</summary>
internal sealed class CatalogHealthCheck(ContentCatalogProvider content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var count = content.Current.Published.Count;
        return Task.FromResult(count > 0
            ? HealthCheckResult.Healthy($"{count} published explainers")
            : HealthCheckResult.Unhealthy("no published explainer loaded"));
    }
}

/// <summary>
/// On PostgreSQL, whether changes from other instances reach this one. Degraded (still 200) while the feed
/// reconnects: the instance serves, and evicts everything it cached until the feed listens again.
/// </summary>
internal sealed class ChangeFeedHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(services.GetService<PostgresChangeFeed>() switch
        {
            null => HealthCheckResult.Healthy("one instance"),
            { IsListening: true } => HealthCheckResult.Healthy("listening"),
            _ => HealthCheckResult.Degraded("reconnecting"),
        });
}
