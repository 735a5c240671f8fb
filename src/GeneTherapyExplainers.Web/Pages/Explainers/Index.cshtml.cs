using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

public sealed class IndexModel(ContentCatalogProvider content) : PageModel
{
    public IReadOnlyList<CategoryGroup> Groups { get; private set; } = [];

    public void OnGet() => Groups = [.. content.Current.Published
        .GroupBy(e => e.Category)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new CategoryGroup(g.Key, [.. g.OrderBy(e => e.Series, StringComparer.Ordinal).ThenBy(e => e.Order)]))];

    public sealed record CategoryGroup(string Category, IReadOnlyList<Explainer> Explainers)
    {
        public string Id => string.Concat(Category.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
    }
}
