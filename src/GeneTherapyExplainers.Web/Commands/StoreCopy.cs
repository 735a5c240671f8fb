using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>How many rows of one table were copied, and how many the target then holds.</summary>
public sealed record CopiedTable(string Table, int Source, int Target);

/// <summary>
/// Copies every row of one store into another, empty one, on either provider: people, related items, links, schedules,
/// reviews, accounts with their roles and password hashes, the audit trail and the Data Protection keys (so signed-in
/// sessions and open forms stay good). Keys keep their values; the target's identity sequences continue after them.
/// </summary>
public static class StoreCopy
{
    public static async Task<IReadOnlyList<CopiedTable>> CopyAsync(EditorialDbContext source, EditorialDbContext target, CancellationToken cancellationToken = default)
    {
        await StoreMigrations.MigrateAsync(source, cancellationToken);
        await StoreMigrations.MigrateAsync(target, cancellationToken);
        var types = InDependencyOrder(target.Model);
        foreach (var type in types)
        {
            if (await CountAsync(target, type, cancellationToken) > 0)
            {
                throw new InvalidOperationException($"The target store is not empty (table {type.GetTableName()} has rows). Copy into a new, empty database.");
            }
        }

        target.RecordsAudit = false;
        var copied = new List<CopiedTable>();
        foreach (var type in types)
        {
            var rows = await RowsAsync(source, type, cancellationToken);
            foreach (var row in rows)
            {
                var entry = target.Add(row);
                // PostgreSQL keeps only UTC instants; SQLite may hold any offset.
                foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(DateTimeOffset) || p.Metadata.ClrType == typeof(DateTimeOffset?)))
                {
                    if (property.CurrentValue is DateTimeOffset value)
                    {
                        property.CurrentValue = value.ToUniversalTime();
                    }
                }
            }

            await target.SaveChangesAsync(cancellationToken);
            target.ChangeTracker.Clear();
            copied.Add(new(type.GetTableName()!, rows.Count, await CountAsync(target, type, cancellationToken)));
        }

        if (target.Database.IsNpgsql())
        {
            await ContinueSequencesAsync(target, types, cancellationToken);
        }

        return copied;
    }

    /// <summary>Every table, each after the tables it refers to (a table's references to itself are left out).</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.First(t => t.GetForeignKeys().All(fk => fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType)));
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }

    private static Task<List<object>> RowsAsync(EditorialDbContext db, IEntityType type, CancellationToken cancellationToken) =>
        (Task<List<object>>)typeof(StoreCopy).GetMethod(nameof(RowsOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db, type, cancellationToken])!;

    private static async Task<List<object>> RowsOfAsync<T>(EditorialDbContext db, IEntityType type, CancellationToken cancellationToken)
        where T : class
    {
        var query = db.Set<T>().AsNoTracking();
        // In key order, so a row that refers to an earlier row of its own table (a correcting review) comes after it.
        var key = type.FindPrimaryKey()!.Properties[0].Name;
        return [.. await query.OrderBy(e => EF.Property<object>(e, key)).ToListAsync(cancellationToken)];
    }

    private static Task<int> CountAsync(EditorialDbContext db, IEntityType type, CancellationToken cancellationToken) =>
        (Task<int>)typeof(StoreCopy).GetMethod(nameof(CountOfAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(type.ClrType).Invoke(null, [db, cancellationToken])!;

    private static Task<int> CountOfAsync<T>(EditorialDbContext db, CancellationToken cancellationToken)
        where T : class => db.Set<T>().CountAsync(cancellationToken);

    /// <summary>Rows were inserted with their own ids, which identity sequences do not see: move each past the largest.</summary>
    private static async Task ContinueSequencesAsync(EditorialDbContext target, IEnumerable<IEntityType> types, CancellationToken cancellationToken)
    {
        foreach (var type in types)
        {
            var key = type.FindPrimaryKey()!.Properties;
            if (key is not [{ ValueGenerated: ValueGenerated.OnAdd } id] || (id.ClrType != typeof(int) && id.ClrType != typeof(long)))
            {
                continue;
            }

            var table = type.GetTableName()!;
            var column = id.GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the model, not from input.
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{table}\"), 0) + 1, false)",
                cancellationToken);
#pragma warning restore EF1002
        }
    }
}
