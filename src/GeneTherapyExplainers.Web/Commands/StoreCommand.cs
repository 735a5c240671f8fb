using GeneTherapyExplainers.Web.Infrastructure.Store;
using Npgsql;

namespace GeneTherapyExplainers.Web.Commands;

/// <summary>
/// <c>store copy --from CONNECTION --to CONNECTION</c>: copies every row of one store into a new, empty one, for
/// example from the SQLite file to PostgreSQL. Each side's provider is read from its connection string (<c>Host=</c>
/// is PostgreSQL, <c>Data Source=</c> is SQLite) or given with <c>--from-provider</c> / <c>--to-provider</c>.
/// Both sides are migrated first; the target must be empty. Stop the site before copying its store.
/// </summary>
public static class StoreCommand
{
    public const string Usage = """
        usage: store copy --from CONNECTION --to CONNECTION [--from-provider Sqlite|PostgreSQL] [--to-provider Sqlite|PostgreSQL]
          e.g. store copy --from "Data Source=App_Data/editorial.db" --to "Host=db.example.org;Database=gte;Username=gte;Password=..."
          Copies every row of one store into a new, empty one; both are migrated first. Stop the site before copying its store.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i + 1 < args.Count; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (Mistake(args, options) is { } mistake)
        {
            error.WriteLine($"{mistake} Run 'store --help' for how to use it.");
            return 2;
        }

        var from = options["--from"];
        var to = options["--to"];
        try
        {
            var fromProvider = options.TryGetValue("--from-provider", out var f) ? StoreProviders.Parse(f) : Infer(from);
            var toProvider = options.TryGetValue("--to-provider", out var t) ? StoreProviders.Parse(t) : Infer(to);
            await using var source = StoreProviders.CreateContext(fromProvider, from);
            await using var target = StoreProviders.CreateContext(toProvider, to);
            output.WriteLine($"Copying the store from {fromProvider} to {toProvider} (both are migrated first).");
            var tables = await StoreCopy.CopyAsync(source, target);
            foreach (var table in tables)
            {
                output.WriteLine($"{table.Table,-28} {table.Source,8} rows copied, {table.Target,8} in the target");
            }

            var incomplete = tables.Where(x => x.Source != x.Target).ToList();
            if (incomplete.Count > 0)
            {
                error.WriteLine($"The target does not hold every row: {string.Join(", ", incomplete.Select(x => x.Table))}.");
                return 1;
            }

            output.WriteLine($"Done: {tables.Sum(x => x.Source)} rows in {tables.Count} tables. Point ConnectionStrings:Editorial (and Store:Provider) at the target.");
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or NpgsqlException or Microsoft.Data.Sqlite.SqliteException or ArgumentException)
        {
            error.WriteLine($"The store was not copied: {e.Message}");
            return 1;
        }
    }

    /// <summary>What is wrong with the arguments, in one line; null when nothing is.</summary>
    private static string? Mistake(IReadOnlyList<string> args, Dictionary<string, string> options) =>
        args.ElementAtOrDefault(1) != "copy" ? (args.Count < 2 ? "store needs a subcommand: copy." : $"'{args[1]}' is not a store subcommand: the only one is copy.")
        : (args.Count - 2) % 2 != 0 ? $"'{args[^1]}' needs a value: options come in pairs, such as --from CONNECTION."
        : options.Keys.Except(["--from", "--to", "--from-provider", "--to-provider"]).FirstOrDefault() is { } unknown ? $"store copy does not take '{unknown}'."
        : !options.ContainsKey("--from") ? "store copy needs --from CONNECTION (the store to copy)."
        : !options.ContainsKey("--to") ? "store copy needs --to CONNECTION (the new, empty store)."
        : null;

    private static StoreProvider Infer(string connection) =>
        connection.Contains("Host=", StringComparison.OrdinalIgnoreCase) || connection.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? StoreProvider.PostgreSQL
            : StoreProvider.Sqlite;
}
