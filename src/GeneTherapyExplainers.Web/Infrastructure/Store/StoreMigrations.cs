using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Brings the store's schema up to date with the migrations of its provider (Data/Migrations/Sqlite or
/// Data/Migrations/PostgreSQL, made with dotnet-ef; see docs/operating.md).
/// </summary>
public static class StoreMigrations
{
    /// <summary>
    /// The migrations the store had before they were generated with dotnet-ef, written by hand for SQLite only.
    /// A store made by all three has exactly the schema of the first generated SQLite migration.
    /// </summary>
    public static readonly IReadOnlyList<string> HandWritten =
        ["20261122000100_PeopleAndRelatedItems", "20261122000200_ReviewHistory", "20261122000300_AccountsAndAudit"];

    /// <summary>
    /// Applies every migration not yet applied, taking over a SQLite store made by the hand-written ones.
    /// Returns the migrations it applied.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(EditorialDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            if (await CreateNewSqliteStoreAsync(db, cancellationToken) is { } created)
            {
                return created;
            }

            await AdoptHandWrittenSchemaAsync(db, cancellationToken);
        }
        else
        {
            // Npgsql's provider reads the history table without first checking it exists, and logs the failure as an
            // error with its SQL on a new database. Making the (empty) table first keeps the log true and free of SQL.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        return pending;
    }

    /// <summary>The SQL that makes a new SQLite store, embedded in the site: every migration's script, in order.</summary>
    public const string NewSqliteStoreScript = "GeneTherapyExplainers.Web.Data.Migrations.Sqlite.NewStore.sql";

    /// <summary>
    /// A SQLite database with no table yet gets every migration at once from <see cref="NewSqliteStoreScript"/>: the
    /// script <c>dotnet ef migrations script</c> writes for this provider, history rows included. Applying it is what
    /// applying the migrations one by one does, without building each migration's model first (a third of a second at
    /// start). <c>NewStoreScriptTests</c> checks the script is today's and makes the same store. Returns the
    /// migrations applied, or null when the database already has tables.
    /// </summary>
    private static async Task<IReadOnlyList<string>?> CreateNewSqliteStoreAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var tables = connection.CreateCommand())
            {
                tables.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
                if (Convert.ToInt64(await tables.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    return null;
                }
            }

            await using var create = connection.CreateCommand();
            create.CommandText = await ReadNewSqliteStoreScriptAsync(cancellationToken);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return [.. db.Database.GetMigrations()];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The embedded <see cref="NewSqliteStoreScript"/>.</summary>
    public static async Task<string> ReadNewSqliteStoreScriptAsync(CancellationToken cancellationToken = default)
    {
        await using var stream = typeof(StoreMigrations).Assembly.GetManifestResourceStream(NewSqliteStoreScript)
            ?? throw new InvalidOperationException($"The site was built without {NewSqliteStoreScript}.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>
    /// A store whose history names the hand-written migrations already has the tables of the first generated one:
    /// record that one as applied too, so the later ones apply on top and no row is touched.
    /// </summary>
    private static async Task AdoptHandWrittenSchemaAsync(EditorialDbContext db, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var handWritten = HandWritten.Where(applied.Contains).ToList();
        var first = db.Database.GetMigrations().First();
        if (handWritten.Count == 0 || applied.Contains(first))
        {
            return;
        }

        if (handWritten.Count < HandWritten.Count)
        {
            throw new InvalidOperationException(
                $"The store was made by an early version of the site and stops at migration {handWritten[^1]}. "
                + $"Start a version from before the migrations were generated (it applies {HandWritten[^1]}), then this one.");
        }

        var version = ProductInfo.GetVersion();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ({first}, {version})",
            cancellationToken);
    }
}
