using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>
/// Where a test's store lives: a class fixture that hands out fresh, empty databases on one provider and removes
/// them all when the class is done. Store tests take one of the two subclasses, so they run on both providers.
/// </summary>
public abstract class StoreFixture : IDisposable
{
    public abstract StoreProvider Provider { get; }

    /// <summary>The connection string of a new, empty database.</summary>
    public abstract string NewDatabase();

    /// <summary>A context of the provider's own type on <paramref name="connectionString"/>, outside any site, dated by <paramref name="clock"/> (by default <see cref="TestClock.Now"/>).</summary>
    public EditorialDbContext NewContext(string connectionString, TimeProvider? clock = null)
    {
        var db = StoreProviders.CreateContext(Provider, connectionString);
        db.Clock = clock ?? TestClock.New();
        return db;
    }

    /// <summary>Site settings that put a <see cref="SiteFactory"/> on a new, empty database of this provider.</summary>
    public Dictionary<string, string> NewSiteSettings() => SiteSettings(NewDatabase());

    /// <summary>Site settings for a given database (pass the same to a second site to share it).</summary>
    public Dictionary<string, string> SiteSettings(string connectionString) => new()
    {
        ["Store:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Editorial"] = connectionString,
    };

    /// <summary>Makes the database unreachable, as a lost server would: its file or the database itself is gone.</summary>
    public abstract void Break(string connectionString);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

/// <summary>SQLite files in a temporary folder.</summary>
public sealed class SqliteStore : StoreFixture
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gte-sqlite-" + Guid.NewGuid().ToString("N"));

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string NewDatabase()
    {
        var own = Path.Combine(folder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(own);
        return $"Data Source={Path.Combine(own, "editorial.db")}";
    }

    public override void Break(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource)!, recursive: true);
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// Databases made with CREATE DATABASE (random names) on the PostgreSQL server named by the GTE_TEST_POSTGRES
/// environment variable, which scripts/test.sh sets after starting a throwaway server. Without one these tests fail
/// and say how to get one: they never skip.
/// </summary>
public sealed class PostgresStore : StoreFixture
{
    public const string Variable = "GTE_TEST_POSTGRES";
    private readonly List<string> created = [];

    public override StoreProvider Provider => StoreProvider.PostgreSQL;

    /// <summary>The server's administrative connection string.</summary>
    public static string Admin =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"No PostgreSQL server for the store tests: {Variable} is not set. Run 'bash scripts/test.sh', which starts a "
                + $"throwaway server, or set {Variable} to a connection string of a server where CREATE DATABASE is allowed, "
                + "e.g. Host=127.0.0.1;Port=5432;Username=postgres.");

    public override string NewDatabase()
    {
        var name = "gte_test_" + Guid.NewGuid().ToString("N")[..20];
        Execute($"CREATE DATABASE \"{name}\"");
        lock (created)
        {
            created.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    public override void Break(string connectionString) =>
        Execute($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(Admin);
        try
        {
            connection.Open();
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException($"The PostgreSQL server named by {Variable} cannot be reached ({e.Message}).", e);
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in created)
        {
            Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
