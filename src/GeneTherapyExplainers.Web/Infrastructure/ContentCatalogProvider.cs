using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Holds the current content catalog. It is built once, before the first request; pages only read it.
/// </summary>
public sealed class ContentCatalogProvider
{
    private readonly ILogger<ContentCatalogProvider> logger;
    private readonly ContentCatalog catalog;

    public ContentCatalogProvider(IOptions<SiteOptions> options, IWebHostEnvironment environment, ILogger<ContentCatalogProvider> logger)
    {
        this.logger = logger;
        ContentRoot = options.Value.ResolveContentPath(environment.ContentRootPath);
        catalog = Build();
    }

    public string ContentRoot { get; }

    public ContentCatalog Current => catalog;

    private ContentCatalog Build()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var built = ContentLoader.Load(ContentRoot);
        foreach (var problem in built.Problems)
        {
            logger.ContentProblem(problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning,
                problem.Path, problem.Line, problem.Column, problem.Message);
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.ContentLoaded(built.All.Count, built.Glossary.Count, ContentRoot, elapsed);
        return built;
    }
}

public static class ContentCatalogExtensions
{
    public static IServiceCollection AddContentCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.AddSingleton<ContentCatalogProvider>();
        return services;
    }

    /// <summary>Images from <c>content/media</c> at <c>/media</c>; the catalog is built here, before the first request.</summary>
    public static WebApplication UseContentMedia(this WebApplication app)
    {
        var provider = app.Services.GetRequiredService<ContentCatalogProvider>();
        var media = Path.Combine(provider.ContentRoot, "media");
        Directory.CreateDirectory(media);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(media), RequestPath = "/media" });
        return app;
    }
}
