using System.Collections.Concurrent;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

// What the builder keeps about each file, what one update has touched, and the indexes of claims across files.
public sealed partial class CatalogBuilder
{
    /// <summary>A file's problems, in one list: reading, parsing, checks across files, links, and fallback.</summary>
    private sealed class FileEntry(string path, string folder)
    {
        public string Path { get; } = path;

        public string Folder { get; } = folder;

        /// <summary>The file's address: its name in lower case.</summary>
        public string Key { get; } = System.IO.Path.GetFileNameWithoutExtension(path).ToLowerInvariant();

        public bool IsTerm => Folder == "glossary";

        public bool Deleted { get; set; }

        public Candidate? Parsed { get; set; }

        public List<ContentProblem> ReadProblems { get; set; } = [];

        public List<ContentProblem> ClashProblems { get; set; } = [];

        public List<ContentProblem> LinkProblems { get; set; } = [];

        public bool Clashes => ClashProblems.Count > 0;

        public bool LinksBroken { get; set; }

        /// <summary>What readers see of this file: the version that loaded, or the last good one, or nothing.</summary>
        public object? Published { get; set; }

        public bool FellBack { get; set; }

        /// <summary>The words this term claims (terms only).</summary>
        public IReadOnlyList<string> Phrases { get; set; } = [];

        /// <summary>The place this explainer claims in its series.</summary>
        public (string Series, int Order)? Slot { get; set; }

        /// <summary>Terms (<c>term:key</c>) and images (<c>media:name</c>) the file needs.</summary>
        public IReadOnlyList<string> Dependencies { get; set; } = [];

        /// <summary>Pages the file links to (<c>explainers/slug</c>, <c>glossary/key</c>).</summary>
        public IReadOnlyList<string> LinkTargets { get; set; } = [];

        /// <summary>
        /// Every problem of the file. That its last good version stays online is a status (<see cref="FellBack"/>), not a
        /// problem: the problems are the same whether or not the site had a good version to keep.
        /// </summary>
        public IEnumerable<ContentProblem> Problems =>
            ReadProblems.Concat(Parsed?.Problems ?? []).Concat(ClashProblems).Concat(LinkProblems);
    }

    /// <summary>What one update has touched so far.</summary>
    private sealed class Work(ContentCatalog previous)
    {
        public ContentCatalog Previous { get; } = previous;

        /// <summary>Files to read and parse again.</summary>
        public HashSet<FileEntry> Parse { get; } = [];

        /// <summary>Files whose checks across files, links and published version are looked at again.</summary>
        public HashSet<FileEntry> Check { get; } = [];

        /// <summary>Every file whose published version may have changed, with what it was before.</summary>
        public Dictionary<FileEntry, object?> Before { get; } = [];

        /// <summary>Whether a new synonym list was taken.</summary>
        public bool SynonymsChanged { get; set; }

        public ConcurrentDictionary<FileEntry, IReadOnlyList<Section>> Sections { get; } = new();

        /// <summary>Parses the file again, and checks it.</summary>
        public void Mark(FileEntry entry)
        {
            Parse.Add(entry);
            Recheck(entry);
        }

        public void Mark(IEnumerable<string> paths, CatalogBuilder builder)
        {
            foreach (var path in paths)
            {
                if (builder.files.TryGetValue(path, out var entry))
                {
                    Mark(entry);
                }
            }
        }

        /// <summary>Checks the file again without parsing it.</summary>
        public void Recheck(FileEntry entry)
        {
            Check.Add(entry);
            Before.TryAdd(entry, entry.Published);
        }

        public void Recheck(IEnumerable<string> paths, CatalogBuilder builder)
        {
            foreach (var path in paths)
            {
                if (builder.files.TryGetValue(path, out var entry))
                {
                    Recheck(entry);
                }
            }
        }
    }

    /// <summary>Which files use a key (an address, a word, a series slot, a link target), each set ordered by path.</summary>
    private sealed class Index<TKey>(IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, SortedSet<string>> sets = new(comparer);

        public void Add(TKey key, string path)
        {
            if (!sets.TryGetValue(key, out var set))
            {
                set = sets[key] = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(path);
        }

        public void Remove(TKey key, string path)
        {
            if (sets.TryGetValue(key, out var set) && set.Remove(path) && set.Count == 0)
            {
                sets.Remove(key);
            }
        }

        /// <summary>The claimant that keeps the key: the first in <paramref name="order"/>, else the first by path.</summary>
        public string? First(TKey key, IComparer<string>? order = null) =>
            !sets.TryGetValue(key, out var set) ? null
            : order is null ? set.Min
            : set.Aggregate((a, b) => order.Compare(a, b) <= 0 ? a : b);

        public IReadOnlyCollection<string> Users(TKey key) => sets.TryGetValue(key, out var set) ? [.. set] : [];
    }

    /// <summary>
    /// When two files claim the same address, word or place in a series, the one saved first (by modification time, then
    /// by path) keeps it and the other one is blamed. In the running site the file just changed is the newest, so a
    /// conflict lands on the file the editor is working on; a build from scratch (<c>validate</c>) reads the same times
    /// and blames the same file.
    /// </summary>
    private sealed class ClaimOrder : IComparer<string>
    {
        private readonly Dictionary<string, DateTime> stamps = new(StringComparer.Ordinal);

        public void Stamp(string path, DateTime modified) => stamps[path] = modified;

        public void Forget(string path) => stamps.Remove(path);

        public int Compare(string? x, string? y)
        {
            var byTime = Time(x).CompareTo(Time(y));
            return byTime != 0 ? byTime : string.CompareOrdinal(x, y);
        }

        private DateTime Time(string? path) => path is not null && stamps.TryGetValue(path, out var t) ? t : DateTime.MaxValue;
    }
}
