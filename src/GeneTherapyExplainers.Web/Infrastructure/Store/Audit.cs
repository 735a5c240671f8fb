using System.Globalization;
using System.Text;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Turns the pending changes of a save into audit entries, and keeps review records append-only. An interceptor that
/// <see cref="StoreProviders.Use{TBuilder}"/> adds to every context, so each save of the site, its commands and the tests goes
/// through it; a context's <see cref="EditorialDbContext.RecordsAudit"/> turns it off (the store copy only).
/// </summary>
internal sealed class Audit : SaveChangesInterceptor
{
    /// <summary>The one instance every context shares: it keeps nothing between saves.</summary>
    public static readonly Audit Interceptor = new();

    private Audit()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Record(DbContext? context)
    {
        if (context is not EditorialDbContext { RecordsAudit: true } db)
        {
            return;
        }

        var now = db.Clock.GetUtcNow();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => IsAudited(e.Entity))
            // A bare yes or no from a reader only counts: it is no step anyone takes, and there are many.
            .Where(e => e.Entity is not ReaderFeedback { NeedsReviewer: false } || e.State != EntityState.Added)
            .ToList();
        foreach (var entry in entries)
        {
            if (entry.Entity is ReviewRecord && entry.State != EntityState.Added)
            {
                throw new InvalidOperationException("Review records are kept as written: add a new record that corrects an earlier one.");
            }

            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                Actor = db.Actor,
                EntityType = entry.Metadata.ClrType.Name,
                EntityKey = KeyOf(entry.Entity, entry.State),
                Action = entry.State switch
                {
                    EntityState.Added => "Added",
                    EntityState.Deleted => "Removed",
                    _ => "Changed",
                },
                Details = Describe(entry),
            });
        }
    }

    /// <summary>The kinds of rows whose changes the audit trail keeps.</summary>
    public static bool IsAudited(object entity) =>
        entity is Person or RelatedItem or RelatedItemPerson or ExplainerRelated or ExplainerContributor or ExplainerSchedule or ReviewRecord or ReaderFeedback;

    /// <summary>The entry a save would write for a new row, for rows added without change tracking (see <see cref="BulkInsert"/>).</summary>
    public static AuditEntry ForAdded(object entity, string actor, DateTimeOffset at) => new()
    {
        At = at,
        Actor = actor,
        EntityType = entity.GetType().Name,
        EntityKey = KeyOf(entity, EntityState.Added),
        Action = "Added",
    };

    private static string KeyOf(object entity, EntityState state) => entity switch
    {
        Person p => p.Key,
        RelatedItem r => r.Key,
        ExplainerRelated l => $"{l.ExplainerSlug} → item {l.RelatedItemId}",
        // Keys end in "person N" wherever a person is involved, so the audit trail can be filtered by person.
        ExplainerContributor c => $"{c.ExplainerSlug} {c.Role} person {c.PersonId}",
        ExplainerSchedule s => s.ExplainerSlug,
        ReviewRecord r => $"{r.ExplainerSlug} {r.Kind} {r.ReviewedOn:yyyy-MM-dd}{(r.ReviewerId is { } reviewer ? $" person {reviewer}" : "")}",
        RelatedItemPerson x => $"item {x.RelatedItemId} {x.Role} person {x.PersonId}",
        // A new entry has no id yet; the reader's words never reach the audit trail, which is kept for good.
        ReaderFeedback f when state == EntityState.Added => $"{f.PagePath} {(f.IsReport ? "report" : f.Comment is null ? "answer" : "comment")}",
        ReaderFeedback f => $"#{f.Id} {f.PagePath}",
        _ => "?",
    };

    private static string? Describe(EntityEntry entry)
    {
        if (entry is { Entity: ReviewRecord { CorrectsId: { } corrects }, State: EntityState.Added })
        {
            return $"corrects review {corrects}";
        }

        if (entry.State != EntityState.Modified)
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.Name is not (nameof(Person.Version) or nameof(ReaderFeedback.Comment))))
        {
            var before = Show(property.OriginalValue);
            var after = Show(property.CurrentValue);
            if (before != after)
            {
                text.Append(CultureInfo.InvariantCulture, $"{property.Metadata.Name}: “{before}” → “{after}”; ");
            }
        }

        return text.Length == 0 ? null : text.ToString().TrimEnd(' ', ';');
    }

    private static string Show(object? value) => value switch
    {
        null => "",
        IEnumerable<string> list => string.Join(", ", list),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
