namespace GeneTherapyExplainers.Content.Model;

/// <summary>
/// What one catalog update changed: explainers added or replaced (with their text by section, for search), terms added or
/// replaced, and the addresses of those that went. The search index, the store's links and the page cache follow it.
/// </summary>
public sealed record CatalogChange(
    ContentCatalog Catalog,
    IReadOnlyList<(Explainer Explainer, IReadOnlyList<Section> Sections)> ChangedExplainers,
    IReadOnlyList<string> RemovedExplainers,
    IReadOnlyList<GlossaryTerm> ChangedTerms,
    IReadOnlyList<string> RemovedTerms)
{
    /// <summary>The catalog before the change.</summary>
    public ContentCatalog Previous { get; init; } = ContentCatalog.Empty;

    /// <summary>Whether the synonym list changed (search reads it from the catalog).</summary>
    public bool SynonymsChanged { get; init; }

    public bool IsEmpty => !SynonymsChanged && ChangedExplainers.Count == 0 && RemovedExplainers.Count == 0 && ChangedTerms.Count == 0 && RemovedTerms.Count == 0;
}
