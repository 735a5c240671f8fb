using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Records each new version of an explainer's text in the store when the site picks up a changed file, and says
/// whether an explainer has changed since its last review. Only explainers whose fingerprint differs from their latest
/// recorded version get a row, so touching a file or restarting the site records nothing.
/// </summary>
public static class ContentVersionLog
{
    /// <summary>Beyond this many explainers, reading every latest version at once beats asking for each explainer's.</summary>
    private const int ReadAllAbove = 500;

    /// <summary>
    /// Adds a version for each explainer whose text is not its latest recorded version; returns how many were added.
    /// With <paramref name="newStore"/> (the first sync of a store made by this start) there is no version to read first,
    /// and they are added in bulk however few they are.
    /// </summary>
    public static async Task<int> RecordAsync(EditorialDbContext db, IReadOnlyCollection<Explainer> explainers, DateTimeOffset now, bool newStore = false, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(db, explainers, now, newStore, ct);
            }
            catch (Exception ex) when (attempt < 3 && (ex is DbUpdateException update && StoreErrors.IsUniqueViolation(update)
                || ex is System.Data.Common.DbException inBulk && BulkInsert.IsUniqueViolation(inBulk)))
            {
                // Another instance recorded the same change at the same moment: read again and add only what is still missing.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The latest recorded version of each of the given explainers (all of them when <paramref name="slugs"/> is null).</summary>
    public static async Task<Dictionary<string, ContentVersion>> LatestAsync(EditorialDbContext db, IReadOnlyCollection<string>? slugs, CancellationToken ct = default)
    {
        var all = slugs is null || slugs.Count > ReadAllAbove;
        var wanted = slugs?.ToList() ?? [];
        return await db.ContentVersions.AsNoTracking()
            .Where(v => all || wanted.Contains(v.ExplainerSlug))
            .Where(v => !db.ContentVersions.Any(w => w.ExplainerSlug == v.ExplainerSlug && w.Number > v.Number))
            .ToDictionaryAsync(v => v.ExplainerSlug, StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// When the explainer has changed since <paramref name="lastReview"/>: the date of its latest change; otherwise null.
    /// A review that kept its fingerprint compares texts. One recorded before reviews kept fingerprints counts as changed
    /// only when the site recorded a new version after it.
    /// </summary>
    public static DateTimeOffset? ChangedSince(ReviewRecord? lastReview, ContentVersion? latest, Explainer explainer)
    {
        if (lastReview is null)
        {
            return null;
        }

        var changed = lastReview.ContentFingerprint is { } reviewed
            ? reviewed != explainer.Fingerprint
            : latest is { Number: > 1 } && latest.RecordedAt > lastReview.RecordedAt;
        return changed ? LastChange(latest, explainer) : null;
    }

    /// <summary>When the explainer's text last changed: its latest recorded version's date, or the file's date before one is recorded.</summary>
    public static DateTimeOffset LastChange(ContentVersion? latest, Explainer explainer) =>
        latest is not null && latest.Fingerprint == explainer.Fingerprint ? latest.ChangedAt : explainer.Modified;

    private static async Task<int> RecordOnceAsync(EditorialDbContext db, IReadOnlyCollection<Explainer> explainers, DateTimeOffset now, bool newStore, CancellationToken ct)
    {
        var latest = newStore ? [] : await LatestAsync(db, [.. explainers.Select(e => e.Slug)], ct);
        var versions = new List<ContentVersion>();
        foreach (var explainer in explainers)
        {
            var last = latest.GetValueOrDefault(explainer.Slug);
            if (last?.Fingerprint == explainer.Fingerprint)
            {
                continue;
            }

            versions.Add(new ContentVersion
            {
                ExplainerSlug = explainer.Slug,
                Number = (last?.Number ?? 0) + 1,
                Fingerprint = explainer.Fingerprint,
                // A file date older than the last version's recording (a copy that kept an old date) cannot be when it changed.
                ChangedAt = last is not null && explainer.Modified < last.RecordedAt ? now : explainer.Modified,
                ChangeNote = explainer.ChangeNote,
                RecordedAt = now,
            });
        }

        if (versions.Count > (newStore ? 0 : BulkInsert.Above))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.AddAsync(db, versions, ct);
            await transaction.CommitAsync(ct);
        }
        else if (versions.Count > 0)
        {
            db.ContentVersions.AddRange(versions);
            await db.SaveChangesAsync(ct);
        }

        return versions.Count;
    }
}
