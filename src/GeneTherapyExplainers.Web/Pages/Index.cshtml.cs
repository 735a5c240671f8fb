using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.About;
using GeneTherapyExplainers.Web.Pages.Explainers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GeneTherapyExplainers.Web.Pages;

public sealed class IndexModel(ContentCatalogProvider content, EditorialQueries store) : PageModel
{
    /// <summary>The home page introduces a few explainers; the index lists the rest by topic.</summary>
    public const int Shown = 8;

    public IReadOnlyList<ExplainerCard> Explainers { get; private set; } = [];

    public int ExplainerCount { get; private set; }

    public int TermCount { get; private set; }

    /// <summary>What the home page says about reviews: counted, never written by hand.</summary>
    public ReviewCoverage Coverage { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var catalog = content.Current;
        // Shortest first: a newcomer meets the short introductions before the long reads.
        var shown = catalog.Published.OrderBy(e => e.ReadingMinutes).ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase).Take(Shown).ToList();
        // The coverage counts every explainer's review state; the cards take theirs from the same reading.
        var states = await store.ReviewStatesAsync(ct);
        Explainers = [.. shown.Select(e => new ExplainerCard(e, states.GetValueOrDefault(e.Slug), ShowCategory: true))];
        Coverage = ReviewCoverage.Count(catalog, states);
        ExplainerCount = catalog.Published.Count;
        TermCount = catalog.Glossary.Count;
        HttpContext.CacheAs([PageTags.Lists, PageTags.Glossary, PageCache.DayTag, .. shown.SelectMany(PageTags.Card), .. Coverage.Tags]);
    }
}
