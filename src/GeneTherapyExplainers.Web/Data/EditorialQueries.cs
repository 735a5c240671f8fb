using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>What the store knows about one explainer, shaped for its page.</summary>
public sealed record ExplainerEditorial(
    IReadOnlyDictionary<ContributorRole, Person> Contributors,
    IReadOnlyList<ReviewRecord> Reviews,
    ReviewState Review,
    int CadenceMonths,
    IReadOnlyList<RelatedItem> Related)
{
    public ReviewRecord? LastReview => Review.Last;

    public DateOnly? NextReviewDue => Review.NextDue;

    public Person? Author => Contributors.GetValueOrDefault(ContributorRole.Author);

    public Person? MedicalReviewer => Contributors.GetValueOrDefault(ContributorRole.MedicalReviewer);

    public Person? TechnicalReviewer => Contributors.GetValueOrDefault(ContributorRole.TechnicalReviewer);
}

/// <summary>Read-only queries the public pages make of the store.</summary>
public sealed class EditorialQueries(EditorialDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<ExplainerEditorial> ForExplainerAsync(string slug, CancellationToken ct = default)
    {
        // Four small queries: one open connection for all of them, rather than an open and close for each.
        await db.Database.OpenConnectionAsync(ct);
        var contributors = await db.ExplainerContributors.AsNoTracking()
            .Where(c => c.ExplainerSlug == slug).Include(c => c.Person).ToListAsync(ct);
        var reviews = (await db.ReviewRecords.AsNoTracking().Where(r => r.ExplainerSlug == slug).Include(r => r.Reviewer).ToListAsync(ct))
            .OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id).ToList();
        var cadence = await db.ExplainerSchedules.AsNoTracking().Where(s => s.ExplainerSlug == slug)
            .Select(s => (int?)s.CadenceMonths).FirstOrDefaultAsync(ct) ?? ExplainerSchedule.Quarterly;
        var related = (await db.ExplainerRelated.AsNoTracking()
            .Where(l => l.ExplainerSlug == slug && l.DetachedAt == null)
            .Include(l => l.RelatedItem!).ThenInclude(r => r.People).ThenInclude(p => p.Person)
            .OrderBy(l => l.Position)
            .ToListAsync(ct)).Select(l => l.RelatedItem!).ToList();
        return new ExplainerEditorial(
            contributors.ToDictionary(c => c.Role, c => c.Person!),
            reviews,
            ReviewState.Compute(reviews, cadence, Today),
            cadence,
            related);
    }

    public Task<Person?> PersonAsync(string key, CancellationToken ct = default) =>
        db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);

    /// <summary>The explainers a person wrote or reviewed, with the role, by slug.</summary>
    public async Task<IReadOnlyList<(string Slug, ContributorRole Role)>> ContributionsAsync(int personId, CancellationToken ct = default) =>
        [.. (await db.ExplainerContributors.AsNoTracking().Where(c => c.PersonId == personId).ToListAsync(ct)).Select(c => (c.ExplainerSlug, c.Role))];

    /// <summary>Interviews and articles the person appears in, as guest or host.</summary>
    public async Task<IReadOnlyList<(RelatedItem Item, RelatedItemRole Role)>> AppearancesAsync(int personId, CancellationToken ct = default) =>
        [.. (await db.RelatedItemPeople.AsNoTracking().Where(p => p.PersonId == personId).Include(p => p.RelatedItem).ToListAsync(ct))
            .Select(p => (p.RelatedItem!, p.Role))];
}
