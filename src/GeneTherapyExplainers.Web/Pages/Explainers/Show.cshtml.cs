using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages.Explainers;

/// <summary>Everything an explainer page shows: the catalog's explainer and the store's people, reviews and related items.</summary>
public sealed record ExplainerView(Explainer Explainer, ExplainerEditorial Editorial, Explainer? Previous, Explainer? Next, bool Preview = false)
{
    /// <summary>True when the next review date has passed: the page says so rather than hide it.</summary>
    public bool ReviewOverdue => Editorial.Review.Status == ReviewStatus.Overdue;

    /// <summary>The "On this page" list: the body's headings, then the sections the page adds after the body.</summary>
    public IReadOnlyList<(string Id, string Text)> Contents =>
    [
        .. Explainer.Headings.Select(h => (h.Id, h.Text)),
        .. Explainer.Infographic is null ? [] : new[] { ("infographic", "Picture: how it fits together") },
        .. Explainer.KeyTerms.Count == 0 ? [] : new[] { ("key-terms", "Key terms") },
        .. Editorial.Related.Count == 0 ? [] : new[] { ("related", "Related interviews and articles") },
        .. Explainer.Sources.Count == 0 ? [] : new[] { ("sources", "Sources") },
        .. Editorial.Contributors.Count == 0 ? [] : new[] { ("contributors", "Who wrote and checked this page") },
        ("review-history", "Review history"),
    ];

    /// <summary>Everything the page shows that can change: kept pages are evicted by these.</summary>
    public IEnumerable<string> Tags =>
    [
        PageTags.Explainer(Explainer.Slug), PageTags.Store(Explainer.Slug), PageCache.DayTag,
        .. new[] { Previous, Next }.OfType<Explainer>().Select(n => PageTags.Explainer(n.Slug)),
        .. Explainer.Series is { } series ? [PageTags.Series(series)] : Array.Empty<string>(),
        .. Explainer.KeyTerms.Select(t => PageTags.Term(t.Key)),
        .. Editorial.Contributors.Values.Select(p => PageTags.Person(p.Id)),
        .. Editorial.Reviews.Select(r => r.ReviewerId).OfType<int>().Distinct().Select(PageTags.Person),
        .. Editorial.Related.SelectMany(r => r.People.Select(p => PageTags.Person(p.PersonId)).Append(PageTags.Related(r.Id))),
    ];

    public static async Task<ExplainerView> BuildAsync(ContentCatalog catalog, Explainer explainer, EditorialQueries store, bool preview, CancellationToken ct)
    {
        var (previous, next) = catalog.Neighbours(explainer);
        return new ExplainerView(explainer, await store.ForExplainerAsync(explainer.Slug, ct), previous, next, preview);
    }
}

public sealed class ShowModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    public ExplainerView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var catalog = content.Current;
        var explainer = catalog.FindPublished(slug);
        if (explainer is null)
        {
            return NotFound();
        }

        View = await ExplainerView.BuildAsync(catalog, explainer, store, preview: false, ct);
        HttpContext.CacheAs(View.Tags);
        return Page();
    }
}
