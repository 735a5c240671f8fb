using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages;

public sealed class IndexModel(ContentCatalogProvider content) : PageModel
{
    public IReadOnlyList<Explainer> Explainers { get; private set; } = [];

    public int TermCount { get; private set; }

    public void OnGet()
    {
        var catalog = content.Current;
        // Shortest first: a newcomer meets the short introductions before the long reads.
        Explainers = [.. catalog.Published.OrderBy(e => e.ReadingMinutes).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)];
        TermCount = catalog.Glossary.Count;
    }
}
