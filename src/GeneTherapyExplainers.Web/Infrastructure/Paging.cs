namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>One page of a longer list: pages stay small however many items there are.</summary>
/// <param name="Number">The page shown, from 1.</param>
/// <param name="Count">How many pages there are (at least 1).</param>
/// <param name="Total">How many items in all.</param>
/// <param name="Url">The address of a page of the same list.</param>
public sealed record Paging(int Number, int Count, int Total, Func<int, string> Url)
{
    /// <summary>The page of <paramref name="items"/>, or null when the number is out of range (the caller answers 404).</summary>
    public static (IReadOnlyList<T> Items, Paging Paging)? Of<T>(IReadOnlyList<T> items, int? page, int size, Func<int, string> url)
    {
        var count = Math.Max(1, (items.Count + size - 1) / size);
        var number = page ?? 1;
        if (number < 1 || number > count)
        {
            return null;
        }

        var slice = new List<T>(size);
        for (var i = (number - 1) * size; i < Math.Min(items.Count, number * size); i++)
        {
            slice.Add(items[i]);
        }

        return (slice, new Paging(number, count, items.Count, url));
    }

    public bool HasMore => Count > 1;
}
