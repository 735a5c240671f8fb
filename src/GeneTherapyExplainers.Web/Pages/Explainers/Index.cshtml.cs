using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

public sealed class IndexModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public IReadOnlyList<CategoryGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var reviews = await store.ReviewStatesAsync(ct);
        Groups = [.. content.Current.Published
            .GroupBy(e => e.Category)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CategoryGroup(g.Key, [.. g.OrderBy(e => e.Series, StringComparer.Ordinal).ThenBy(e => e.Order)
                .Select(e => new ExplainerCard(e, reviews.GetValueOrDefault(e.Slug), ShowCategory: false))]))];
    }

    public sealed record CategoryGroup(string Category, IReadOnlyList<ExplainerCard> Explainers)
    {
        public string Id => string.Concat(Category.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
    }
}
