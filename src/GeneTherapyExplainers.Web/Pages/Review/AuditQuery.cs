using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>
/// Narrows the audit trail to one explainer, person, account or span of days, in the database: a filtered page reads
/// one page of rows however long the trail. Keys are matched as <c>Infrastructure/Store/Audit.cs</c> writes them.
/// </summary>
public static class AuditQuery
{
    /// <summary>The rows that concern this explainer: its links, contributors, schedule, reviews and reader feedback.</summary>
    public static IQueryable<AuditEntry> AboutExplainer(this IQueryable<AuditEntry> entries, string slug)
    {
        string[] types = [nameof(ExplainerRelated), nameof(ExplainerContributor), nameof(ExplainerSchedule), nameof(ReviewRecord)];
        var prefix = slug + " ";
        var page = SitePaths.Explainer(slug);
        var pageThen = page + " ";
        return entries.Where(a =>
            (types.Contains(a.EntityType) && (a.EntityKey == slug || a.EntityKey.StartsWith(prefix)))
            || (a.EntityType == nameof(ReaderFeedback) && (a.EntityKey.Contains(pageThen) || a.EntityKey.EndsWith(page))));
    }

    /// <summary>The rows about this person: their own record, and every row whose key ends in "person N" (reviews, contributors, guests, hosts).</summary>
    public static IQueryable<AuditEntry> AboutPerson(this IQueryable<AuditEntry> entries, Person person)
    {
        var suffix = " person " + person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return entries.Where(a => (a.EntityType == nameof(Person) && a.EntityKey == person.Key) || a.EntityKey.EndsWith(suffix));
    }

    /// <summary>What an account did, and what was done to it (made, removed, its password reset).</summary>
    public static IQueryable<AuditEntry> ByAccount(this IQueryable<AuditEntry> entries, string email) =>
        entries.Where(a => a.Actor == email || (a.EntityType == "Account" && a.EntityKey == email));

    /// <summary>
    /// The id of the first entry made at or after <paramref name="instant"/>, or null when there is none. Entries are
    /// only added, with the time of their save, so ids follow time: a binary search reads about 20 rows for a
    /// million, and works on SQLite, which cannot compare the stored times in a query.
    /// </summary>
    public static async Task<long?> FirstIdAtOrAfterAsync(IQueryable<AuditEntry> all, DateTimeOffset instant, CancellationToken ct)
    {
        var ids = all.Select(a => a.Id);
        if (!await ids.AnyAsync(ct))
        {
            return null;
        }

        long lo = await ids.MinAsync(ct), hi = await ids.MaxAsync(ct);
        long? answer = null;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var upper = hi;
            var row = await all.Where(a => a.Id >= mid && a.Id <= upper).OrderBy(a => a.Id).Select(a => new { a.Id, a.At }).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                hi = mid - 1;
            }
            else if (row.At >= instant)
            {
                answer = row.Id;
                hi = mid - 1;
            }
            else
            {
                lo = row.Id + 1;
            }
        }

        return answer;
    }
}
