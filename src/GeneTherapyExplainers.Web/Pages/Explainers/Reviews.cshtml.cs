using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>Every review of one explainer, newest first, a page at a time; the explainer itself shows the latest few.</summary>
public sealed class ReviewsModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    /// <summary>How many reviews an explainer page shows before linking here.</summary>
    public const int OnArticle = 10;

    public const int PerPage = 50;

    // From the query string only: "page" is also the route value that names the Razor page.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Explainer Explainer { get; private set; } = null!;

    public IReadOnlyList<ReviewRecord> Reviews { get; private set; } = [];

    public Paging Paging { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (content.Current.FindPublished(slug) is not { } explainer)
        {
            return NotFound();
        }

        var editorial = await store.ForExplainerAsync(explainer.Slug, ct);
        if (Paging.Of(editorial.Reviews, PageNumber, PerPage, p => SitePaths.ExplainerReviews(explainer.Slug, p)) is not { } page)
        {
            return NotFound();
        }

        Explainer = explainer;
        (Reviews, Paging) = page;
        HttpContext.CacheAs([PageTags.Explainer(explainer.Slug), PageTags.Store(explainer.Slug), .. Reviews.Select(r => r.ReviewerId).OfType<int>().Distinct().Select(PageTags.Person)]);
        return Page();
    }
}
