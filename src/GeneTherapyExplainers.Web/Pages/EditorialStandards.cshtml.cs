using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.About;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages;

/// <summary>The editorial standards: how a review works, and where reviews stand today, counted from the data.</summary>
public sealed class EditorialStandardsModel(SiteReviews reviews) : PageModel
{
    public ReviewCoverage Coverage { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Coverage = await reviews.CoverageAsync(ct);
        HttpContext.CacheAs([.. Coverage.Tags, .. Coverage.Overdue.Take(ReviewCoverage.NamedOverdue).Select(e => PageTags.Explainer(e.Slug))]);
    }
}
