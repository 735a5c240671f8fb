using System.Collections.Frozen;

namespace GeneTherapyExplainers.Content.Model;

/// <summary>
/// Everything the site shows from <c>content/</c>: built once, never changed, swapped whole when content changes.
/// Pages only read it.
/// </summary>
public sealed class ContentCatalog
{
    // Plain dictionaries: a catalog is made on every change, and freezing ten thousand keys costs more than it saves.
    private readonly Dictionary<string, Explainer> explainersBySlug;
    private readonly Dictionary<string, GlossaryTerm> termsByKey;
    private readonly Lazy<FrozenDictionary<string, Explainer[]>> series;
    private readonly Lazy<FrozenDictionary<string, Explainer[]>> termUsers;
    private readonly Lazy<FrozenDictionary<string, Explainer[]>> categories;

    public ContentCatalog(
        IEnumerable<Explainer> explainers, IEnumerable<GlossaryTerm> glossary, IEnumerable<ContentProblem> problems, IEnumerable<string>? files = null,
        SynonymList? synonyms = null, IEnumerable<string>? keptOnline = null)
    {
        Synonyms = synonyms ?? SynonymList.Empty;
        Files = [.. (files ?? []).Order(StringComparer.Ordinal)];
        KeptOnline = [.. (keptOnline ?? []).Order(StringComparer.Ordinal)];
        All = [.. explainers.OrderBy(e => e.Category, StringComparer.Ordinal).ThenBy(e => e.Order).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Slug, StringComparer.Ordinal)];
        Published = [.. All.Where(e => !e.Draft)];
        Glossary = [.. glossary.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ThenBy(t => t.Key, StringComparer.Ordinal)];
        Problems = [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column)];
        explainersBySlug = All.ToDictionary(e => e.Slug, StringComparer.OrdinalIgnoreCase);
        termsByKey = Glossary.ToDictionary(t => t.Key, StringComparer.OrdinalIgnoreCase);
        // Indexes over every published explainer, built on first use: a request never scans the whole catalog.
        series = new(() => Published.Where(e => e.Series is not null).GroupBy(e => e.Series!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(e => e.Order).ToArray(), StringComparer.Ordinal));
        termUsers = new(() => Published.SelectMany(e => e.KeyTerms.Select(t => (t.Key, e))).GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.e).ToArray(), StringComparer.Ordinal));
        categories = new(() => Published.GroupBy(e => e.Category, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A catalog with nothing in it: what there is before the first build.</summary>
    public static ContentCatalog Empty { get; } = new([], [], []);

    /// <summary>Published explainers by category, each in series and order.</summary>
    public IReadOnlyDictionary<string, Explainer[]> Categories => categories.Value;

    /// <summary>Every explainer that loaded, drafts included.</summary>
    public IReadOnlyList<Explainer> All { get; }

    /// <summary>Explainers readers may see: drafts left out.</summary>
    public IReadOnlyList<Explainer> Published { get; }

    public IReadOnlyList<GlossaryTerm> Glossary { get; }

    /// <summary>The words readers use for the site's words, from <c>content/synonyms.yml</c>.</summary>
    public SynonymList Synonyms { get; }

    /// <summary>Every content file that was read (relative paths), whether or not it loaded.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>
    /// Files with errors whose last good version stays online until they are fixed (relative paths). A status, not a
    /// problem: a build from scratch has no last good version, and reports the same problems.
    /// </summary>
    public IReadOnlyList<string> KeptOnline { get; }

    /// <summary>Every error and warning found while loading.</summary>
    public IReadOnlyList<ContentProblem> Problems { get; }

    /// <summary>A published explainer by slug, or null (drafts are not found).</summary>
    public Explainer? FindPublished(string slug) =>
        explainersBySlug.TryGetValue(slug, out var e) && !e.Draft ? e : null;

    /// <summary>Any explainer by slug, drafts included: for editors and reviewers.</summary>
    public Explainer? Find(string slug) => explainersBySlug.GetValueOrDefault(slug);

    public GlossaryTerm? FindTerm(string key) => termsByKey.GetValueOrDefault(key);

    /// <summary>The published explainer before and after this one in its series, by order.</summary>
    public (Explainer? Previous, Explainer? Next) Neighbours(Explainer explainer)
    {
        if (explainer.Series is null)
        {
            return (null, null);
        }

        if (!series.Value.TryGetValue(explainer.Series, out var members))
        {
            return (null, null);
        }

        var i = Array.FindIndex(members, e => e.Slug == explainer.Slug);
        return i < 0 ? (null, null) : (i > 0 ? members[i - 1] : null, i < members.Length - 1 ? members[i + 1] : null);
    }

    /// <summary>Published explainers that list the term among their key terms, in catalog order.</summary>
    public IReadOnlyList<Explainer> ExplainersUsing(GlossaryTerm term) => termUsers.Value.GetValueOrDefault(term.Key) ?? [];
}
