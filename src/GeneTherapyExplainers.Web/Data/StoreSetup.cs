using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>Problems that only the store can find (unknown person or related-item keys), from the last sync.</summary>
public sealed class StoreProblems
{
    private volatile IReadOnlyList<ContentProblem> current = [];

    public IReadOnlyList<ContentProblem> Current => current;

    internal void Replace(IReadOnlyList<ContentProblem> problems) => current = problems;
}

public static class StoreSetup
{
    /// <summary>SQLite in the data folder by default; <c>ConnectionStrings:Editorial</c> overrides it.</summary>
    public static IServiceCollection AddEditorialStore(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var connection = configuration.GetConnectionString("Editorial");
        if (string.IsNullOrWhiteSpace(connection))
        {
            var dataPath = site.ResolveDataPath(environment.ContentRootPath);
            Directory.CreateDirectory(dataPath);
            connection = $"Data Source={Path.Combine(dataPath, "editorial.db")}";
        }

        services.AddSingleton<EditorialCache>();
        services.AddDbContext<EditorialDbContext>((provider, options) => options
            .UseSqlite(connection)
            .AddInterceptors(provider.GetRequiredService<EditorialCache>())
            // Migrations are written by hand (the design-time package is not available), so there is no model
            // snapshot to compare with. A test proves the migrated schema equals the model's instead.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        services.AddScoped<EditorialQueries>();
        services.AddScoped<ReviewWorkspace>();
        services.AddSingleton<StoreProblems>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Creates or upgrades the database, seeds what is missing, and links explainers to people and items.</summary>
    public static async Task PrepareEditorialStoreAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<EditorialDbContext>();
        var content = services.GetRequiredService<ContentCatalogProvider>();
        var logger = services.GetRequiredService<ILogger<EditorialDbContext>>();

        await db.Database.MigrateAsync();
        var added = await StoreSeeder.SeedAsync(db, content.ContentRoot, services.GetRequiredService<TimeProvider>());
        logger.StoreSeeded(added);
        await SyncLinksAsync(services, content.Current);
    }

    /// <summary>Runs the front-matter sync for a catalog and publishes its problems.</summary>
    public static async Task SyncLinksAsync(IServiceProvider services, ContentCatalog catalog)
    {
        var db = services.GetRequiredService<EditorialDbContext>();
        var logger = services.GetRequiredService<ILogger<EditorialDbContext>>();
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var problems = await ExplainerLinkSync.SyncAsync(db, catalog, today);
        foreach (var p in problems)
        {
            logger.ContentProblem(LogLevel.Error, p.Path, p.Line, p.Column, p.Message);
        }

        services.GetRequiredService<StoreProblems>().Replace(problems);
    }
}
