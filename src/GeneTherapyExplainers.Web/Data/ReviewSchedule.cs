using GeneTherapyExplainers.Web.Data.Entities;

namespace GeneTherapyExplainers.Web.Data;

public enum ReviewStatus
{
    Overdue,
    NeverReviewed,
    DueSoon,
    UpToDate,
}

/// <summary>Where an explainer stands on its review cadence. One rule for the public page and the dashboard.</summary>
public sealed record ReviewState(ReviewRecord? Last, DateOnly? NextDue, ReviewStatus Status)
{
    /// <summary>How many days ahead counts as "due soon".</summary>
    public const int DueSoonDays = 30;

    /// <summary>
    /// The latest review that no later entry corrects decides the next due date: last review plus the cadence.
    /// </summary>
    public static ReviewState Compute(IEnumerable<ReviewRecord> reviews, int cadenceMonths, DateOnly today)
    {
        var all = reviews.ToList();
        var corrected = all.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        var last = Effective(all, corrected).FirstOrDefault();
        if (last is null)
        {
            return new ReviewState(null, null, ReviewStatus.NeverReviewed);
        }

        var due = last.ReviewedOn.AddMonths(cadenceMonths);
        var status = due < today ? ReviewStatus.Overdue
            : due <= today.AddDays(DueSoonDays) ? ReviewStatus.DueSoon
            : ReviewStatus.UpToDate;
        return new ReviewState(last, due, status);
    }

    /// <summary>Reviews that still stand, newest first: corrected entries are left out.</summary>
    public static IEnumerable<ReviewRecord> Effective(IEnumerable<ReviewRecord> reviews, ISet<int>? corrected = null)
    {
        var list = reviews.ToList();
        corrected ??= list.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        return list.Where(r => !corrected.Contains(r.Id)).OrderByDescending(r => r.ReviewedOn).ThenByDescending(r => r.Id);
    }

    public static string Describe(ReviewStatus status) => status switch
    {
        ReviewStatus.Overdue => "Overdue",
        ReviewStatus.NeverReviewed => "Never reviewed",
        ReviewStatus.DueSoon => "Due within 30 days",
        _ => "Up to date",
    };
}
