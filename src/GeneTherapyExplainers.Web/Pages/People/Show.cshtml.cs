using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.People;

public sealed class ShowModel(EditorialQueries store, ContentCatalogProvider content) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<(Explainer Explainer, ContributorRole Role)> Contributions { get; private set; } = [];

    public IReadOnlyList<(RelatedItem Item, RelatedItemRole Role)> Appearances { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        var profile = await store.ProfileAsync(key, ct);
        if (profile is null)
        {
            return NotFound();
        }

        Person = profile.Person;
        var catalog = content.Current;
        // Only published explainers are listed: a draft stays private even on a profile.
        Contributions = [.. profile.Contributions
            .Select(c => (Explainer: catalog.FindPublished(c.Slug), c.Role))
            .Where(c => c.Explainer is not null)
            .Select(c => (c.Explainer!, c.Role))
            .OrderBy(c => c.Item1.Title, StringComparer.Ordinal)];
        Appearances = profile.Appearances;
        return Page();
    }
}
