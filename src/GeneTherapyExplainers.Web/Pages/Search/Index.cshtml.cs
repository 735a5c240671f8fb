using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Search;

public sealed class IndexModel(SearchIndexing search, ContentCatalogProvider content) : PageModel
{
    private static readonly string[] StarterTerms = ["gene-therapy", "gene", "vector", "clinical-trial"];

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public IReadOnlyList<GlossaryTerm> Suggestions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // Results depend only on the query and the content: popular searches are answered from memory.
        HttpContext.CacheAs(PageTags.Search, PageTags.Glossary);
        Query = string.IsNullOrWhiteSpace(Query) ? null : Query.Trim()[..Math.Min(Query.Trim().Length, SearchIndex.MaxQueryLength)];
        if (Query is null)
        {
            return;
        }

        // In the first seconds after a start with a large content folder, the index may still be filling.
        Hits = (await search.Ready).Search(Query);
        if (Hits.Count == 0)
        {
            Suggestions = Suggest(Query, content.Current);
        }
    }

    /// <summary>Glossary terms that start like one of the words, else a few terms every reader meets first.</summary>
    private static List<GlossaryTerm> Suggest(string query, ContentCatalog catalog)
    {
        var stems = TextStatistics.Words(query).Where(w => w.Length >= 3).Select(w => w[..3]).ToList();
        var near = catalog.Glossary.Where(t => t.Phrases.Any(p => stems.Any(s => p.StartsWith(s, StringComparison.OrdinalIgnoreCase)))).Take(6).ToList();
        return near.Count > 0 ? near : [.. StarterTerms.Select(catalog.FindTerm).OfType<GlossaryTerm>()];
    }
}
