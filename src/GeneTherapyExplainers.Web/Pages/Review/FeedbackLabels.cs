using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Feedback;

namespace GeneTherapyExplainers.Web.Pages.Review;

/// <summary>How feedback is described to reviewers, the same on every page of the workspace.</summary>
public static class FeedbackLabels
{
    public static string Nature(ReaderFeedback f) => f.IsReport ? "Mistake report" : f.Comment is not null ? "Comment" : "Answer";

    public static string Helpful(bool? helpful) => helpful switch
    {
        true => "Yes",
        false => "No",
        _ => "Not answered",
    };

    /// <summary>"2 mistake reports, 3 “no” answers in a row": why a page is on the "review requested" list.</summary>
    public static string Why(PageFeedbackSummary s, int noRunLength)
    {
        var reasons = new List<string>();
        if (s.WaitingReports > 0)
        {
            reasons.Add(s.WaitingReports == 1 ? "1 mistake report" : $"{s.WaitingReports} mistake reports");
        }

        if (s.NoRun >= noRunLength)
        {
            reasons.Add($"{s.NoRun} “no” answers in a row");
        }

        return string.Join(", ", reasons);
    }

    public static string Waiting(int reports, int comments)
    {
        var parts = new List<string>();
        if (reports > 0)
        {
            parts.Add(reports == 1 ? "1 report" : $"{reports} reports");
        }

        if (comments > 0)
        {
            parts.Add(comments == 1 ? "1 comment" : $"{comments} comments");
        }

        return parts.Count == 0 ? "Nothing waiting" : string.Join(", ", parts) + " waiting";
    }

    /// <summary>"14 Dec 2026, 09:30 UTC".</summary>
    public static string When(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm", Format.Culture) + " UTC";
}
