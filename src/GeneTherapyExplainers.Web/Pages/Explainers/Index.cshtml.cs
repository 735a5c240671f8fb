using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>
/// The explainers by topic. Without a topic: every topic with its first few explainers and a link to the rest. With one
/// (<c>?category=</c>): that topic's explainers, a page at a time. Either way the page stays small at any size of site.
/// </summary>
public sealed class IndexModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public const int PerTopic = 6;
    public const int PerPage = 30;

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? CategoryId { get; set; }

    // From the query string only: "page" is also the route value that names the Razor page.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<CategoryGroup> Groups { get; private set; } = [];

    /// <summary>Set when one topic is shown.</summary>
    public Paging? Paging { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var categories = content.Current.Categories;
        List<(string Name, IReadOnlyList<Explainer> Shown, int Total)> shown;
        if (CategoryId is null)
        {
            shown = [.. categories.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, (IReadOnlyList<Explainer>)c.Value.Take(PerTopic).ToList(), c.Value.Length))];
        }
        else
        {
            var category = categories.Keys.FirstOrDefault(c => CategoryGroup.IdOf(c) == CategoryId);
            var id = CategoryId;
            if (category is null || Paging.Of(categories[category], PageNumber, PerPage, p => SitePaths.Category(id, p)) is not { } page)
            {
                return NotFound();
            }

            Paging = page.Paging;
            shown = [(category, page.Items, categories[category].Length)];
        }

        var reviews = await store.ReviewStatesAsync([.. shown.SelectMany(s => s.Shown).Select(e => e.Slug)], ct);
        Groups = [.. shown.Select(s => new CategoryGroup(s.Name, s.Total,
            [.. s.Shown.Select(e => new ExplainerCard(e, reviews.GetValueOrDefault(e.Slug), ShowCategory: false))]))];
        HttpContext.CacheAs([PageTags.Lists, PageCache.DayTag, .. shown.SelectMany(s => s.Shown).SelectMany(PageTags.Card)]);
        return Page();
    }

    public sealed record CategoryGroup(string Category, int Total, IReadOnlyList<ExplainerCard> Explainers)
    {
        public string Id => IdOf(Category);

        public static string IdOf(string category) => string.Concat(category.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));
    }
}
