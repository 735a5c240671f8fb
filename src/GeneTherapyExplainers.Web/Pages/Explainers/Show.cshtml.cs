using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

public sealed class ShowModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public Explainer Explainer { get; private set; } = null!;

    public ExplainerEditorial Editorial { get; private set; } = null!;

    public Explainer? Previous { get; private set; }

    public Explainer? Next { get; private set; }

    /// <summary>True when the next review date has passed: the page says so rather than hide it.</summary>
    public bool ReviewOverdue => Editorial.Review.Status == ReviewStatus.Overdue;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var catalog = content.Current;
        var explainer = catalog.FindPublished(slug);
        if (explainer is null)
        {
            return NotFound();
        }

        Explainer = explainer;
        (Previous, Next) = catalog.Neighbours(explainer);
        Editorial = await store.ForExplainerAsync(explainer.Slug, ct);
        return Page();
    }
}
