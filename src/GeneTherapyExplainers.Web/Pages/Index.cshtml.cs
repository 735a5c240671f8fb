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
        Explainers = catalog.Published;
        TermCount = catalog.Glossary.Count;
    }
}
