using System.Collections.Concurrent;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// One copy of strings that recur across many files (source titles and publishers, dependency keys, location keys).
/// Like <see cref="string.Intern(string)"/>, but without its process-wide lock, which files read in parallel queue on;
/// and, like it, the strings stay for the life of the process (a few thousand at most).
/// </summary>
internal static class SharedStrings
{
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared copy of the text; nothing is allocated when one is already held.</summary>
    public static string Of(ReadOnlySpan<char> text) =>
        Lookup.TryGetValue(text, out var shared) ? shared : Pool.GetOrAdd(text.ToString(), static s => s);

    /// <summary>The shared copy of <paramref name="prefix"/> and <paramref name="text"/> together, such as "term:vector".</summary>
    public static string Of(string prefix, ReadOnlySpan<char> text)
    {
        var length = prefix.Length + text.Length;
        Span<char> joined = length <= 256 ? stackalloc char[length] : new char[length];
        prefix.AsSpan().CopyTo(joined);
        text.CopyTo(joined[prefix.Length..]);
        return Of(joined);
    }
}
