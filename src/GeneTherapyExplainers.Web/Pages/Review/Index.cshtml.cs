using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Pages.Feedback;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace GeneTherapyExplainers.Web.Pages.Review;

public sealed class IndexModel(
    ReviewWorkspace workspace,
    FeedbackWorkspace feedback,
    ContentCatalogProvider content,
    IOptions<FeedbackOptions> feedbackOptions,
    TimeProvider clock) : PageModel
{
    /// <summary>The periods a reviewer can count answers over, in days.</summary>
    public static readonly IReadOnlyList<int> Periods = [7, 30, 90];

    /// <summary>How many waiting reports and comments the dashboard itself lists.</summary>
    public const int WaitingShown = 10;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];

    public IReadOnlyDictionary<(FeedbackPage Page, string Key), PageFeedbackSummary> Feedback { get; private set; } =
        new Dictionary<(FeedbackPage, string), PageFeedbackSummary>();

    /// <summary>Pages readers ask to have reviewed, most urgent first.</summary>
    public IReadOnlyList<PageFeedbackSummary> Requested { get; private set; } = [];

    /// <summary>The oldest reports and comments still waiting.</summary>
    public IReadOnlyList<ReaderFeedback> Waiting { get; private set; } = [];

    public int WaitingTotal { get; private set; }

    public int NoRunLength => feedbackOptions.Value.NoAnswersInARow;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await workspace.DashboardAsync(content.Current, ct);
        Status = Status is "overdue" or "changed" ? Status : null;
        Rows = Status switch
        {
            "overdue" => [.. rows.Where(r => r.State.Status == ReviewStatus.Overdue)],
            "changed" => [.. rows.Where(r => r.ChangedSinceReview is not null)],
            _ => rows,
        };

        Days = Days is { } d && Periods.Contains(d) ? d : feedbackOptions.Value.DashboardDays;
        Feedback = await feedback.SummariesAsync(clock.GetUtcNow().UtcDateTime.AddDays(-Days.Value), ct);
        Requested = FeedbackWorkspace.ReviewRequested(Feedback.Values, NoRunLength);
        WaitingTotal = Feedback.Values.Sum(s => s.Waiting);
        Waiting = await feedback.WaitingAsync(limit: WaitingShown, ct: ct);
    }

    public PageFeedbackSummary? FeedbackOn(string slug) => Feedback.GetValueOrDefault((FeedbackPage.Explainers, slug));

    public string TitleOf(FeedbackPage page, string key) => FeedbackWorkspace.TitleOf(content.Current, page, key);
}
