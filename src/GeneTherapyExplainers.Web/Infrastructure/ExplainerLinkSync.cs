using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Brings what explainers' front matter says about people and related items into the store, and reports keys
/// the store does not know with file and line. Contributors follow the front matter; a related item is linked
/// the first time front matter names it, and a link a reviewer detached is never brought back.
/// </summary>
public static class ExplainerLinkSync
{
    /// <summary>Beyond this many explainers, reading every link row once beats asking for each explainer's.</summary>
    private const int ReadAllAbove = 500;

    /// <summary>
    /// Syncs the explainers a catalog change added or replaced; returns the unknown keys among them.
    /// <paramref name="firstDate"/> says when an explainer first existed, from its content (see <c>Infrastructure.ContentHistory</c>);
    /// without it, <paramref name="today"/>. With <paramref name="newStore"/> (the first sync of a store made by this
    /// start, which only seeding has written to) nothing is linked yet: only the seeded schedules are read, keys are read
    /// without a query to compile, and the new rows are added in bulk however few they are.
    /// </summary>
    public static async Task<IReadOnlyList<ContentProblem>> SyncAsync(
        EditorialDbContext db, IReadOnlyCollection<Explainer> changed, DateOnly today, Func<Explainer, DateOnly>? firstDate = null, bool newStore = false, CancellationToken ct = default)
    {
        db.Actor = "system:content";
        var people = newStore ? await BulkInsert.IdsByKeyAsync<Person>(db, ct) : await db.People.AsNoTracking().ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        var items = newStore ? await BulkInsert.IdsByKeyAsync<RelatedItem>(db, ct) : await db.RelatedItems.AsNoTracking().ToDictionaryAsync(r => r.Key, r => r.Id, ct);
        var slugs = changed.Select(e => e.Slug).ToList();
        var all = slugs.Count > ReadAllAbove;
        var contributors = newStore ? [] : (await db.ExplainerContributors.Where(c => all || slugs.Contains(c.ExplainerSlug)).ToListAsync(ct))
            .ToDictionary(c => (c.ExplainerSlug, c.Role));
        var links = newStore ? [] : (await db.ExplainerRelated.Where(l => all || slugs.Contains(l.ExplainerSlug)).Select(l => new { l.ExplainerSlug, l.RelatedItemId }).ToListAsync(ct))
            .Select(l => (l.ExplainerSlug, l.RelatedItemId)).ToHashSet();
        var schedules = await db.ExplainerSchedules.Where(s => all || slugs.Contains(s.ExplainerSlug)).ToDictionaryAsync(s => s.ExplainerSlug, ct);
        var added = new NewRows();

        foreach (var explainer in changed)
        {
            foreach (var (role, key, _) in Contributors(explainer))
            {
                var current = contributors.GetValueOrDefault((explainer.Slug, role));
                int? personId = key is not null && people.TryGetValue(key, out var id) ? id : null;
                if (current is not null && current.PersonId != personId)
                {
                    db.ExplainerContributors.Remove(current);
                }

                if (personId is { } pid && current?.PersonId != pid)
                {
                    added.Contributors.Add(new ExplainerContributor { ExplainerSlug = explainer.Slug, Role = role, PersonId = pid });
                }
            }

            for (var i = 0; i < explainer.RelatedKeys.Count; i++)
            {
                if (items.TryGetValue(explainer.RelatedKeys[i], out var itemId) && links.Add((explainer.Slug, itemId)))
                {
                    added.Related.Add(new ExplainerRelated { ExplainerSlug = explainer.Slug, RelatedItemId = itemId, Position = i });
                }
            }

            // The first date comes from the content, not from the day this database first saw the explainer;
            // a date recorded that way by an earlier version is moved back to the content's.
            var first = firstDate?.Invoke(explainer) ?? today;
            if (!schedules.TryGetValue(explainer.Slug, out var schedule))
            {
                schedules[explainer.Slug] = schedule = new ExplainerSchedule { ExplainerSlug = explainer.Slug, FirstSeenOn = first };
                added.Schedules.Add(schedule);
            }
            else if (schedule.FirstSeenOn is null || schedule.FirstSeenOn > first)
            {
                schedule.FirstSeenOn = first;
            }
        }

        await added.SaveAsync(db, newStore, ct);
        return UnknownKeys(changed, people.Keys.ToHashSet(StringComparer.Ordinal), items.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Every person or related-item key in front matter that is not among the known keys, with file and line.</summary>
    public static IReadOnlyList<ContentProblem> UnknownKeys(IEnumerable<Explainer> explainers, ISet<string> people, ISet<string> items)
    {
        var problems = new List<ContentProblem>();
        foreach (var explainer in explainers)
        {
            foreach (var (_, key, field) in Contributors(explainer))
            {
                if (key is not null && !people.Contains(key))
                {
                    problems.Add(Unknown(explainer, field, $"No person with the key '{key}' is in the store. Check the spelling, or ask a reviewer to add the person."));
                }
            }

            for (var i = 0; i < explainer.RelatedKeys.Count; i++)
            {
                if (!items.Contains(explainer.RelatedKeys[i]))
                {
                    problems.Add(Unknown(explainer, $"related[{i}]", $"No related interview or article with the key '{explainer.RelatedKeys[i]}' is in the store."));
                }
            }
        }

        return problems;
    }

    /// <summary>The rows a sync adds: saved with the rest of the changes, or in bulk when there are many (a first start).</summary>
    private sealed class NewRows
    {
        public List<ExplainerContributor> Contributors { get; } = [];

        public List<ExplainerRelated> Related { get; } = [];

        public List<ExplainerSchedule> Schedules { get; } = [];

        public async Task SaveAsync(EditorialDbContext db, bool bulk, CancellationToken ct)
        {
            if (!bulk && Contributors.Count + Related.Count + Schedules.Count <= BulkInsert.Above)
            {
                db.AddRange(Contributors);
                db.AddRange(Related);
                db.AddRange(Schedules);
                await db.SaveChangesAsync(ct);
                return;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(ct);
            }

            await BulkInsert.AddAsync(db, Contributors, ct);
            await BulkInsert.AddAsync(db, Related, ct);
            await BulkInsert.AddAsync(db, Schedules, ct);
            var at = db.Clock.GetUtcNow();
            await BulkInsert.AddAsync(db, Contributors.Concat<object>(Related).Concat(Schedules).Select(row => Audit.ForAdded(row, db.Actor, at)).ToList(), ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static (ContributorRole Role, string? Key, string Field)[] Contributors(Explainer explainer) =>
    [
        (ContributorRole.Author, explainer.AuthorKey, "author"),
        (ContributorRole.MedicalReviewer, explainer.MedicalReviewerKey, "reviewers.medical"),
        (ContributorRole.TechnicalReviewer, explainer.TechnicalReviewerKey, "reviewers.technical"),
    ];

    private static ContentProblem Unknown(Explainer explainer, string field, string message)
    {
        var at = explainer.Locations.GetValueOrDefault(field, new SourceLocation(1, 1));
        return new ContentProblem(explainer.SourcePath, at.Line, at.Column, ProblemSeverity.Error, message);
    }
}
