using System.Globalization;
using System.Text;
using GeneTherapyExplainers.Web.Infrastructure;

namespace GeneTherapyExplainers.Web.Pages.Review.Reminders;

/// <summary>One explainer in a digest: due (or overdue) on a date, or never reviewed.</summary>
public sealed record DigestExplainer(string Slug, string Title, DateOnly? Due);

/// <summary>One page with reports or comments from readers that arrived in the last period and still wait.</summary>
public sealed record DigestFeedback(string Path, string Title, int Reports, int Comments);

/// <summary>
/// What a reviewer's digest says: reviews overdue and due soon, and new reader reports. Readers' words are never in it,
/// only counts and links, so they stay in the store and go when it deletes them.
/// </summary>
public sealed record ReviewDigest(
    DateTime PeriodStart,
    DateOnly Today,
    int DueWithinDays,
    DateTime NewSince,
    IReadOnlyList<DigestExplainer> Overdue,
    IReadOnlyList<DigestExplainer> DueSoon,
    IReadOnlyList<DigestFeedback> NewFromReaders,
    IReadOnlyList<string> ReviewRequested,
    string SiteBase)
{
    public bool IsEmpty => Overdue.Count == 0 && DueSoon.Count == 0 && NewFromReaders.Count == 0;

    public string Subject => $"Review digest for {Format.Date(DateOnly.FromDateTime(PeriodStart))}: "
        + $"{Overdue.Count} overdue, {DueSoon.Count} due soon, {NewFromReaders.Sum(f => f.Reports + f.Comments)} new from readers";

    /// <summary>Plain text, the same in the e-mail, the log and the notify command's output.</summary>
    public string Text(string recipient)
    {
        var text = new StringBuilder();
        void Line(string value = "") => text.Append(value).Append('\n');
        Line($"Review digest for {recipient}, for the period starting {PeriodStart.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC.");
        Line();
        Line($"Overdue ({Overdue.Count})");
        foreach (var e in Overdue)
        {
            Line($"  - {e.Title}: {(e.Due is { } due ? "was due " + Format.Date(due) : "never reviewed")}");
            Line($"    {Link(SitePaths.ReviewExplainer(e.Slug))}");
        }

        Line();
        Line($"Due in the next {DueWithinDays} days ({DueSoon.Count})");
        foreach (var e in DueSoon)
        {
            Line($"  - {e.Title}: due {Format.Date(e.Due!.Value)}");
            Line($"    {Link(SitePaths.ReviewExplainer(e.Slug))}");
        }

        Line();
        Line($"New from readers since {Format.Date(DateOnly.FromDateTime(NewSince))} ({NewFromReaders.Sum(f => f.Reports + f.Comments)})");
        foreach (var f in NewFromReaders)
        {
            Line($"  - {f.Title}: {Count(f.Reports, "mistake report")}, {Count(f.Comments, "comment")}");
            Line($"    {Link(SitePaths.ReviewFeedback(f.Path.TrimStart('/')))}");
        }

        if (ReviewRequested.Count > 0)
        {
            Line();
            Line($"Review requested by readers: {string.Join("; ", ReviewRequested)}");
        }

        Line();
        Line($"The review dashboard: {Link(SitePaths.ReviewDashboard)}");
        Line($"You get this because you are a reviewer. Turn it off on your account page: {Link(SitePaths.Account)}");
        return text.ToString();
    }

    private string Link(string path) => SiteBase + path;

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n} {what}s";
}
