using System.Collections.Concurrent;
using GeneTherapyExplainers.Content.Model;

namespace GeneTherapyExplainers.Content.Loading;

/// <summary>
/// Builds the catalog and keeps it up to date file by file. A changed file is read and parsed alone; a changed glossary
/// term re-links only the explainers that list it; checks that span files (addresses, shared words, series order,
/// internal links) are kept as indexes and updated for what changed. Every update ends in a new immutable
/// <see cref="ContentCatalog"/>, so readers never see half a change. Building from scratch is the same update with every
/// file changed, which is what keeps the two equal. Not thread-safe: one update at a time.
/// </summary>
public sealed partial class CatalogBuilder(string contentRoot, ContentOptions? options = null)
{
    private static readonly string[] Folders = ["glossary", "explainers", "media"];
    private readonly ContentOptions options = options ?? new ContentOptions();
    private readonly Dictionary<string, FileEntry> files = new(StringComparer.Ordinal);
    private readonly Index<string> addressOwners = new(StringComparer.Ordinal);
    private readonly Index<string> phraseOwners = new(StringComparer.OrdinalIgnoreCase);
    private readonly Index<(string Series, int Order)> seriesSlots = new(EqualityComparer<(string, int)>.Default);
    private readonly Index<string> dependents = new(StringComparer.Ordinal);
    private readonly Index<string> linkers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GlossaryTerm> glossary = new(StringComparer.Ordinal);
    private readonly HashSet<string> linkableExplainers = new(StringComparer.Ordinal);
    private readonly HashSet<string> media = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Explainer> explainers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ContentProblem>> problems = new(StringComparer.Ordinal);
    private SynonymList synonyms = SynonymList.Empty;
    private bool hasSynonymsFile;

    public string ContentRoot { get; } = contentRoot;

    /// <summary>The catalog after the last update.</summary>
    public ContentCatalog Catalog { get; private set; } = ContentCatalog.Empty;

    /// <summary>Reads every file, in parallel; <paramref name="previous"/> supplies last good versions of broken files.</summary>
    public CatalogChange Build(ContentCatalog? previous = null) => Update(ListFiles(), previous);

    /// <summary>
    /// Brings the catalog up to date with the given files (relative paths such as <c>explainers/x.md</c>), each of which
    /// may have been added, changed or deleted. Work is proportional to what they touch, not to the site.
    /// </summary>
    public CatalogChange Update(IEnumerable<string> changedPaths, ContentCatalog? previous = null)
    {
        previous ??= Catalog;
        var work = new Work(previous);
        foreach (var path in changedPaths.Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (path == SynonymsReader.Path)
            {
                ReadSynonyms(work);
                continue;
            }

            Touch(path, work);
        }

        ParseTerms(work);
        SettleTerms(work);
        ParseExplainers(work);
        CheckSeries(work);
        CheckLinks(work);
        SettleExplainers(work);
        return Finish(work);
    }

    /// <summary>Records that a file changed: reads whether it exists and which address it claims.</summary>
    private void Touch(string path, Work work)
    {
        var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var exists = File.Exists(Path.Combine(ContentRoot, path));
        if (folder == "media")
        {
            var name = path[6..];
            if (exists ? media.Add(name) : media.Remove(name))
            {
                work.Mark(dependents.Users("media:" + name), this);
            }

            return;
        }

        if (!files.TryGetValue(path, out var entry))
        {
            if (!exists)
            {
                return;
            }

            entry = files[path] = new FileEntry(path, folder);
        }

        // The address is the file name in lower case, so Gene.md and gene.md would claim the same one: the first by
        // name keeps it. When the owner changes, the other claimant is read again.
        var address = $"{folder}/{entry.Key}";
        var before = addressOwners.First(address);
        if (exists)
        {
            addressOwners.Add(address, path);
        }
        else
        {
            addressOwners.Remove(address, path);
        }

        if (addressOwners.First(address) is { } after && after != before && files.TryGetValue(after, out var owner))
        {
            work.Mark(owner);
        }

        foreach (var other in addressOwners.Users(address))
        {
            work.Mark(files[other]);
        }

        entry.Deleted = !exists;
        work.Mark(entry);
    }

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

        public IEnumerable<ContentProblem> Problems
        {
            get
            {
                var all = ReadProblems.Concat(Parsed?.Problems ?? []).Concat(ClashProblems).Concat(LinkProblems);
                return FellBack
                    ? all.Append(new ContentProblem(Path, 1, 1, ProblemSeverity.Warning,
                        "Because of the errors above, the last good version of this file stays online until they are fixed."))
                    : all;
            }
        }
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

        public string? First(TKey key) => sets.TryGetValue(key, out var set) ? set.Min : null;

        public IReadOnlyCollection<string> Users(TKey key) => sets.TryGetValue(key, out var set) ? [.. set] : [];
    }
}
