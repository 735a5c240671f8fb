using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Seeds a store made by this start: it holds nothing yet, so there is nothing to look up first, and the rows go in
/// without a save (a cold save costs more at start than the rows themselves).
/// </summary>
internal static class NewStoreSeed
{
    /// <summary>
    /// Adds every seed row to a store made by this start, in bulk, in one transaction, with the audit entries a save
    /// would write; returns how many records were added. Stores the same rows as <see cref="StoreSeeder"/>'s saves
    /// (<c>SeedingTests</c>).
    /// </summary>
    public static async Task<int> SeedAsync(EditorialDbContext db, StoreSeeder.SeedFile? seed, TimeProvider clock, CancellationToken ct = default)
    {
        if (seed is null)
        {
            return 0;
        }

        db.Actor = "system:seed";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var people = seed.People.Select(p => new Person
        {
            Key = p.Key, Name = p.Name, Honorific = p.Honorific, RoleTitles = p.RoleTitles, Credentials = p.Credentials,
            Affiliations = p.Affiliations, Bio = p.Bio, SourcePage = p.Source,
        }).ToList();
        await BulkInsert.AddAsync(db, people, ct);
        var personIds = await BulkInsert.IdsByKeyAsync<Person>(db, ct);

        var items = seed.Related.Select(r => new RelatedItem
        {
            Key = r.Key, Kind = r.Kind, Title = r.Title, Series = r.Series, Source = r.Publisher, Summary = r.Summary,
            Url = r.Url, SourcePage = r.Source,
        }).ToList();
        await BulkInsert.AddAsync(db, items, ct);
        var itemIds = await BulkInsert.IdsByKeyAsync<RelatedItem>(db, ct);
        var itemPeople = seed.Related.SelectMany(r => r.Guests.Where(personIds.ContainsKey).Select(g => (Item: r.Key, Person: g, Role: RelatedItemRole.Guest))
                .Concat(r.Host is not null && personIds.ContainsKey(r.Host) ? [(r.Key, r.Host, RelatedItemRole.Host)] : []))
            .Select(x => new RelatedItemPerson { RelatedItemId = itemIds[x.Item], PersonId = personIds[x.Person], Role = x.Role })
            .ToList();
        await BulkInsert.AddAsync(db, itemPeople, ct);

        var schedules = seed.Schedules.Select(s => new ExplainerSchedule { ExplainerSlug = s.Explainer, CadenceMonths = s.CadenceMonths, SourcePage = s.Source }).ToList();
        await BulkInsert.AddAsync(db, schedules, ct);
        var reviews = seed.Reviews.Select(r => new ReviewRecord
        {
            ExplainerSlug = r.Explainer, Kind = r.Kind, ReviewedOn = r.ReviewedOn,
            ReviewerId = r.Reviewer is not null && personIds.TryGetValue(r.Reviewer, out var id) ? id : null,
            Notes = r.Notes, RecordedAt = clock.GetUtcNow(), RecordedBy = "seed", SourcePage = r.Source,
        }).ToList();
        await BulkInsert.AddAsync(db, reviews, ct);

        var at = db.Clock.GetUtcNow();
        await BulkInsert.AddAsync(db, people.Concat<object>(items).Concat(itemPeople).Concat(schedules).Concat(reviews).Select(row => Audit.ForAdded(row, db.Actor, at)).ToList(), ct);
        await transaction.CommitAsync(ct);
        return people.Count + items.Count + schedules.Count + reviews.Count;
    }
}
