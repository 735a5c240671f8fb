using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>The databases the editorial store runs on: <c>Store:Provider</c> in configuration.</summary>
public enum StoreProvider
{
    /// <summary>Embedded, one file in the data folder: the default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of instances.</summary>
    PostgreSQL,
}

/// <summary>Opens the store on either provider, the same way for the site, its commands and the tests.</summary>
public static class StoreProviders
{
    /// <summary>Reads <c>Store:Provider</c>; anything but the two names is refused with the names that work.</summary>
    public static StoreProvider Parse(string? value) => value?.Trim() switch
    {
        null or "" => StoreProvider.Sqlite,
        var v when v.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => StoreProvider.Sqlite,
        var v when v.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || v.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => StoreProvider.PostgreSQL,
        var v => throw new InvalidOperationException($"Store:Provider '{v}' is not known: use Sqlite or PostgreSQL."),
    };

    /// <summary>
    /// Points <paramref name="options"/> at the database, the same for every provider but the provider call, and adds
    /// the <see cref="Audit"/> trail: every context the site, its commands and the tests open is made here.
    /// </summary>
    public static TBuilder Use<TBuilder>(this TBuilder options, StoreProvider provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        _ = provider == StoreProvider.PostgreSQL ? options.UseNpgsql(connectionString) : options.UseSqlite(connectionString);
        // Whether the model still matches the last migration is checked by a test (MigrationTests), not at every start,
        // where the check would build the migrations' model and compare it with the site's.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        options.AddInterceptors(Audit.Interceptor);
        return options;
    }

    /// <summary>A context of the provider's own type on its own (not from the site's services): for commands and tests.</summary>
    public static EditorialDbContext CreateContext(StoreProvider provider, string connectionString) => provider switch
    {
        StoreProvider.PostgreSQL => new PostgresEditorialDbContext(new DbContextOptionsBuilder<PostgresEditorialDbContext>().Use(provider, connectionString).Options),
        _ => new SqliteEditorialDbContext(new DbContextOptionsBuilder<SqliteEditorialDbContext>().Use(provider, connectionString).Options),
    };
}

/// <summary>For <c>dotnet ef migrations add … --context SqliteEditorialDbContext</c>: no database is opened.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEditorialDbContext>
{
    public SqliteEditorialDbContext CreateDbContext(string[] args) =>
        (SqliteEditorialDbContext)StoreProviders.CreateContext(StoreProvider.Sqlite, "Data Source=design-time.db");
}

/// <summary>For <c>dotnet ef migrations add … --context PostgresEditorialDbContext</c>: no server is needed.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresEditorialDbContext>
{
    public PostgresEditorialDbContext CreateDbContext(string[] args) =>
        (PostgresEditorialDbContext)StoreProviders.CreateContext(StoreProvider.PostgreSQL, "Host=localhost;Database=design_time");
}
