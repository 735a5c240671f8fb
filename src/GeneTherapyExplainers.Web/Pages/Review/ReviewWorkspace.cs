using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>One row of the review dashboard.</summary>
/// <param name="Explainer">The explainer.</param>
/// <param name="LastByKind">The latest standing review of each kind.</param>
/// <param name="State">Where it stands on its review cadence.</param>
/// <param name="ChangedSinceReview">When the text has changed since the last review, the date of the latest change.</param>
public sealed record DashboardRow(
    Explainer Explainer,
    IReadOnlyDictionary<ReviewKind, ReviewRecord> LastByKind,
    ReviewState State,
    DateTimeOffset? ChangedSinceReview = null);

/// <summary>What the review workspace reads: every explainer's standing, most urgent first.</summary>
public sealed class ReviewWorkspace(EditorialDbContext db, EditorialQueries queries)
{
    public async Task<IReadOnlyList<DashboardRow>> DashboardAsync(ContentCatalog catalog, CancellationToken ct = default)
    {
        var reviews = await db.ReviewRecords.AsNoTracking().Include(r => r.Reviewer).ToListAsync(ct);
        var cadences = await db.ExplainerSchedules.AsNoTracking().ToDictionaryAsync(s => s.ExplainerSlug, s => s.CadenceMonths, ct);
        var versions = await ContentVersionLog.LatestAsync(db, null, ct);
        var today = queries.Today;
        return [.. catalog.All
            .Select(e =>
            {
                var mine = reviews.Where(r => r.ExplainerSlug == e.Slug).ToList();
                var standing = ReviewState.Effective(mine).ToList();
                var byKind = standing.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.First());
                var state = ReviewState.Compute(mine, cadences.GetValueOrDefault(e.Slug, ExplainerSchedule.Quarterly), today);
                return new DashboardRow(e, byKind, state, ContentVersionLog.ChangedSince(state.Last, versions.GetValueOrDefault(e.Slug), e));
            })
            .OrderBy(r => r.State.Status)
            .ThenBy(r => r.State.NextDue ?? DateOnly.MinValue)
            .ThenBy(r => r.Explainer.Title, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The earliest date a review of this explainer may carry: its publication date when known, else the earliest
    /// review on record or the day the site first saw it.
    /// </summary>
    public async Task<DateOnly?> EarliestReviewDateAsync(Explainer explainer, CancellationToken ct = default)
    {
        if (explainer.Published is { } published)
        {
            return published;
        }

        var dates = await db.ReviewRecords.AsNoTracking().Where(r => r.ExplainerSlug == explainer.Slug).Select(r => r.ReviewedOn).ToListAsync(ct);
        var firstSeen = await db.ExplainerSchedules.AsNoTracking().Where(s => s.ExplainerSlug == explainer.Slug).Select(s => s.FirstSeenOn).FirstOrDefaultAsync(ct);
        var candidates = dates.Select(d => (DateOnly?)d).Append(firstSeen).Where(d => d is not null).ToList();
        return candidates.Count == 0 ? null : candidates.Min();
    }
}
