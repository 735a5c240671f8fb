using System.Security.Cryptography;
using System.Text;
using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Holds the current content catalog. It is built before the first request and rebuilt off the request path when
/// files change (see <see cref="ContentWatcher"/>); a new catalog replaces the old one whole, so a reader never
/// sees half a change. Pages only read <see cref="Current"/>.
/// </summary>
public sealed class ContentCatalogProvider
{
    private static readonly string[] WatchedFolders = ["explainers", "glossary", "media"];
    private readonly ILogger<ContentCatalogProvider> logger;
    private readonly ContentOptions contentOptions;
    private readonly Lock gate = new();
    private volatile ContentCatalog catalog;

    public ContentCatalogProvider(
        IOptions<SiteOptions> options, IOptions<ContentOptions> contentOptions, IWebHostEnvironment environment, ILogger<ContentCatalogProvider> logger)
    {
        this.logger = logger;
        this.contentOptions = contentOptions.Value;
        ContentRoot = options.Value.ResolveContentPath(environment.ContentRootPath);
        BuiltFingerprint = Fingerprint();
        catalog = Load(previous: null);
        Builds = 1;
    }

    public string ContentRoot { get; }

    public ContentCatalog Current => catalog;

    /// <summary>How many catalogs have been built: one at start-up, then one per change.</summary>
    public int Builds { get; private set; }

    /// <summary>The state of the files the current catalog was built from.</summary>
    public string BuiltFingerprint { get; private set; }

    /// <summary>Reads the folder again and swaps the new catalog in whole. Files with errors keep their last good version.</summary>
    public ContentCatalog Rebuild()
    {
        lock (gate)
        {
            var fingerprint = Fingerprint();
            var built = Load(catalog);
            catalog = built;
            BuiltFingerprint = fingerprint;
            Builds++;
            return built;
        }
    }

    /// <summary>A hash of every watched file's name, size and time of last change: cheap, and changes with any save.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var folder in WatchedFolders)
        {
            var directory = Path.Combine(ContentRoot, folder);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                text.Append(file.FullName).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private ContentCatalog Load(ContentCatalog? previous)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var built = ContentLoader.Load(ContentRoot, contentOptions, previous);
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
        services.Configure<ContentOptions>(configuration.GetSection("Content"));
        services.Configure<ContentWatcherOptions>(configuration.GetSection("Content"));
        services.AddSingleton<ContentCatalogProvider>();
        services.AddSingleton<Search.SearchIndex>();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddHostedService<ContentWatcher>();
        return services;
    }

    /// <summary>Images from <c>content/media</c> at <c>/media</c>; the catalog is built here, before the first request.</summary>
    public static WebApplication UseContentMedia(this WebApplication app)
    {
        var provider = app.Services.GetRequiredService<ContentCatalogProvider>();
        var media = Path.Combine(provider.ContentRoot, "media");
        Directory.CreateDirectory(media);
        app.UseStaticFiles(Delivery.Cached(new StaticFileOptions { FileProvider = new PhysicalFileProvider(media), RequestPath = "/media" }));
        return app;
    }
}
