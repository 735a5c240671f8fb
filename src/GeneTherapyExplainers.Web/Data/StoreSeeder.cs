using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GeneTherapyExplainers.Web.Data;

/// <summary>
/// Inserts the records of <c>content/seed/store.yml</c> that the store does not have yet. It never updates a
/// record: once seeded, the store is the truth, and a change made on the site survives every restart.
/// </summary>
public static class StoreSeeder
{
    public const string SeedPath = "seed/store.yml";

    public static async Task<int> SeedAsync(EditorialDbContext db, string contentRoot, TimeProvider clock, CancellationToken ct = default) =>
        await SeedAsync(db, await ReadAsync(contentRoot, ct), clock, ct);

    /// <summary>The seed file of a content folder, or null when it has none (read apart, so it can be read while the store migrates).</summary>
    internal static async Task<SeedFile?> ReadAsync(string contentRoot, CancellationToken ct = default)
    {
        var path = Path.Combine(contentRoot, SeedPath);
        return File.Exists(path) ? Read(await File.ReadAllTextAsync(path, ct)) : null;
    }

    /// <summary>Adds what the seed file has and the store lacks; returns how many records were added.</summary>
    internal static async Task<int> SeedAsync(EditorialDbContext db, SeedFile? seed, TimeProvider clock, CancellationToken ct = default)
    {
        if (seed is null)
        {
            return 0;
        }

        db.Actor = "system:seed";
        var added = 0;
        var knownPeople = await db.People.Select(p => p.Key).ToListAsync(ct);
        foreach (var p in seed.People.Where(p => !knownPeople.Contains(p.Key)))
        {
            db.People.Add(new Person
            {
                Key = p.Key, Name = p.Name, Honorific = p.Honorific, RoleTitles = p.RoleTitles, Credentials = p.Credentials,
                Affiliations = p.Affiliations, Bio = p.Bio, SourcePage = p.Source,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        var people = await db.People.ToDictionaryAsync(p => p.Key, p => p.Id, ct);

        var knownItems = await db.RelatedItems.Select(r => r.Key).ToListAsync(ct);
        var newItems = seed.Related.Where(r => !knownItems.Contains(r.Key)).Select(r => (Seed: r, Item: db.RelatedItems.Add(new RelatedItem
        {
            Key = r.Key, Kind = r.Kind, Title = r.Title, Series = r.Series, Source = r.Publisher, Summary = r.Summary,
            Url = r.Url, SourcePage = r.Source,
        }).Entity)).ToList();
        added += newItems.Count;
        // The items are saved before their people, so that the audit entries of the links name the items' numbers.
        await db.SaveChangesAsync(ct);
        foreach (var (r, item) in newItems)
        {
            db.AddRange(r.Guests.Where(people.ContainsKey).Select(g => new RelatedItemPerson { RelatedItemId = item.Id, PersonId = people[g], Role = RelatedItemRole.Guest }));
            if (r.Host is not null && people.TryGetValue(r.Host, out var host))
            {
                db.Add(new RelatedItemPerson { RelatedItemId = item.Id, PersonId = host, Role = RelatedItemRole.Host });
            }
        }

        var knownSchedules = await db.ExplainerSchedules.Select(s => s.ExplainerSlug).ToListAsync(ct);
        foreach (var s in seed.Schedules.Where(s => !knownSchedules.Contains(s.Explainer)))
        {
            db.ExplainerSchedules.Add(new ExplainerSchedule { ExplainerSlug = s.Explainer, CadenceMonths = s.CadenceMonths, SourcePage = s.Source });
            added++;
        }

        // A seeded review is known by what it says happened; reviews are never edited, so this is stable.
        var seededReviews = (await db.ReviewRecords.Where(r => r.RecordedBy == "seed")
            .Select(r => new { r.ExplainerSlug, r.Kind, r.ReviewedOn, r.ReviewerId }).ToListAsync(ct))
            .Select(r => (r.ExplainerSlug, r.Kind, r.ReviewedOn, r.ReviewerId)).ToList();
        foreach (var r in seed.Reviews)
        {
            int? reviewer = r.Reviewer is not null && people.TryGetValue(r.Reviewer, out var id) ? id : null;
            if (seededReviews.Any(s => s.ExplainerSlug == r.Explainer && s.Kind == r.Kind && s.ReviewedOn == r.ReviewedOn && s.ReviewerId == reviewer))
            {
                continue;
            }

            db.ReviewRecords.Add(new ReviewRecord
            {
                ExplainerSlug = r.Explainer, Kind = r.Kind, ReviewedOn = r.ReviewedOn, ReviewerId = reviewer, Notes = r.Notes,
                RecordedAt = clock.GetUtcNow(), RecordedBy = "seed", SourcePage = r.Source,
            });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>The person and related-item keys the seed file defines: what a fresh store will know.</summary>
    public static (ISet<string> People, ISet<string> Items) Keys(string contentRoot)
    {
        var path = Path.Combine(contentRoot, SeedPath);
        var seed = File.Exists(path) ? Read(File.ReadAllText(path)) : new SeedFile();
        return (seed.People.Select(p => p.Key).ToHashSet(StringComparer.Ordinal), seed.Related.Select(r => r.Key).ToHashSet(StringComparer.Ordinal));
    }

    private static SeedFile Read(string yaml) =>
        new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<SeedFile>(yaml) ?? new SeedFile();

#pragma warning disable CA1002, CA2227, CA1812 // Shapes YamlDotNet fills.
    /// <summary>What <c>seed/store.yml</c> holds: people, related items, review schedules and reviews.</summary>
    internal sealed class SeedFile
    {
        public List<SeedPerson> People { get; set; } = [];
        public List<SeedRelated> Related { get; set; } = [];
        public List<SeedSchedule> Schedules { get; set; } = [];
        public List<SeedReview> Reviews { get; set; } = [];
    }

    internal sealed class SeedPerson
    {
        public string Key { get; set; } = "";
        public string Name { get; set; } = "";
        public string? Honorific { get; set; }
        public List<string> RoleTitles { get; set; } = [];
        public string? Credentials { get; set; }
        public List<string> Affiliations { get; set; } = [];
        public string? Bio { get; set; }
        public string? Source { get; set; }
    }

    internal sealed class SeedRelated
    {
        public string Key { get; set; } = "";
        public RelatedItemKind Kind { get; set; }
        public string Title { get; set; } = "";
        public string? Series { get; set; }
        public string? Publisher { get; set; }
        public List<string> Guests { get; set; } = [];
        public string? Host { get; set; }
        public string? Summary { get; set; }
        public string? Url { get; set; }
        public string? Source { get; set; }
    }

    internal sealed class SeedSchedule
    {
        public string Explainer { get; set; } = "";
        public int CadenceMonths { get; set; } = ExplainerSchedule.Quarterly;
        public string? Source { get; set; }
    }

    internal sealed class SeedReview
    {
        public string Explainer { get; set; } = "";
        public ReviewKind Kind { get; set; }
        public DateOnly ReviewedOn { get; set; }
        public string? Reviewer { get; set; }
        public string? Notes { get; set; }
        public string? Source { get; set; }
    }
#pragma warning restore CA1002, CA2227, CA1812
}
