using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Feedback;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>Builds the digest of a period from the review workspace and the reader feedback: one for every reviewer.</summary>
public sealed class DigestComposer(
    ReviewWorkspace reviews,
    FeedbackWorkspace feedback,
    ContentCatalogProvider content,
    IOptions<DigestOptions> digest,
    IOptions<FeedbackOptions> feedbackOptions,
    IOptions<SiteOptions> site)
{
    public async Task<ReviewDigest> ComposeAsync(DateTime periodStart, DateTime utcNow, CancellationToken ct = default)
    {
        var catalog = content.Current;
        var options = digest.Value;
        var today = DateOnly.FromDateTime(utcNow);
        var soon = today.AddDays(options.DueWithinDays);
        var rows = (await reviews.DashboardAsync(catalog, ct)).Where(r => !r.Explainer.Draft).ToList();
        var overdue = rows.Where(r => r.State.Status is ReviewStatus.Overdue or ReviewStatus.NeverReviewed)
            .Select(r => new DigestExplainer(r.Explainer.Slug, r.Explainer.Title, r.State.NextDue)).ToList();
        var dueSoon = rows.Where(r => r.State.NextDue is { } due && due >= today && due <= soon)
            .Select(r => new DigestExplainer(r.Explainer.Slug, r.Explainer.Title, r.State.NextDue)).ToList();

        // New: arrived since the start of the period before this one, so nothing is missed when a digest goes out late.
        var since = periodStart - options.Every;
        var waiting = await feedback.NewWaitingAsync(since, ct);
        var fromReaders = waiting.GroupBy(f => (f.Page, f.PageKey))
            .Select(g => new DigestFeedback(ReaderFeedback.PathOf(g.Key.Page, g.Key.PageKey), FeedbackWorkspace.TitleOf(catalog, g.Key.Page, g.Key.PageKey), g.Count(f => f.IsReport), g.Count(f => !f.IsReport)))
            .OrderByDescending(f => f.Reports).ThenBy(f => f.Title, StringComparer.Ordinal).ToList();
        var summaries = await feedback.SummariesAsync(utcNow.AddDays(-feedbackOptions.Value.DashboardDays), ct);
        var requested = FeedbackWorkspace.ReviewRequested(summaries.Values, feedbackOptions.Value.NoAnswersInARow)
            .Select(s => FeedbackWorkspace.TitleOf(catalog, s.Page, s.Key)).ToList();
        return new ReviewDigest(periodStart, today, options.DueWithinDays, since, overdue, dueSoon, fromReaders, requested, site.Value.PublicUrl.TrimEnd('/'));
    }
}
