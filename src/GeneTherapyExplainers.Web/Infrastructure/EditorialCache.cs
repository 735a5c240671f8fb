using System.Collections.Concurrent;
using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// What explainer and profile pages read from the store, kept in memory between changes. Every view of a page would otherwise
/// run the same few queries, while the store changes only when something is saved. Every save through the store
/// (reviews, related items, people, accounts, seeding, link sync) and every committed transaction starts a new
/// generation, and a new day does too (it moves review statuses), so a page never shows what the store no longer says.
/// </summary>
/// <remarks>
/// The generation is read before the queries run: a save that lands while they run leaves the entry already out of
/// date, so the next request reads again. Cached records are shared between requests and must not be changed.
/// Saves are announced by <see cref="StoreChangeTags"/> through <see cref="StoreChanges"/>, which applies them here and, on
/// PostgreSQL, sends them to every other instance; a change from another instance starts a new generation here too. Writes made around the
/// site (by hand, or by restoring a backup) are not seen: restart the instances after them.
/// </remarks>
public sealed class EditorialCache
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly StoreChanges changes;
    private long generation;

    public EditorialCache(StoreChanges changes)
    {
        this.changes = changes;
        changes.Applied += _ => Interlocked.Increment(ref generation);
    }

    /// <summary>A cache on its own, whose saves reach no other instance (for tests).</summary>
    public EditorialCache()
        : this(new StoreChanges())
    {
    }

    /// <summary>How many changes have been saved since the site started.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>
    /// The value under <paramref name="key"/> if nothing was saved since it was read today; else loads it again.
    /// Nothing is kept for a load that finds nothing, so made-up addresses cannot fill memory.
    /// </summary>
    public async Task<T?> GetAsync<T>(string key, DateOnly today, Func<Task<T?>> load)
        where T : class
    {
        var current = Generation;
        if (entries.TryGetValue(key, out var hit) && hit.Generation == current && hit.Day == today && hit.Value is T value)
        {
            return value;
        }

        var loaded = await load();
        if (loaded is not null)
        {
            entries[key] = new Entry(current, today, loaded);
        }

        return loaded;
    }

    private sealed record Entry(long Generation, DateOnly Day, object Value);
}
