using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.About;

/// <summary>About us: what the site is, who writes and checks its pages (from the store), and where reviews stand.</summary>
public sealed class IndexModel(SiteReviews reviews, ContentCatalogProvider content, EditorialDbContext db) : PageModel
{
    public ReviewCoverage Coverage { get; private set; } = null!;

    /// <summary>People named as writer or reviewer of a published explainer, or who recorded a review of one, with what they did.</summary>
    public IReadOnlyList<(Person Person, IReadOnlyList<string> Work)> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Coverage = await reviews.CoverageAsync(ct);
        var published = content.Current.Published.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        var contributors = await db.ExplainerContributors.AsNoTracking().Include(c => c.Person)
            .Select(c => new { c.ExplainerSlug, c.Role, c.Person }).ToListAsync(ct);
        var reviewers = await db.ReviewRecords.AsNoTracking().Where(r => r.Reviewer != null)
            .Select(r => new { r.ExplainerSlug, r.Reviewer }).ToListAsync(ct);
        var work = contributors.Where(c => published.Contains(c.ExplainerSlug))
            .Select(c => (Person: c.Person!, Work: Format.Role(c.Role)))
            .Concat(reviewers.Where(r => published.Contains(r.ExplainerSlug)).Select(r => (Person: r.Reviewer!, Work: "Reviews on record")));
        People = [.. work.GroupBy(w => w.Person.Id)
            .Select(g => (g.First().Person, (IReadOnlyList<string>)[.. g.Select(w => w.Work).Distinct(StringComparer.Ordinal)]))
            .OrderBy(p => p.Item1.Name, StringComparer.OrdinalIgnoreCase)];
        // Not kept in the page cache: who contributes changes with any explainer's front matter, which no one tag covers.
    }
}
