namespace GeneTherapyExplainers.Tests.Support;

/// <summary>Circles in the graph of which namespace uses which: each group of namespaces that reach each other.</summary>
public static class NamespaceCycles
{
    /// <summary>
    /// One report a circle: a path round it (<c>A -> B -> A</c>), then each use along it with the files that make it
    /// and the names they use.
    /// </summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<NamespaceUse> uses)
    {
        var next = uses.GroupBy(u => u.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(u => u.To).Distinct().Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var reports = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in next.Keys.Order(StringComparer.Ordinal))
        {
            if (done.Contains(start) || PathBack(start, next) is not { } cycle)
            {
                continue;
            }

            // Everything on the circle belongs to it; report it once.
            done.UnionWith(cycle);
            var steps = cycle.Zip(cycle.Skip(1), (from, to) => $"  {from} -> {to}:\n" + string.Join('\n',
                uses.Where(u => u.From == from && u.To == to).Select(u => $"    {u.Path} ({string.Join(", ", u.Names)})")));
            reports.Add(string.Join(" -> ", cycle) + "\n" + string.Join('\n', steps));
        }

        return reports;
    }

    /// <summary>The shortest path from a namespace back to itself, if there is one (breadth first).</summary>
    private static List<string>? PathBack(string start, Dictionary<string, List<string>> next)
    {
        var from = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var to in next.GetValueOrDefault(current) ?? [])
            {
                if (to == start)
                {
                    var back = new List<string>();
                    for (var at = current; at != start; at = from[at])
                    {
                        back.Add(at);
                    }

                    back.Reverse();
                    return [start, .. back, start];
                }

                if (from.TryAdd(to, current))
                {
                    queue.Enqueue(to);
                }
            }
        }

        return null;
    }
}
