using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Infrastructure;

public enum ReviewStatus
{
    Overdue,
    NeverReviewed,
    DueSoon,
    UpToDate,
}

/// <summary>Where an explainer stands on its review cadence. One rule for the public page and the dashboard.</summary>
/// <param name="Last">The latest review that still stands, if any.</param>
/// <param name="NextDue">The last review plus the cadence.</param>
/// <param name="Status">Overdue, due soon, up to date or never reviewed.</param>
/// <param name="First">The date of the earliest review that still stands: the explainer existed by then.</param>
public sealed record ReviewState(ReviewRecord? Last, DateOnly? NextDue, ReviewStatus Status, DateOnly? First = null)
{
    /// <summary>How many days ahead counts as "due soon".</summary>
    public const int DueSoonDays = 30;

    /// <summary>The standing of an explainer with no review on record.</summary>
    public static ReviewState NotReviewed { get; } = new(null, null, ReviewStatus.NeverReviewed);

    /// <summary>
    /// The latest review that no later entry corrects decides the next due date: last review plus the cadence.
    /// </summary>
    public static ReviewState Compute(IEnumerable<ReviewRecord> reviews, int cadenceMonths, DateOnly today)
    {
        var all = reviews.ToList();
        var corrected = all.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        var standing = Effective(all, corrected).ToList();
        var last = standing.FirstOrDefault();
        if (last is null)
        {
            return NotReviewed;
        }

        var due = last.ReviewedOn.AddMonths(cadenceMonths);
        var status = due < today ? ReviewStatus.Overdue
            : due <= today.AddDays(DueSoonDays) ? ReviewStatus.DueSoon
            : ReviewStatus.UpToDate;
        return new ReviewState(last, due, status, standing.Min(r => r.ReviewedOn));
    }

    /// <summary>Reviews that still stand, newest first: corrected entries are left out.</summary>
    public static IEnumerable<ReviewRecord> Effective(IEnumerable<ReviewRecord> reviews, ISet<int>? corrected = null)
    {
        var list = reviews.ToList();
        corrected ??= list.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        return list.Where(r => !corrected.Contains(r.Id)).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id);
    }

    /// <summary>
    /// When the explainer was first published: its front-matter date when given; otherwise the earlier of its file
    /// date and its first review, since a page cannot be reviewed before it exists.
    /// </summary>
    public DateOnly PublishedOn(Content.Model.Explainer explainer) =>
        explainer.Published ?? Earlier(DateOnly.FromDateTime(explainer.Modified.UtcDateTime), First);

    /// <summary>When the explainer last changed: the later of its file date and its latest standing review.</summary>
    public DateOnly UpdatedOn(Content.Model.Explainer explainer)
    {
        var changed = DateOnly.FromDateTime(explainer.Modified.UtcDateTime);
        return Last is { } last && last.ReviewedOn > changed ? last.ReviewedOn : changed;
    }

    private static DateOnly Earlier(DateOnly a, DateOnly? b) => b is { } other && other < a ? other : a;

    public static string Describe(ReviewStatus status) => status switch
    {
        ReviewStatus.Overdue => "Overdue",
        ReviewStatus.NeverReviewed => "Never reviewed",
        ReviewStatus.DueSoon => "Due within 30 days",
        _ => "Up to date",
    };
}
