using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Explainers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Editors;

/// <summary>Any explainer, drafts included, as readers will see it, with a draft banner. Never indexed or cached.</summary>
public sealed class PreviewModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public ExplainerView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var catalog = content.Current;
        var explainer = catalog.Find(slug);
        if (explainer is null)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        View = await ExplainerView.BuildAsync(catalog, explainer, store, preview: explainer.Draft, ct);
        return Page();
    }
}
