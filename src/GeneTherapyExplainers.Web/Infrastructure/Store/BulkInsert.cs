using System.Data.Common;
using System.Text;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Adds thousands of new rows at once (a first start with a large content folder) without change tracking: multi-row
/// INSERTs whose parameters come from EF Core's own type mappings, so every value is stored exactly as a save would store
/// it, on SQLite and PostgreSQL alike. Runs inside the caller's transaction; the caller writes the audit entries (see
/// <see cref="Audit.ForAdded"/>). A commit with no save in it tells every page cache that anything may have changed.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Below this many new rows a normal save is simpler and fast enough.</summary>
    public const int Above = 200;

    private const int ParametersPerStatement = 900;

    public static async Task AddAsync<T>(EditorialDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the store.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        // Keys the database numbers itself are left out, as a save would leave them.
        var columns = entityType.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd))
            .Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: p.GetRelationalTypeMapping()))
            .ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        // SQLite compiles a statement once and runs it again cheaply, in process: one row a statement, reused. A server
        // is a round trip away: many rows a statement.
        var perStatement = db.Database.IsSqlite() ? 1 : Math.Max(1, ParametersPerStatement / columns.Count);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");

        DbCommand? command = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - start);
                if (command is null || count != perStatement)
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = Statement(head, count, columns.Count);
                }

                command.Parameters.Clear();
                for (var r = 0; r < count; r++)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var (property, _, mapping) = columns[c];
                        var value = property.GetGetter().GetClrValue(rows[start + r]);
                        command.Parameters.Add(mapping.CreateParameter(command, $"@p{(r * columns.Count) + c}", value, property.IsNullable));
                    }
                }

                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }

    /// <summary>The id the database gave each row of <typeparamref name="T"/>, by its key (people and related items).</summary>
    public static async Task<Dictionary<string, int>> IdsByKeyAsync<T>(EditorialDbContext db, CancellationToken ct = default)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the store.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entityType.FindProperty(property)!.GetColumnName(table)!);

        // Opened here if no transaction holds it open already (and then closed again).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"SELECT {Column("Key")}, {Column("Id")} FROM {sql.DelimitIdentifier(table.Name, table.Schema)}";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            while (await reader.ReadAsync(ct))
            {
                ids[reader.GetString(0)] = reader.GetInt32(1);
            }

            return ids;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>INSERT ... VALUES (@p0, @p1), (@p2, @p3) for <paramref name="rows"/> rows of <paramref name="columns"/> values.</summary>
    private static string Statement(string head, int rows, int columns)
    {
        var text = new StringBuilder(head);
        for (var r = 0; r < rows; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns; c++)
            {
                text.Append(c == 0 ? "@p" : ", @p").Append((r * columns) + c);
            }

            text.Append(')');
        }

        return text.ToString();
    }

    /// <summary>True when a bulk insert failed because another instance added the same row first.</summary>
    public static bool IsUniqueViolation(DbException exception) =>
        StoreErrors.IsUniqueViolation(new DbUpdateException(exception.Message, exception));
}
