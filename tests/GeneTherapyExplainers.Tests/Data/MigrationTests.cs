using GeneTherapyExplainers.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GeneTherapyExplainers.Tests.Data;

public sealed class MigrationTests : IDisposable
{
    private readonly List<SqliteConnection> connections = [];

    private EditorialDbContext NewContext()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        connections.Add(connection);
        return new EditorialDbContext(new DbContextOptionsBuilder<EditorialDbContext>()
            .UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);
    }

    [Fact]
    public void TheMigratedSchemaEqualsTheModel()
    {
        using var migrated = NewContext();
        migrated.Database.Migrate();
        using var created = NewContext();
        created.Database.EnsureCreated();
        Assert.Equal(Schema(created), Schema(migrated));
    }

    [Fact]
    public void EveryMigrationIsFoundByEf()
    {
        using var db = NewContext();
        Assert.Equal(["20261122000100_PeopleAndRelatedItems", "20261122000200_ReviewHistory", "20261122000300_AccountsAndAudit"], db.Database.GetMigrations());
    }

    [Fact]
    public void ADatabaseFromAnEarlierMigrationUpgradesWithItsRowsIntact()
    {
        using var db = NewContext();
        db.GetService<IMigrator>().Migrate("20261122000100_PeopleAndRelatedItems");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO People (Key, Name, RoleTitles, Affiliations, Bio, Version) VALUES ('jane-doe', 'Jane Doe', '["Writer"]', '[]', 'Kept.', '00000000-0000-0000-0000-000000000001');
            INSERT INTO RelatedItems (Key, Kind, Title, Version) VALUES ('talk', 'VideoInterview', 'A talk', '00000000-0000-0000-0000-000000000002');
            INSERT INTO ExplainerRelated (ExplainerSlug, RelatedItemId, Position) VALUES ('x', 1, 0);
            """);
        db.Database.Migrate();
        Assert.Empty(db.Database.GetPendingMigrations());
        var person = db.People.Single();
        Assert.Equal(("jane-doe", "Kept."), (person.Key, person.Bio));
        Assert.Equal(["Writer"], person.RoleTitles);
        Assert.Equal("A talk", db.ExplainerRelated.Include(l => l.RelatedItem).Single().RelatedItem!.Title);
        db.ReviewRecords.Add(new() { ExplainerSlug = "x", ReviewedOn = new DateOnly(2026, 1, 1), RecordedBy = "test", ReviewerId = person.Id });
        db.SaveChanges();
        var review = db.ReviewRecords.Single();
        Assert.Throws<InvalidOperationException>(() =>
        {
            review.Notes = "rewritten";
            db.SaveChanges();
        });
        db.ChangeTracker.Clear();
        var raw = Assert.Throws<SqliteException>(() => db.Database.ExecuteSqlRaw("DELETE FROM ReviewRecords"));
        Assert.Contains("append-only", raw.Message, StringComparison.Ordinal);
    }

    /// <summary>Every table's columns, keys, indexes and foreign keys, as SQLite reports them.</summary>
    private static List<string> Schema(EditorialDbContext db)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var lines = new List<string>();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EFMigrations%' ORDER BY name");
        foreach (var table in tables)
        {
            lines.AddRange(Query(connection, $"SELECT '{table}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk FROM pragma_table_info('{table}')"));
            lines.AddRange(Query(connection, $"SELECT '{table} fk ' || \"from\" || '->' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}')"));
            foreach (var index in Query(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var name = index.Split(' ')[0];
                lines.Add($"{table} index {index} ({string.Join(",", Query(connection, $"SELECT name FROM pragma_index_info('{name}')"))})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public void Dispose()
    {
        foreach (var c in connections)
        {
            c.Dispose();
        }
    }
}
