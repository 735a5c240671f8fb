using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace GeneTherapyExplainers.Web.Data;

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
        var perStatement = Math.Max(1, ParametersPerStatement / columns.Count);
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");

        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var count = Math.Min(perStatement, rows.Count - start);
            for (var r = 0; r < count; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@p{r * columns.Count + c}";
                    text.Append(c == 0 ? "" : ", ").Append(name);
                    var (property, _, mapping) = columns[c];
                    var value = property.GetGetter().GetClrValue(rows[start + r]);
                    command.Parameters.Add(mapping.CreateParameter(command, name, value, property.IsNullable));
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>True when a bulk insert failed because another instance added the same row first.</summary>
    public static bool IsUniqueViolation(DbException exception) =>
        StoreErrors.IsUniqueViolation(new DbUpdateException(exception.Message, exception));
}
