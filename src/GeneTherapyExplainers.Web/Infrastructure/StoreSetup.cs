using Microsoft.EntityFrameworkCore;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>Problems that only the store can find (unknown person or related-item keys), from the last sync.</summary>
public sealed class StoreProblems
{
    private readonly Dictionary<string, IReadOnlyList<ContentProblem>> byFile = new(StringComparer.Ordinal);
    private volatile IReadOnlyList<ContentProblem> current = [];

    public IReadOnlyList<ContentProblem> Current => current;

    /// <summary>Replaces the problems of the files a catalog change touched, and forgets those of files that went.</summary>
    internal void Replace(CatalogChange change, IReadOnlyList<ContentProblem> problems)
    {
        lock (byFile)
        {
            foreach (var path in change.ChangedExplainers.Select(c => c.Explainer.SourcePath).Concat(change.RemovedExplainers.Select(s => $"explainers/{s}.md")))
            {
                byFile.Remove(path);
            }

            foreach (var group in problems.GroupBy(p => p.Path, StringComparer.Ordinal))
            {
                byFile[group.Key] = [.. group];
            }

            current = [.. byFile.Values.SelectMany(p => p)];
        }
    }
}

/// <summary>What this instance's start-up did to the store: the migrations it applied and the seed records it added.</summary>
public sealed class StoreStartupReport
{
    public IReadOnlyList<string> AppliedMigrations { get; private set; } = [];

    public int SeedRecordsAdded { get; private set; }

    internal void Record(IReadOnlyList<string> migrations, int added) => (AppliedMigrations, SeedRecordsAdded) = (migrations, added);
}

/// <summary>The seed file (<c>content/seed/store.yml</c>), read from the moment the store is registered.</summary>
internal sealed record SeedFileReading(Task<StoreSeeder.SeedFile?> File);

public static class StoreSetup
{
    /// <summary>
    /// <c>Store:Provider</c> picks the database: SQLite in the data folder by default, or PostgreSQL.
    /// <c>ConnectionStrings:Editorial</c> says where it is (needed for PostgreSQL).
    /// </summary>
    public static IServiceCollection AddEditorialStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var store = ReadSettings(configuration, site, environment);
        services.AddSingleton(store);
        // The seed file is read from now on, beside the rest of the start (its YAML takes longer than migrating a new store).
        var contentRoot = site.ResolveContentPath(environment.ContentRootPath);
        services.AddSingleton(new SeedFileReading(Task.Run(() => StoreSeeder.ReadAsync(contentRoot))));
        services.AddSingleton<StoreChanges>();
        services.AddSingleton(provider => new EditorialCache(provider.GetRequiredService<StoreChanges>()));
        services.AddSingleton<StoreChangeTags>();
        if (store.Provider == StoreProvider.PostgreSQL)
        {
            // Saves on any instance reach the caches of every other one.
            services.AddSingleton<PostgresChangeFeed>();
            services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeFeed>());
        }

        if (store.Provider == StoreProvider.PostgreSQL)
        {
            services.AddDbContext<EditorialDbContext, PostgresEditorialDbContext>((provider, options) => options
                .Use(store.Provider, store.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<StoreChangeTags>()));
        }
        else
        {
            services.AddDbContext<EditorialDbContext, SqliteEditorialDbContext>((provider, options) => options
                .Use(store.Provider, store.ConnectionString)
                .AddInterceptors(provider.GetRequiredService<StoreChangeTags>()));
        }

        services.AddScoped<EditorialQueries>();
        services.AddSingleton<StoreProblems>();
        services.AddSingleton<ContentHistory>();
        services.AddSingleton<StoreStartupReport>();
        return services;
    }

    /// <summary>The configured database; without a connection string, SQLite in the data folder.</summary>
    private static StoreSettings ReadSettings(IConfiguration configuration, SiteOptions site, IWebHostEnvironment environment)
    {
        var provider = StoreProviders.Parse(configuration["Store:Provider"]);
        var connection = configuration.GetConnectionString("Editorial");
        if (!string.IsNullOrWhiteSpace(connection))
        {
            return new(provider, connection);
        }

        if (provider == StoreProvider.PostgreSQL)
        {
            throw new InvalidOperationException(
                "Store:Provider is PostgreSQL but ConnectionStrings:Editorial is not set. Set it, for example "
                + "ConnectionStrings__Editorial=\"Host=db.example.org;Database=gte;Username=gte;Password=...\".");
        }

        var database = Path.Combine(site.ResolveDataPath(environment.ContentRootPath), "editorial.db");
        DataFolder.EnsurePrivateDatabase(database);
        return new(provider, $"Data Source={database}");
    }

    /// <summary>
    /// Starts preparing the store (<see cref="PrepareEditorialStoreAsync"/>) in the background; requests and background
    /// services wait for it through <see cref="StoreReadiness"/>.
    /// </summary>
    public static Task StartEditorialStore(this WebApplication app)
    {
        var preparing = Task.Run(app.PrepareEditorialStoreAsync);
        var firstKey = MakeFirstKeyAsync(app, preparing);
        app.Services.GetRequiredService<StoreReadiness>().Follow(preparing, firstKey);
        return firstKey;
    }

    /// <summary>
    /// On SQLite, which one instance uses, the first Data Protection key (see <see cref="KeyRing.EnsureKey"/>) is made
    /// once the store is ready, beside the first requests: a request that needs it waits for it in the key ring. The host
    /// counts as started, and commands run, only once it is made, so that nothing else writes to the store meanwhile.
    /// On PostgreSQL it was made under the start-up lock already.
    /// </summary>
    private static async Task MakeFirstKeyAsync(WebApplication app, Task preparing)
    {
        await preparing;
        if (app.Services.GetRequiredService<StoreSettings>().Provider == StoreProvider.PostgreSQL)
        {
            return;
        }

        try
        {
            await Task.Run(() => KeyRing.EnsureKey(app.Services));
        }
        catch (Exception ex)
        {
            app.Services.GetRequiredService<ILogger<EditorialDbContext>>().FirstKeyFailed(ex);
        }
    }

    /// <summary>
    /// Creates or upgrades the database, seeds what is missing, makes the first Data Protection key (see
    /// <see cref="KeyRing.EnsureKey"/>), and links explainers to people and items: all under the store's start-up lock,
    /// so instances starting together do it once.
    /// </summary>
    public static async Task PrepareEditorialStoreAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EditorialDbContext>();
        var logger = services.GetRequiredService<ILogger<EditorialDbContext>>();
        var seed = services.GetRequiredService<SeedFileReading>().File;
        var settings = services.GetRequiredService<StoreSettings>();
        var shared = settings.Provider == StoreProvider.PostgreSQL;
        await using (await StoreStartupLock.AcquireAsync(settings))
        {
            var migrated = await StoreMigrations.MigrateAsync(db);
            // Made just now (its first migration applied by this start): seeding has nothing to look up first.
            var storeIsNew = migrated.Contains(db.Database.GetMigrations().First());
            var clock = services.GetRequiredService<TimeProvider>();
            var added = storeIsNew ? await NewStoreSeed.SeedAsync(db, await seed, clock) : await StoreSeeder.SeedAsync(db, await seed, clock);
            if (shared)
            {
                KeyRing.EnsureKey(services);
            }

            logger.StoreSeeded(migrated.Count, added);
            services.GetRequiredService<StoreStartupReport>().Record(migrated, added);
            // The catalog has been read meanwhile (see StartContentCatalog); its links need the store.
            var content = await app.ContentCatalogReadyAsync();
            await SyncLinksAsync(services, content.Initial, newStore: storeIsNew);
        }

    }

    /// <summary>Runs the front-matter sync for the explainers a catalog change touched and publishes their problems.</summary>
    /// <remarks>With <paramref name="newStore"/> (the first sync of a store made by this start) there is nothing to read
    /// back but the seed, and every row is added in bulk.</remarks>
    public static async Task SyncLinksAsync(IServiceProvider services, CatalogChange change, bool newStore = false)
    {
        var db = services.GetRequiredService<EditorialDbContext>();
        var logger = services.GetRequiredService<ILogger<EditorialDbContext>>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var root = services.GetRequiredService<ContentCatalogProvider>().ContentRoot;
        var firstDates = await services.GetRequiredService<ContentHistory>().FirstDatesAsync(root, today);
        var changed = change.ChangedExplainers.Select(c => c.Explainer).ToList();
        var problems = await ExplainerLinkSync.SyncAsync(db, changed, today, firstDates, newStore);
        await ContentVersionLog.RecordAsync(db, changed, services.GetRequiredService<TimeProvider>().GetUtcNow(), newStore);
        foreach (var p in problems)
        {
            logger.ContentProblem(LogLevel.Error, p.Path, p.Line, p.Column, p.Message);
        }

        services.GetRequiredService<StoreProblems>().Replace(change, problems);
    }
}
