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
