using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Holds the current content catalog. It is built before the first request and updated off the request path, file by
/// file, when files change (see <see cref="ContentWatcher"/>); a new catalog replaces the old one whole, so a reader never
/// sees half a change. Pages only read <see cref="Current"/>; the search index, the store's links and the page cache
/// follow <see cref="Changed"/>.
/// </summary>
public sealed class ContentCatalogProvider
{
    private readonly ILogger<ContentCatalogProvider> logger;
    private readonly CatalogBuilder builder;
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private volatile ContentCatalog catalog;

    public ContentCatalogProvider(
        IOptions<SiteOptions> options, IOptions<ContentOptions> contentOptions, IWebHostEnvironment environment, ILogger<ContentCatalogProvider> logger,
        TimeProvider clock)
    {
        this.logger = logger;
        this.clock = clock;
        ContentRoot = options.Value.ResolveContentPath(environment.ContentRootPath);
        if (!Directory.Exists(ContentRoot))
        {
            // An empty site that answers 404 everywhere looks like a working one; refusing to start says what is wrong.
            throw new DirectoryNotFoundException(
                $"The content folder {ContentRoot} does not exist. Set Site:ContentPath to the folder that holds explainers/ and glossary/.");
        }

        builder = new CatalogBuilder(ContentRoot, contentOptions.Value);
        // One look at the folder serves the first build and the snapshot, taken before reading: whatever changes from
        // here on, the watcher's first comparison finds.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var paths = builder.ListFiles().ToList();
        var infos = builder.Stat(paths);
        BuiltFrom = Snapshot(paths, infos);
        Initial = builder.Update(paths, infos);
        catalog = Initial.Catalog;
        Report(Initial, started, builder.Catalog.Files.Count);
        Builds = 1;
        LastChange = clock.GetUtcNow();
    }

    public string ContentRoot { get; }

    public ContentCatalog Current => catalog;

    /// <summary>The first build, as a change from nothing: what the search index and the store start from.</summary>
    public CatalogChange Initial { get; private set; }

    /// <summary>Once the search index and the store have taken the first build, its text by section is not needed again.</summary>
    public void ForgetInitialText()
    {
        Initial = Initial with { ChangedExplainers = [.. Initial.ChangedExplainers.Select(c => (c.Explainer, (IReadOnlyList<Section>)[]))] };
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>How many catalogs have been built: one at start-up, then one per change.</summary>
    public int Builds { get; private set; }

    /// <summary>When the site last picked up a change in the content folder (or read it at start-up), by the site's clock.</summary>
    public DateTimeOffset LastChange { get; private set; }

    /// <summary>Raised, off the request path and one at a time, after each new catalog is swapped in.</summary>
    public event Action<CatalogChange>? Changed;

    /// <summary>Size and time of every content file just before the first build.</summary>
    public IReadOnlyDictionary<string, (long Length, long Ticks)> BuiltFrom { get; }

    /// <summary>Size and time of every content file now, or null when the content folder is gone.</summary>
    public Dictionary<string, (long Length, long Ticks)>? Snapshot()
    {
        if (!Directory.Exists(ContentRoot))
        {
            return null;
        }

        var paths = builder.ListFiles().ToList();
        return Snapshot(paths, builder.Stat(paths));
    }

    private static Dictionary<string, (long Length, long Ticks)> Snapshot(List<string> paths, FileInfo[] infos)
    {
        var files = new Dictionary<string, (long, long)>(paths.Count, StringComparer.Ordinal);
        for (var i = 0; i < paths.Count; i++)
        {
            if (infos[i].Exists)
            {
                files[paths[i]] = (infos[i].Length, infos[i].LastWriteTimeUtc.Ticks);
            }
        }

        return files;
    }

    /// <summary>Reads the given files again (added, changed or deleted) and swaps the new catalog in whole.</summary>
    public CatalogChange Update(IReadOnlyCollection<string> paths)
    {
        lock (gate)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var change = builder.Update(paths);
            catalog = change.Catalog;
            Builds++;
            LastChange = clock.GetUtcNow();
            Report(change, started, paths.Count);
            Changed?.Invoke(change);
            ReturnMemory(change);
            return change;
        }
    }

    /// <summary>
    /// After reading many files the heap holds a lot of garbage from parsing; collecting it once, compacted, gives the
    /// memory back, so the site's footprint is what it keeps, not what it read.
    /// </summary>
    private static void ReturnMemory(CatalogChange change)
    {
        if (change.ChangedExplainers.Count + change.ChangedTerms.Count > 500)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private void Report(CatalogChange change, long started, int files)
    {
        // Problems of the files that changed; the content health page lists them all.
        var touched = change.ChangedExplainers.Select(c => c.Explainer.SourcePath).Concat(change.ChangedTerms.Select(t => t.SourcePath)).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in change.Catalog.Problems.Where(p => touched.Contains(p.Path) || p.Severity == ProblemSeverity.Error))
        {
            logger.ContentProblem(problem.Severity == ProblemSeverity.Error ? LogLevel.Error : LogLevel.Warning,
                problem.Path, problem.Line, problem.Column, problem.Message);
        }

        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.ContentLoaded(change.Catalog.All.Count, change.Catalog.Glossary.Count, files, ContentRoot, elapsed);
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
        services.AddHttpContextAccessor();
        services.AddScoped<SiteUrls>();
        services.AddHostedService<ContentWatcher>();
        return services;
    }

    /// <summary>
    /// Starts reading the content folder in the background: the store is migrated while the files are read, and pages
    /// answer once the store's links are synced (see <see cref="StoreSetup.PrepareEditorialStoreAsync"/>); features
    /// that follow the catalog, such as search, wait for <see cref="ContentCatalogReadyAsync"/>.
    /// </summary>
    public static void StartContentCatalog(this WebApplication app)
    {
        if (Reading.TryGetValue(app, out _))
        {
            return;
        }

        Reading.TryAdd(app, Task.Run(app.Services.GetRequiredService<ContentCatalogProvider>));
    }

    /// <summary>The catalog once it has been read (reading it now if it was not started).</summary>
    public static Task<ContentCatalogProvider> ContentCatalogReadyAsync(this WebApplication app)
    {
        app.StartContentCatalog();
        return Reading.TryGetValue(app, out var reading) ? reading : throw new InvalidOperationException("The catalog was not started.");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebApplication, Task<ContentCatalogProvider>> Reading = [];

    /// <summary>Images from <c>content/media</c> at <c>/media</c>.</summary>
    public static WebApplication UseContentMedia(this WebApplication app)
    {
        var contentRoot = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.ResolveContentPath(app.Environment.ContentRootPath);
        if (!Directory.Exists(contentRoot))
        {
            // The catalog refuses to start without a content folder and says why; nothing is created here meanwhile.
            return app;
        }

        var media = Path.Combine(contentRoot, "media");
        Directory.CreateDirectory(media);
        app.UseStaticFiles(Delivery.Cached(new StaticFileOptions { FileProvider = new PhysicalFileProvider(media), RequestPath = SitePaths.MediaFolder }));
        return app;
    }
}
