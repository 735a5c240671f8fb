using GeneTherapyExplainers.Content.Model;
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

    /// <summary>Explainers a page at a time: a reviewer may check thousands.</summary>
    public const int PerPage = 30;

    // From the query string only: "page" is also the route value that names the Razor page.
    [BindProperty(SupportsGet = true, Name = "page")]
    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public Paging Paging { get; private set; } = null!;

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
        List<(Explainer, ContributorRole)> all = [.. profile.Contributions
            .Select(c => (Explainer: catalog.FindPublished(c.Slug), c.Role))
            .Where(c => c.Explainer is not null)
            .Select(c => (c.Explainer!, c.Role))
            .OrderBy(c => c.Item1.Title, StringComparer.Ordinal)];
        if (Paging.Of(all, PageNumber, PerPage, p => SitePaths.PersonExplainers(key, p)) is not { } page)
        {
            return NotFound();
        }

        (Contributions, Paging) = page;
        Appearances = profile.Appearances;
        HttpContext.CacheAs([PageTags.Person(Person.Id), PageTags.Lists,
            .. Contributions.Select(c => PageTags.Explainer(c.Explainer.Slug)), .. Appearances.Select(a => PageTags.Related(a.Item.Id))]);
        return Page();
    }
}
