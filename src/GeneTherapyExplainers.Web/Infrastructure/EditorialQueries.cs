using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>What the store knows about one explainer, shaped for its page.</summary>
public sealed record ExplainerEditorial(
    IReadOnlyDictionary<ContributorRole, Person> Contributors,
    IReadOnlyList<ReviewRecord> Reviews,
    ReviewState Review,
    int CadenceMonths,
    IReadOnlyList<RelatedItem> Related,
    ContentVersion? LatestVersion = null)
{
    public ReviewRecord? LastReview => Review.Last;

    /// <summary>The latest medical review that no later entry corrects; null when none is left.</summary>
    public ReviewRecord? LastMedicalReview => ReviewState.Effective(Reviews).FirstOrDefault(r => r.Kind == ReviewKind.Medical);

    /// <summary>When the text has changed since the last review, the date of its latest change; otherwise null.</summary>
    public DateTimeOffset? ChangedSinceReview(Content.Model.Explainer explainer) => ContentVersionLog.ChangedSince(LastReview, LatestVersion, explainer);

    /// <summary>When the text of the explainer last changed (not counting reviews).</summary>
    public DateTimeOffset LastChange(Content.Model.Explainer explainer) => ContentVersionLog.LastChange(LatestVersion, explainer);

    public DateOnly? NextReviewDue => Review.NextDue;

    /// <summary>True when a review of this kind is on record and no later entry corrects it.</summary>
    public bool HasReview(ReviewKind kind) => ReviewState.Effective(Reviews).Any(r => r.Kind == kind);

    public Person? Author => Contributors.GetValueOrDefault(ContributorRole.Author);

    public Person? MedicalReviewer => Contributors.GetValueOrDefault(ContributorRole.MedicalReviewer);

    public Person? TechnicalReviewer => Contributors.GetValueOrDefault(ContributorRole.TechnicalReviewer);
}

/// <summary>Read-only queries the public pages make of the store.</summary>
public sealed class EditorialQueries(EditorialDbContext db, TimeProvider clock, EditorialCache cache)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The people, reviews and related items of one explainer, from memory unless the store has changed.</summary>
    public async Task<ExplainerEditorial> ForExplainerAsync(string slug, CancellationToken ct = default) =>
        (await cache.GetAsync<ExplainerEditorial>("explainer:" + slug, Today, async () => await LoadExplainerAsync(slug, ct)))!;

    private async Task<ExplainerEditorial> LoadExplainerAsync(string slug, CancellationToken ct)
    {
        // Five small queries: one open connection for all of them, rather than an open and close for each.
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
        var latest = await db.ContentVersions.AsNoTracking().Where(v => v.ExplainerSlug == slug).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return new ExplainerEditorial(
            contributors.ToDictionary(c => c.Role, c => c.Person!),
            reviews,
            ReviewState.Compute(reviews, cadence, Today),
            cadence,
            related,
            latest);
    }

    /// <summary>Every recorded version of an explainer's text, newest first, from memory unless the store has changed.</summary>
    public async Task<IReadOnlyList<ContentVersion>> VersionsAsync(string slug, CancellationToken ct = default) =>
        (await cache.GetAsync<IReadOnlyList<ContentVersion>>("versions:" + slug, Today, async () =>
            await db.ContentVersions.AsNoTracking().Where(v => v.ExplainerSlug == slug).OrderByDescending(v => v.Number).ToListAsync(ct)))!;

    /// <summary>Where each explainer stands on its review cadence, by slug; an explainer never reviewed is not in it.</summary>
    public async Task<IReadOnlyDictionary<string, ReviewState>> ReviewStatesAsync(CancellationToken ct = default) =>
        (await cache.GetAsync("review-states", Today, () => LoadReviewStatesAsync(ct)))!;

    private async Task<IReadOnlyDictionary<string, ReviewState>?> LoadReviewStatesAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var reviews = await db.ReviewRecords.AsNoTracking().Include(r => r.Reviewer).ToListAsync(ct);
        // Only reviewed explainers have a state: their schedules, not one row for every explainer on the site.
        var cadences = await db.ExplainerSchedules.AsNoTracking().Where(s => db.ReviewRecords.Any(r => r.ExplainerSlug == s.ExplainerSlug))
            .ToDictionaryAsync(s => s.ExplainerSlug, s => s.CadenceMonths, ct);
        return reviews.GroupBy(r => r.ExplainerSlug).ToDictionary(
            g => g.Key,
            g => ReviewState.Compute(g, cadences.GetValueOrDefault(g.Key, ExplainerSchedule.Quarterly), Today),
            StringComparer.Ordinal);
    }

    /// <summary>Where the given explainers stand on their review cadence: only their rows are read, however big the site.</summary>
    public async Task<IReadOnlyDictionary<string, ReviewState>> ReviewStatesAsync(IReadOnlyCollection<string> slugs, CancellationToken ct = default)
    {
        var wanted = slugs.Distinct(StringComparer.Ordinal).ToList();
        await db.Database.OpenConnectionAsync(ct);
        var reviews = await db.ReviewRecords.AsNoTracking().Where(r => wanted.Contains(r.ExplainerSlug)).Include(r => r.Reviewer).ToListAsync(ct);
        var cadences = await db.ExplainerSchedules.AsNoTracking().Where(s => wanted.Contains(s.ExplainerSlug))
            .ToDictionaryAsync(s => s.ExplainerSlug, s => s.CadenceMonths, ct);
        return reviews.GroupBy(r => r.ExplainerSlug).ToDictionary(
            g => g.Key,
            g => ReviewState.Compute(g, cadences.GetValueOrDefault(g.Key, ExplainerSchedule.Quarterly), Today),
            StringComparer.Ordinal);
    }

    /// <summary>The explainers reviewed most recently, newest first: what the feed announces as newly reviewed.</summary>
    public async Task<IReadOnlyList<string>> RecentlyReviewedAsync(int count, CancellationToken ct = default) =>
        await db.ReviewRecords.AsNoTracking().GroupBy(r => r.ExplainerSlug)
            .Select(g => new { Slug = g.Key, Last = g.Max(r => r.ReviewedOn) })
            .OrderByDescending(x => x.Last).Take(count).Select(x => x.Slug).ToListAsync(ct);

    /// <summary>A person with what they wrote or reviewed and the interviews they appear in; null for an unknown key.</summary>
    public Task<PersonProfile?> ProfileAsync(string key, CancellationToken ct = default) =>
        cache.GetAsync("person:" + key, Today, () => LoadProfileAsync(key, ct));

    private async Task<PersonProfile?> LoadProfileAsync(string key, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);
        if (person is null)
        {
            return null;
        }

        var contributions = await db.ExplainerContributors.AsNoTracking().Where(c => c.PersonId == person.Id).ToListAsync(ct);
        var appearances = await db.RelatedItemPeople.AsNoTracking().Where(p => p.PersonId == person.Id).Include(p => p.RelatedItem).ToListAsync(ct);
        return new PersonProfile(
            person,
            [.. contributions.Select(c => (c.ExplainerSlug, c.Role))],
            [.. appearances.Select(p => (p.RelatedItem!, p.Role))]);
    }
}

/// <summary>What a profile page shows of a person: the explainers by slug and role, and their interviews and articles.</summary>
public sealed record PersonProfile(
    Person Person,
    IReadOnlyList<(string Slug, ContributorRole Role)> Contributions,
    IReadOnlyList<(RelatedItem Item, RelatedItemRole Role)> Appearances);
