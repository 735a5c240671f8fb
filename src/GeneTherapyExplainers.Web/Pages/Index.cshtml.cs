using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Explainers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages;

public sealed class IndexModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public IReadOnlyList<ExplainerCard> Explainers { get; private set; } = [];

    public int TermCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var catalog = content.Current;
        var reviews = await store.ReviewStatesAsync(ct);
        // Shortest first: a newcomer meets the short introductions before the long reads.
        Explainers = [.. catalog.Published.OrderBy(e => e.ReadingMinutes).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
            .Select(e => new ExplainerCard(e, reviews.GetValueOrDefault(e.Slug), ShowCategory: true))];
        TermCount = catalog.Glossary.Count;
    }
}
