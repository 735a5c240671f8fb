using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.About;

/// <summary>
/// Where the published explainers stand on review, counted from the catalog and the store at the moment a page is
/// shown. Every sentence the site says about its own reviews is written from this, never by hand, so it cannot
/// promise more than the data holds.
/// </summary>
/// <param name="Published">Published explainers.</param>
/// <param name="Reviewed">Published explainers with at least one review that still stands.</param>
/// <param name="Overdue">Reviewed explainers whose next review date has passed, by title.</param>
/// <param name="Reviewers">The people who did the latest review of a published explainer, by name.</param>
/// <param name="Unsourced">Published explainers that list no sources.</param>
public sealed record ReviewCoverage(int Published, int Reviewed, IReadOnlyList<Explainer> Overdue, IReadOnlyList<Person> Reviewers, int Unsourced)
{
    /// <summary>How many overdue explainers a page names; the rest are counted.</summary>
    public const int NamedOverdue = 10;

    public int NotReviewed => Published - Reviewed;

    /// <summary>Reviewed and not overdue (due soon counts as up to date: its date has not passed).</summary>
    public int UpToDate => Reviewed - Overdue.Count;

    public bool NoneReviewed => Reviewed == 0;

    public bool AllUpToDate => Published > 0 && UpToDate == Published;

    /// <summary>The tags of the pages that show it: any review, any list change, the day, and the reviewers named.</summary>
    public IEnumerable<string> Tags => [PageTags.Reviews, PageTags.Lists, PageCache.DayTag, .. Reviewers.Select(p => PageTags.Person(p.Id))];

    public static ReviewCoverage Count(ContentCatalog catalog, IReadOnlyDictionary<string, ReviewState> states)
    {
        var reviewed = 0;
        var overdue = new List<Explainer>();
        var reviewers = new Dictionary<int, Person>();
        foreach (var explainer in catalog.Published)
        {
            if (states.GetValueOrDefault(explainer.Slug) is not { Last: { } last } state)
            {
                continue;
            }

            reviewed++;
            if (state.Status == ReviewStatus.Overdue)
            {
                overdue.Add(explainer);
            }

            if (last.Reviewer is { } person)
            {
                reviewers.TryAdd(person.Id, person);
            }
        }

        return new ReviewCoverage(
            catalog.Published.Count,
            reviewed,
            [.. overdue.OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase)],
            [.. reviewers.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)],
            catalog.Published.Count(e => e.Sources.Count == 0));
    }

    /// <summary>"1 explainer", "3 explainers".</summary>
    public static string Explainers(int count) => count == 1 ? "1 explainer" : $"{count} explainers";

    /// <summary>"has" for one, "have" for more.</summary>
    public static string Has(int count) => count == 1 ? "has" : "have";

    /// <summary>"is" for one, "are" for more.</summary>
    public static string Is(int count) => count == 1 ? "is" : "are";
}

/// <summary>Counts <see cref="ReviewCoverage"/> for a request, from the cached review states of the store.</summary>
public sealed class SiteReviews(ContentCatalogProvider content, EditorialQueries store)
{
    public async Task<ReviewCoverage> CoverageAsync(CancellationToken ct = default) =>
        ReviewCoverage.Count(content.Current, await store.ReviewStatesAsync(ct));
}

public static class AboutSetup
{
    /// <summary>The pages about the site itself (about, contact, accessibility) and the review counts they and the home page show.</summary>
    public static IServiceCollection AddAboutPages(this IServiceCollection services) => services.AddScoped<SiteReviews>();
}
