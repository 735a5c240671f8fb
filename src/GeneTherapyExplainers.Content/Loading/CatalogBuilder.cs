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

    /// <summary>Glossary keys whose file exists but has errors, with that file: what uses them is not blamed for it.</summary>
    private readonly Dictionary<string, string> brokenTerms = new(StringComparer.Ordinal);

    /// <summary>Who keeps a contested address, word or series place: the file changed least recently, then by name.</summary>
    private readonly ClaimOrder claims = new();

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
        var paths = changedPaths.Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return Update(paths, Stat(paths), previous);
    }

    /// <summary>
    /// The same for files as <see cref="ListFiles"/> names them, whose details were just read with <see cref="Stat"/>: a
    /// start-up snapshot of the folder and the first build can share one look at it.
    /// </summary>
    public CatalogChange Update(IReadOnlyList<string> paths, IReadOnlyList<FileInfo> infos, ContentCatalog? previous = null)
    {
        previous ??= Catalog;
        var work = new Work(previous);
        for (var i = 0; i < paths.Count; i++)
        {
            if (paths[i] == SynonymsReader.Path)
            {
                ReadSynonyms(work);
                continue;
            }

            Touch(paths[i], infos[i], work);
        }

        ParseTerms(work);
        SettleTerms(work);
        ParseExplainers(work);
        CheckSeries(work);
        CheckLinks(work);
        SettleExplainers(work);
        return Finish(work);
    }

    /// <summary>Whether each file (relative path) exists, its size and when it was saved: asked in parallel when there are many.</summary>
    public FileInfo[] Stat(IReadOnlyList<string> paths)
    {
        var infos = new FileInfo[paths.Count];
        void Read(int i)
        {
            infos[i] = new FileInfo(Path.Combine(ContentRoot, paths[i]));
            infos[i].Refresh();
        }

        if (paths.Count > 256)
        {
            Parallel.For(0, paths.Count, Read);
        }
        else
        {
            for (var i = 0; i < paths.Count; i++)
            {
                Read(i);
            }
        }

        return infos;
    }

    /// <summary>Records that a file changed: whether it exists (<paramref name="info"/>, just read) and which address it claims.</summary>
    private void Touch(string path, FileInfo info, Work work)
    {
        var folder = path[..path.IndexOf('/', StringComparison.Ordinal)];
        var exists = info.Exists;
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

        // The address is the file name in lower case, so Gene.md and gene.md would claim the same one: the file saved
        // first keeps it (see ClaimOrder). When the owner changes, the other claimant is read again.
        var address = $"{folder}/{entry.Key}";
        var before = addressOwners.First(address, claims);
        if (exists)
        {
            claims.Stamp(path, info.LastWriteTimeUtc);
            addressOwners.Add(address, path);
        }
        else
        {
            claims.Forget(path);
            addressOwners.Remove(address, path);
        }

        if (addressOwners.First(address, claims) is { } after && after != before && files.TryGetValue(after, out var owner))
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
}
