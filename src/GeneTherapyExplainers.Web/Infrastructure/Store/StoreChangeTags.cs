using System.Data.Common;
using System.Runtime.CompilerServices;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GeneTherapyExplainers.Web.Infrastructure.Store;

/// <summary>
/// Says what each save changed, as the tags of the pages that show it: <c>store:{slug}</c> for an explainer's reviews,
/// people and related items, <c>reviews</c> for any review date, <c>person:{id}</c> and <c>related:{id}</c>. Anything it does
/// not recognise is <c>*</c>, everything. The tags are published through <see cref="StoreChanges"/> once the save is
/// committed (and again at the end of an explicit transaction), so a page rendered from the new rows can be kept.
/// </summary>
public sealed class StoreChangeTags(StoreChanges changes) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<string>> pending = [];

    /// <summary>The tags of the pages an entity change touches.</summary>
    public static IEnumerable<string> For(object entity) => entity switch
    {
        ReviewRecord r => ["store:" + r.ExplainerSlug, "reviews"],
        ExplainerSchedule s => ["store:" + s.ExplainerSlug, "reviews"],
        ExplainerContributor c => ["store:" + c.ExplainerSlug, "person:" + c.PersonId],
        ExplainerRelated l => ["store:" + l.ExplainerSlug, "related:" + l.RelatedItemId],
        Person p => ["person:" + p.Id],
        RelatedItem i => ["related:" + i.Id],
        RelatedItemPerson rp => ["related:" + rp.RelatedItemId, "person:" + rp.PersonId],
        // A new version of an explainer's text: its page (changed since review, dateModified) and its page history.
        ContentVersion v => ["store:" + v.ExplainerSlug],
        // Accounts, keys, the audit trail, reader feedback, digests and reviewed texts (shown to reviewers only) appear
        // on no public page: a reader's answer must not evict every cached page.
        ReviewedText or ReaderFeedback or DigestDelivery or AuditEntry or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey or SiteUser or IdentityRole or IdentityUserRole<string> or IdentityUserClaim<string> or IdentityUserLogin<string>
            or IdentityUserToken<string> or IdentityRoleClaim<string> => [],
        _ => ["*"],
    };

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Announce(eventData.Context);
        return result;
    }

    ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken)
    {
        Announce(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>A transaction with no save in it changed rows by SQL this cannot see: everything may have changed.</summary>
    private void Committed(DbContext? context)
    {
        if (context is not null && !pending.TryGetValue(context, out _))
        {
            changes.Publish(StoreChange.Everything);
            return;
        }

        Announce(context, committed: true);
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var tags = pending.GetValue(context, _ => new HashSet<string>(StringComparer.Ordinal));
        lock (tags)
        {
            foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                tags.UnionWith(For(entry.Entity));
            }
        }
    }

    /// <summary>Announces what is pending; inside an explicit transaction it stays pending until the commit.</summary>
    private void Announce(DbContext? context, bool committed = false)
    {
        if (context is null || !pending.TryGetValue(context, out var tags))
        {
            return;
        }

        string[] changed;
        lock (tags)
        {
            changed = [.. tags];
            if (committed || context.Database.CurrentTransaction is null)
            {
                pending.Remove(context);
            }
        }

        if (changed.Length > 0)
        {
            // Applied here, and sent to every other instance when there are several.
            changes.Publish(changed.Contains("*") ? StoreChange.Everything : StoreChange.Of(changed));
        }
    }
}
