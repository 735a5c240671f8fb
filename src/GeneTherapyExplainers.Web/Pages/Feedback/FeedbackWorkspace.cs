using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Web.Pages.Feedback;

/// <summary>What readers said about one page: answers over a period, what waits for a reviewer, and the latest run of "no".</summary>
/// <param name="Page">Explainer or glossary term.</param>
/// <param name="Key">The explainer's slug or the term's key.</param>
/// <param name="Yes">"Yes, it helped" answers in the period.</param>
/// <param name="No">"No" answers in the period.</param>
/// <param name="WaitingReports">Mistake reports no reviewer has handled yet, whenever they came.</param>
/// <param name="WaitingComments">Comments (not reports) no reviewer has handled yet.</param>
/// <param name="NoRun">"No" answers in a row, newest first, since the page's last review or last handled feedback.</param>
/// <param name="OldestWaiting">When the oldest report or comment still waiting arrived (UTC).</param>
public sealed record PageFeedbackSummary(
    FeedbackPage Page, string Key, int Yes, int No, int WaitingReports, int WaitingComments, int NoRun, DateTime? OldestWaiting)
{
    public int Answers => Yes + No;

    public int Waiting => WaitingReports + WaitingComments;

    public string Path => ReaderFeedback.PathOf(Page, Key);

    /// <summary>A mistake report, or a run of "no", asks for a review.</summary>
    public bool ReviewRequested(int noRunLength) => WaitingReports > 0 || NoRun >= noRunLength;
}

/// <summary>The reviewers' view of reader feedback: counts, what waits, and what readers ask to have reviewed.</summary>
public sealed class FeedbackWorkspace(EditorialDbContext db)
{
    /// <summary>The explainer's title or the glossary term; the key itself when the page has gone from the content.</summary>
    public static string TitleOf(ContentCatalog catalog, FeedbackPage page, string key) => page switch
    {
        FeedbackPage.Explainers => catalog.Find(key)?.Title ?? key,
        _ => catalog.FindTerm(key)?.Term ?? key,
    };

    /// <summary>Every page with an answer in the period or something waiting, keyed by (page, key).</summary>
    public async Task<IReadOnlyDictionary<(FeedbackPage Page, string Key), PageFeedbackSummary>> SummariesAsync(DateTime since, CancellationToken ct = default)
    {
        var feedback = db.ReaderFeedback.AsNoTracking();
        var counts = await feedback.Where(f => f.ReceivedAt >= since && f.Helpful != null)
            .GroupBy(f => new { f.Page, f.PageKey })
            .Select(g => new { g.Key.Page, g.Key.PageKey, Yes = g.Count(f => f.Helpful == true), No = g.Count(f => f.Helpful == false) })
            .ToListAsync(ct);
        var waiting = await feedback.Where(f => f.HandledAt == null && (f.IsReport || f.Comment != null))
            .GroupBy(f => new { f.Page, f.PageKey })
            .Select(g => new { g.Key.Page, g.Key.PageKey, Reports = g.Count(f => f.IsReport), Comments = g.Count(f => !f.IsReport), Oldest = g.Min(f => f.ReceivedAt) })
            .ToListAsync(ct);
        var runs = await NoRunsAsync(ct);

        var byCount = counts.ToDictionary(c => (c.Page, c.PageKey));
        var byWaiting = waiting.ToDictionary(w => (w.Page, w.PageKey));
        var keys = byCount.Keys.Concat(byWaiting.Keys).Concat(runs.Keys).Distinct();
        return keys.ToDictionary(k => k, k =>
        {
            var c = byCount.GetValueOrDefault(k);
            var w = byWaiting.GetValueOrDefault(k);
            return new PageFeedbackSummary(k.Item1, k.Item2, c?.Yes ?? 0, c?.No ?? 0, w?.Reports ?? 0, w?.Comments ?? 0, runs.GetValueOrDefault(k), w?.Oldest);
        });
    }

    /// <summary>Pages readers ask to have reviewed, most urgent first: most reports, then the longest run of "no", then the longest wait.</summary>
    public static IReadOnlyList<PageFeedbackSummary> ReviewRequested(IEnumerable<PageFeedbackSummary> summaries, int noRunLength) =>
        [.. summaries.Where(s => s.ReviewRequested(noRunLength))
            .OrderByDescending(s => s.WaitingReports)
            .ThenByDescending(s => s.NoRun)
            .ThenBy(s => s.OldestWaiting ?? DateTime.MaxValue)
            .ThenBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>Reports and comments not yet handled, oldest first; of one page when given.</summary>
    public Task<List<ReaderFeedback>> WaitingAsync(FeedbackPage? page = null, string? key = null, int limit = 500, CancellationToken ct = default) =>
        OfPage(page, key).Where(f => f.HandledAt == null && (f.IsReport || f.Comment != null))
            .OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id).Take(limit).ToListAsync(ct);

    /// <summary>Handled reports and comments, last handled first.</summary>
    public Task<List<ReaderFeedback>> HandledAsync(FeedbackPage? page = null, string? key = null, int limit = 200, CancellationToken ct = default) =>
        OfPage(page, key).Where(f => f.HandledAt != null).Include(f => f.HandledReview)
            .OrderByDescending(f => f.HandledAt).ThenByDescending(f => f.Id).Take(limit).ToListAsync(ct);

    /// <summary>Reports and comments that arrived at or after <paramref name="since"/> and still wait.</summary>
    public Task<List<ReaderFeedback>> NewWaitingAsync(DateTime since, CancellationToken ct = default) =>
        db.ReaderFeedback.AsNoTracking().Where(f => f.ReceivedAt >= since && f.HandledAt == null && (f.IsReport || f.Comment != null))
            .OrderBy(f => f.ReceivedAt).ToListAsync(ct);

    private IQueryable<ReaderFeedback> OfPage(FeedbackPage? page, string? key)
    {
        var query = db.ReaderFeedback.AsNoTracking();
        return page is { } p && key is not null ? query.Where(f => f.Page == p && f.PageKey == key) : query;
    }

    /// <summary>
    /// For each page, the "no" answers in a row at the newest end of its answers since it was last looked at: its
    /// latest review (explainers) or the latest handling of any of its feedback, whichever is later.
    /// </summary>
    private async Task<Dictionary<(FeedbackPage, string), int>> NoRunsAsync(CancellationToken ct)
    {
        var reviewed = (await db.ReviewRecords.AsNoTracking().Select(r => new { r.ExplainerSlug, r.RecordedAt }).ToListAsync(ct))
            .GroupBy(r => r.ExplainerSlug)
            .ToDictionary(g => (FeedbackPage.Explainers, g.Key), g => g.Max(r => r.RecordedAt.UtcDateTime));
        var handled = await db.ReaderFeedback.AsNoTracking().Where(f => f.HandledAt != null)
            .GroupBy(f => new { f.Page, f.PageKey })
            .Select(g => new { g.Key.Page, g.Key.PageKey, Last = g.Max(f => f.HandledAt) })
            .ToListAsync(ct);
        var resetAt = new Dictionary<(FeedbackPage, string), DateTime>(reviewed);
        foreach (var h in handled)
        {
            var key = (h.Page, h.PageKey);
            if (h.Last is { } last && (!resetAt.TryGetValue(key, out var at) || last > at))
            {
                resetAt[key] = last;
            }
        }

        // Only "no" answers and the latest "yes" of each page matter; the rest never reaches memory.
        var nos = await db.ReaderFeedback.AsNoTracking().Where(f => f.Helpful == false)
            .Select(f => new { f.Page, f.PageKey, f.ReceivedAt }).ToListAsync(ct);
        var lastYes = await db.ReaderFeedback.AsNoTracking().Where(f => f.Helpful == true)
            .GroupBy(f => new { f.Page, f.PageKey })
            .Select(g => new { g.Key.Page, g.Key.PageKey, Last = g.Max(f => f.ReceivedAt) })
            .ToListAsync(ct);
        var yes = lastYes.ToDictionary(y => (y.Page, y.PageKey), y => y.Last);
        return nos.GroupBy(n => (n.Page, n.PageKey)).ToDictionary(g => g.Key, g =>
        {
            var from = resetAt.TryGetValue(g.Key, out var r) ? r : DateTime.MinValue;
            if (yes.TryGetValue(g.Key, out var y) && y > from)
            {
                from = y;
            }

            return g.Count(n => n.ReceivedAt > from);
        });
    }
}
