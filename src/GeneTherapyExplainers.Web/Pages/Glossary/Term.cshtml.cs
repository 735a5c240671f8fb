using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Glossary;

public sealed class TermModel(ContentCatalogProvider content) : PageModel
{
    /// <summary>Explainers listed under "used in" a page at a time: a common word can be in thousands.</summary>
    public const int PerPage = 20;

    // From the query string only: "page" is also the route value that names the Razor page.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public GlossaryTerm Term { get; private set; } = null!;

    public IReadOnlyList<Explainer> UsedIn { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public IActionResult OnGet(string term)
    {
        var catalog = content.Current;
        var found = catalog.FindTerm(term);
        if (found is null || Paging.Of(catalog.ExplainersUsing(found), PageNumber, PerPage, p => SitePaths.TermUsedIn(found.Key, p)) is not { } page)
        {
            return NotFound();
        }

        Term = found;
        (UsedIn, Paging) = page;
        HttpContext.CacheAs([PageTags.Term(found.Key), PageTags.Lists, .. UsedIn.Select(e => PageTags.Explainer(e.Slug))]);
        return Page();
    }
}
