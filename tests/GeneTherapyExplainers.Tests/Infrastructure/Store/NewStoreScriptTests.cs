using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

/// <summary>A new SQLite store is made by one script: today's migrations, making the store they make one by one.</summary>
public sealed class NewStoreScriptTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("new-store-");

    [Fact]
    public async Task TheScriptIsWhatTheToolsWriteForTodaysMigrations()
    {
        await using var db = Context("unopened.db");
        var today = db.GetService<IMigrator>().GenerateScript();
        Assert.True(Normalized(await StoreMigrations.ReadNewSqliteStoreScriptAsync()) == Normalized(today),
            "Data/Migrations/Sqlite/NewStore.sql is out of date: write it again with scripts/store-code.sh (docs/operating.md, \"Migrations\").");
    }

    [Fact]
    public async Task AStoreMadeByTheScriptIsTheStoreTheMigrationsMakeOneByOne()
    {
        await using var scripted = Context("scripted.db");
        var applied = await StoreMigrations.MigrateAsync(scripted);
        await using var stepwise = Context("stepwise.db");
        await stepwise.Database.MigrateAsync();

        Assert.Equal(stepwise.Database.GetMigrations(), applied);
        Assert.Equal(await SchemaAsync("stepwise.db"), await SchemaAsync("scripted.db"));
        Assert.Equal(await HistoryAsync("stepwise.db"), await HistoryAsync("scripted.db"));
        Assert.Empty(await scripted.Database.GetPendingMigrationsAsync());
        Assert.Empty(await StoreMigrations.MigrateAsync(scripted));
    }

    [Fact]
    public async Task AStoreThatHasTablesIsMigratedOneStepAtATimeAndNeverScripted()
    {
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "other.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE \"Notes\" (\"Id\" INTEGER PRIMARY KEY)";
            await command.ExecuteNonQueryAsync();
        }

        await using var db = Context("other.db");
        Assert.Equal(db.Database.GetMigrations(), await StoreMigrations.MigrateAsync(db));
        Assert.Contains(await SchemaAsync("other.db"), row => row.Contains("\"Notes\"", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Delete(recursive: true);
    }

    private EditorialDbContext Context(string file) => StoreProviders.CreateContext(StoreProvider.Sqlite, $"Data Source={Path.Combine(folder.FullName, file)}");

    /// <summary>Every table, index and trigger as SQLite keeps it (EF Core's migration lock table aside: it makes that when it needs it).</summary>
    private Task<List<string>> SchemaAsync(string file) =>
        RowsAsync(file, "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE name <> '__EFMigrationsLock' ORDER BY type, name");

    private Task<List<string>> HistoryAsync(string file) =>
        RowsAsync(file, "SELECT \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\"");

    private async Task<List<string>> RowsAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, file)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static string Normalized(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Trim();
}
