using GeneTherapyExplainers.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>Every table's columns, keys, indexes, foreign keys and triggers, as SQLite reports them, sorted.</summary>
public static class SqliteSchema
{
    public static List<string> Of(EditorialDbContext db, bool withTriggers = true)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            connection.Open();
        }

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

        if (withTriggers)
        {
            lines.AddRange(Query(connection, "SELECT 'trigger ' || tbl_name || ' ' || name || ': ' || sql FROM sqlite_master WHERE type = 'trigger'"));
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
}
