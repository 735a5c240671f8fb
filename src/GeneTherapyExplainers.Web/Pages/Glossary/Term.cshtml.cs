using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Glossary;

public sealed class TermModel(ContentCatalogProvider content) : PageModel
{
    public GlossaryTerm Term { get; private set; } = null!;

    public IReadOnlyList<Explainer> UsedIn { get; private set; } = [];

    public IActionResult OnGet(string term)
    {
        var catalog = content.Current;
        var found = catalog.FindTerm(term);
        if (found is null)
        {
            return NotFound();
        }

        Term = found;
        UsedIn = [.. catalog.ExplainersUsing(found)];
        return Page();
    }
}
