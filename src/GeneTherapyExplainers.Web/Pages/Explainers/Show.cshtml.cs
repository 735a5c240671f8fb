using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

public sealed class ShowModel(ContentCatalogProvider content) : PageModel
{
    public Explainer Explainer { get; private set; } = null!;

    public Explainer? Previous { get; private set; }

    public Explainer? Next { get; private set; }

    public IActionResult OnGet(string slug)
    {
        var catalog = content.Current;
        var explainer = catalog.FindPublished(slug);
        if (explainer is null)
        {
            return NotFound();
        }

        Explainer = explainer;
        (Previous, Next) = catalog.Neighbours(explainer);
        return Page();
    }
}
